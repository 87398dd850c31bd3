/**
 * The check's report on the host's page: a panel in its own shadow root (the host's CSS and ours
 * never meet), placed under the dialog's upload control in Element UI's look. It shows progress,
 * the verdict, each issue with what to do, the pages with the problem pages marked, the fixes
 * that apply, and — when the file is held — 仍要上传 with a reason.
 */
import type { Issue, PreflightEvent, PreflightReport } from '../../shared/pdf/types';
import { FIX_LABELS, type FixTool } from '../fix/protocol';
import { formatBytes, h } from './dom';
import { PANEL_CSS } from './panelStyle';

export type PanelState = 'held' | 'released' | 'reviewed';

export interface PanelActions {
  fix(tool: FixTool): void;
  override(reason: string): void;
  chooseAgain(): void;
}

const STAGES: Record<string, string> = { quick: '读取文件', pages: '逐页检查', number: '识别首页编号', done: '完成' };
const SEVERITY: Record<Issue['severity'], string> = { fail: '不通过', warn: '提醒', info: '说明' };

/** Which fixes can help with which findings. */
export function fixesFor(report: Pick<PreflightReport, 'issues' | 'pages'>): FixTool[] {
  const codes = new Set(report.issues.map((i) => i.code));
  const out: FixTool[] = [];
  if (codes.has('too-large')) out.push('compress');
  if (codes.has('background-border') || codes.has('skew') || codes.has('orientation')) out.push('straighten');
  if (
    report.pages &&
    ['page-count', 'blank-page', 'duplicate-page', 'orientation', 'stained-page', 'blurry-page', 'not-scanned'].some(
      (c) => codes.has(c as Issue['code']),
    )
  )
    out.push('edit');
  if (codes.has('not-pdf') || codes.has('not-scanned')) out.push('assemble');
  return out;
}

