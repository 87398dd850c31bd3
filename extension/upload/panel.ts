/**
 * The check's report on the host's page: a panel in its own shadow root (the host's CSS and ours
 * never meet), placed under the dialog's upload control in Element UI's look. It shows progress,
 * the report (panelReport.ts) and — when the file is held — 仍要上传 with a reason. However long
 * the report, the dialog stays inside the window: the panel scrolls, the host's 确定上传 stays in view.
 */
import type { PreflightEvent, PreflightReport } from '../../shared/pdf/types';
import { FIX_LABELS, type FixTool } from '../fix/protocol';
import { formatBytes, h } from './dom';
import { reportView, type PanelState } from './panelReport';
import { PANEL_CSS } from './panelStyle';

export { fixesFor, type PanelState } from './panelReport';

/** Below this the panel does not shrink further: a few findings must stay readable. */
const MIN_BODY_PX = 140;
/** Room kept between the dialog's bottom and the window's. */
const VIEWPORT_MARGIN_PX = 12;

export interface PanelActions {
  fix(tool: FixTool): void;
  override(reason: string): void;
  chooseAgain(): void;
}

const STAGES: Record<string, string> = { quick: '读取文件', pages: '逐页检查', number: '识别首页编号', done: '完成' };
/** Shown under the report while the form's content is read (the admin may upload meanwhile). */
const READING = '正在读取内容…';
export class UploadPanel {
  readonly host: HTMLElement;
  private body: HTMLElement;
  private bar: HTMLElement | null = null;
  private stage: HTMLElement | null = null;
  /** The line under a report while its content is read. */
  private reading: HTMLElement | null = null;

  /**
   * `frame` names the host's box (its dialog) that must stay inside the window; without one the
   * panel's own height is capped by its style.
   */
  constructor(
    private readonly doc: Document,
    private readonly title: string,
    private readonly actions: PanelActions,
    private readonly frame?: string,
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
    doc.defaultView?.addEventListener('resize', () => this.fit());
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
    if (ev.kind === 'progress' && ev.stage === 'content') {
      if (this.reading) this.reading.textContent = `${READING} 第 ${ev.done}/${ev.total} 页`;
      return;
    }
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
    const { lead, rest } = reportView(this.doc, report, state, fixes, (t) => this.actions.fix(t));
    const reading = report.contentPending
      ? h(this.doc, 'p', { class: 'line muted reading', role: 'status', text: READING })
      : null;
    this.show(
      note ? h(this.doc, 'div', { class: `alert alert--${note.tone} note`, text: note.text }) : null,
      lead,
      reading,
      ...rest,
      state === 'held' ? this.heldActions() : null,
    );
    this.reading = reading;
  }

  /** The content could not be read: the report above stands. */
  contentFailed(message: string): void {
    if (!this.reading) return;
    this.reading.textContent = `未能读取表上所写内容（${message}），以上为图片检查结果。`;
    this.reading = null;
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
    this.reading = null;
    this.body.replaceChildren(...nodes.filter((n): n is Node => n !== null));
    this.fit();
  }

  /**
   * Caps the panel's height so the host's dialog ends inside the window: what does not fit
   * scrolls inside the panel. Measured from the dialog's own top (its scroll container's offset
   * added back), so a dialog already scrolled is sized as it will sit.
   */
  private fit(): void {
    const win = this.doc.defaultView;
    const box = this.frame ? this.host.closest(this.frame) : null;
    if (!win || !box || !this.host.isConnected) return;
    this.body.style.maxHeight = '';
    const rect = box.getBoundingClientRect();
    const top = rect.top + (box.parentElement?.scrollTop ?? 0);
    const fixedPart = rect.height - this.body.getBoundingClientRect().height;
    const room = win.innerHeight - VIEWPORT_MARGIN_PX - Math.max(0, top) - fixedPart;
    if (top + rect.height > win.innerHeight - VIEWPORT_MARGIN_PX)
      this.body.style.maxHeight = `${Math.max(MIN_BODY_PX, Math.floor(room))}px`;
  }
}