export class UploadPanel {
  readonly host: HTMLElement;
  private body: HTMLElement;
  private bar: HTMLElement | null = null;
  private stage: HTMLElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly title: string,
    private readonly actions: PanelActions,
  ) {
    this.host = h(doc, 'div', { class: 'laa-root laa-upload-panel', 'data-laa-panel': '' });
    const root = this.host.attachShadow({ mode: 'open' });
    this.body = h(doc, 'div', { class: 'body' });
    root.append(
      h(doc, 'style', { text: PANEL_CSS }),
      h(
        doc,
        'div',
        { class: 'panel', role: 'region', 'aria-label': title },
        h(
          doc,
          'div',
          { class: 'head' },
          h(doc, 'b', { text: title }),
          h(doc, 'span', { class: 'sub', text: '文件只在本机检查，不会发送到别处' }),
        ),
        this.body,
      ),
    );
  }

  /** The resting state: the dialog is guarded, with the tools that need no file yet. */
  idle(tools: FixTool[]): void {
    this.show(
      h(this.doc, 'p', {
        class: 'line',
        text: '选择文件后，先在本机检查页数、大小、清晰度、公章和首页编号，再交给智慧团建上传。',
      }),
      tools.length ? this.toolRow(tools) : null,
    );
  }

  /** A line and one button (the reviewer's 检查此 PDF). */
  prompt(text: string, label: string, onClick: () => void): void {
    this.show(
      h(this.doc, 'p', { class: 'line', text }),
      h(
        this.doc,
        'div',
        { class: 'row' },
        h(this.doc, 'button', {
          class: 'btn btn--primary',
          type: 'button',
          'data-action': 'check',
          text: label,
          onclick: onClick,
        }),
      ),
    );
  }

  checking(fileName: string, bytes: number, what = '正在检查'): void {
    const bar = h(this.doc, 'i');
    const stage = h(this.doc, 'span', { class: 'muted stage', text: '读取文件…' });
    this.show(
      h(
        this.doc,
        'p',
        { class: 'line' },
        `${what}：`,
        h(this.doc, 'b', { text: fileName }),
        bytes ? `（${formatBytes(bytes)}）` : '',
      ),
      h(this.doc, 'div', { class: 'progress', role: 'progressbar' }, bar),
      stage,
    );
    this.bar = bar;
    this.stage = stage;
  }

  progress(ev: PreflightEvent): void {
    if (!this.bar || !this.stage) return;
    if (ev.kind === 'progress') {
      const frac =
        ev.stage === 'pages' && ev.total ? 0.1 + 0.75 * (ev.done / ev.total) : ev.stage === 'number' ? 0.9 : 0.05;
      this.bar.style.width = `${Math.round(frac * 100)}%`;
      this.stage.textContent = `${STAGES[ev.stage] ?? ev.stage}${ev.stage === 'pages' ? ` ${ev.done}/${ev.total}` : ''}…`;
    } else if (ev.kind === 'quick') {
      this.bar.style.width = '10%';
      this.stage.textContent = ev.pages === null ? '读取文件…' : `共 ${ev.pages} 页，逐页检查…`;
    }
  }

  /** A step of a fix (compress, straighten …) in progress. */
  fixing(label: string, done: number, total: number): void {
    if (!this.bar || !this.stage) this.checking(label, 0, '正在修复');
    this.bar!.style.width = `${Math.round((total ? done / total : 0) * 100)}%`;
    this.stage!.textContent = `${label}… ${total ? `${done}/${total}` : ''}`;
  }

  message(text: string, tone: 'success' | 'warning' | 'error' | 'info', extra: (Node | null)[] = []): void {
    this.show(
      h(this.doc, 'div', { class: `alert alert--${tone}`, role: 'alert' }, h(this.doc, 'span', { text })),
      ...extra,
    );
  }

  /** The report. `note` adds a line above it (e.g. what a fix changed). */
  report(
    report: PreflightReport,
    state: PanelState,
    fixes: FixTool[],
    note?: { text: string; tone: 'success' | 'warning' | 'error' | 'info' },
  ): void {
    const d = this.doc;
    const verdict =
      report.verdict === 'pass'
        ? {
            tone: 'success',
            text:
              state === 'reviewed'
                ? '检查通过：未发现会被退回的问题。'
                : '检查通过，已交给智慧团建：请点击“确定上传”。',
          }
        : report.verdict === 'warn'
          ? {
              tone: 'warning',
              text:
                state === 'reviewed'
                  ? '有需要注意的问题，请核对下列各项。'
                  : '有需要注意的问题，文件已交给智慧团建；建议先处理后再上传。',
            }
          : {
              tone: 'error',
              text:
                state === 'reviewed'
                  ? '不符合要求：按《指引》此文件应退回修改。'
                  : '已拦下：此文件上传后会被系统拒收或被上级退回。请先修复，或说明理由后仍要上传。',
            };
    const summary = `${report.fileName} · ${report.pages ?? '?'} 页 · ${formatBytes(report.bytes)}${report.page1Number ? ` · 首页编号 ${report.page1Number.value}` : ''}`;
    const issues = report.issues.filter(
      (i) => i.severity !== 'info' || i.code === 'number-unreadable' || i.code === 'no-seal',
    );
    // A pass on the way to the host is a small confirmation: the verdict and what was checked.
    const brief = report.verdict === 'pass' && state === 'released' && !issues.length;
    this.show(
      note ? h(d, 'div', { class: `alert alert--${note.tone} note`, text: note.text }) : null,
      h(
        d,
        'div',
        { class: `alert alert--${verdict.tone} verdict`, 'data-verdict': report.verdict, role: 'status' },
        h(d, 'b', { text: verdict.text }),
      ),
      h(d, 'p', { class: 'line muted summary', text: summary }),
      issues.length
        ? h(
            d,
            'ul',
            { class: 'issues' },
            issues.map((i) => this.issue(i)),
          )
        : null,
      brief ? null : this.pages(report),
      fixes.length
        ? h(
            d,
            'div',
            { class: 'section fixes' },
            h(d, 'div', { class: 'section-title', text: '一键修复（在本机完成，修复后自动重新检查）' }),
            this.toolRow(fixes),
          )
        : null,
      state === 'held' ? this.heldActions() : null,
    );
  }

  multiple(count: number, images: boolean): void {
    const d = this.doc;
    this.show(
      h(
        d,
        'div',
        { class: 'alert alert--error verdict', 'data-verdict': 'fail', role: 'alert' },
        h(d, 'b', {
          text: `您选择了 ${count} 个文件。《指引》要求每名团员上传 1 份 PDF 格式的《入团志愿书》（§3.2.1），文件未交给智慧团建。`,
        }),
      ),
      h(d, 'p', {
        class: 'line',
        text: images
          ? '这些是照片：可以按顺序拼成 1 份 PDF。'
          : '请把全部页面合成 1 份 PDF 后再选择，或只选择其中正确的一份。',
      }),
      images ? this.toolRow(['assemble']) : null,
      h(
        d,
        'div',
        { class: 'row' },
        h(d, 'button', {
          class: 'btn',
          type: 'button',
          text: '重新选择文件',
          onclick: () => this.actions.chooseAgain(),
        }),
      ),
    );
  }

  private issue(i: Issue): HTMLElement {
    const d = this.doc;
    return h(
      d,
      'li',
      { 'data-code': i.code, ...(i.page ? { 'data-page': i.page } : {}) },
      h(d, 'span', { class: `sev sev--${i.severity}`, text: SEVERITY[i.severity] }),
      i.page ? h(d, 'b', { text: `第${i.page}页：` }) : null,
      i.message,
    );
  }

  private pages(report: PreflightReport): HTMLElement | null {
    const d = this.doc;
    const n = report.pages ?? 0;
    if (!n || n > 40) return null;
    const worst = new Map<number, 'bad' | 'warn'>();
    for (const i of report.issues) {
      if (!i.page || i.severity === 'info') continue;
      if (i.severity === 'fail') worst.set(i.page, 'bad');
      else if (!worst.has(i.page)) worst.set(i.page, 'warn');
    }
    // Thumbnails come one per analysed page; when some page has none they cannot be placed.
    const thumbs = report.thumbnails.length === n ? report.thumbnails : null;
    return h(
      d,
      'div',
      { class: 'pages' },
      Array.from({ length: n }, (_, k) => {
        const p = k + 1;
        const mark = worst.get(p);
        const src = thumbs?.[k];
        return h(
          d,
          'div',
          { class: `page${mark ? ` ${mark}` : ''}`, 'data-page': p, title: mark ? '此页有问题' : '' },
          src ? h(d, 'img', { src, alt: `第${p}页` }) : h(d, 'span', { class: 'blank' }),
          `第${p}页`,
        );
      }),
    );
  }

  private toolRow(tools: FixTool[]): HTMLElement {
    const d = this.doc;
    return h(
      d,
      'div',
      { class: 'row' },
      tools.map((t) =>
        h(d, 'button', {
          class: 'btn btn--primary',
          type: 'button',
          'data-fix': t,
          text: FIX_LABELS[t],
          onclick: () => this.actions.fix(t),
        }),
      ),
    );
  }

  private heldActions(): HTMLElement {
    const d = this.doc;
    const reason = h(d, 'textarea', {
      placeholder: '请说明仍要上传的理由（例如：已与上级团委确认）。理由会记录在本机的操作记录中。',
      maxlength: 500,
    });
    const confirm = h(d, 'button', {
      class: 'btn btn--danger',
      type: 'button',
      text: '确认仍要上传',
      disabled: true,
    }) as HTMLButtonElement;
    const box = h(d, 'div', { class: 'override', hidden: true }, reason, h(d, 'div', { class: 'row' }, confirm));
    reason.addEventListener('input', () => (confirm.disabled = reason.value.trim().length < 2));
    confirm.addEventListener('click', () => {
      if (reason.value.trim().length >= 2) this.actions.override(reason.value.trim());
    });
    return h(
      d,
      'div',
      { class: 'section' },
      h(
        d,
        'div',
        { class: 'row' },
        h(d, 'button', {
          class: 'btn',
          type: 'button',
          text: '重新选择文件',
          onclick: () => this.actions.chooseAgain(),
        }),
        h(d, 'button', {
          class: 'btn btn--danger',
          type: 'button',
          text: '仍要上传…',
          onclick: () => {
            box.hidden = false;
            reason.focus();
          },
        }),
      ),
      box,
    );
  }

  private show(...nodes: (Node | null)[]): void {
    this.bar = null;
    this.stage = null;
    this.body.replaceChildren(...nodes.filter((n): n is Node => n !== null));
  }
}
