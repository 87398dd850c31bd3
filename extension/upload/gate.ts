/**
 * The gate in front of the host's archive upload. A capture-phase `change` listener on the
 * document sees the el-upload input's event before Vue does: the chosen file is held, checked in
 * the analysis frame against the row's member, and only then handed to the host (a fresh
 * `change` the gate lets through). Drops on Element's drag area are treated the same way. A file
 * the check fails stays held until it is fixed or the admin sends it anyway with a reason.
 */
import type { PreflightReport } from '../../shared/pdf/types';
import type { SendFn } from '../core/feature';
import { observeElements, waitForElement, type OnError } from '../core/elements';
import type { RowMember } from '../core/rows';
import { isWord, sel } from '../host/terms';
import { compareReports, VERDICT_WORDS } from '../fix/compare';
import { FIX_LABELS, type FixTool } from '../fix/protocol';
import { rulesSource, withContent } from './content';
import { openEngine, type EngineFrame } from './engineClient';
import { openFixFrame, type FixFrame } from './fixClient';
import { clearChosen, handToHost, released } from './handoff';
import { dialogOf, memberOfButton, uploadMember, type UploadMember } from './member';
import { fixesFor, UploadPanel } from './panel';
import { summaryOf } from './summary';
import { errorText } from '../../shared/errorText';

export interface GateOptions {
  doc: Document;
  signal: AbortSignal;
  send: SendFn;
  /** Called after a result was kept (the list re-reads what it knows, e.g. the page-1 number). */
  onRecorded?: () => void;
  /** An error, or an upload dialog the gate cannot read: the feature stops (the host's upload goes on untouched). */
  onError?: OnError;
}

/** How long an 上传档案 dialog may take to show its file control. */
const INPUT_WAIT_MS = 5_000;

/** The state of one upload control: what was chosen, what the check said. */
interface Slot {
  input: HTMLInputElement;
  panel: UploadPanel;
  member: UploadMember | null;
  file: File | null;
  report: PreflightReport | null;
  held: boolean;
  /** Several photos chosen at once: what the assemble tool starts from. */
  pendingImages?: File[] | undefined;
}

/** Findings the straighten fix answers, page by page. */
const STRAIGHTEN_CODES: ReadonlySet<string> = new Set(['background-border', 'skew', 'orientation']);

const isImage = (f: File) => /^image\/(jpeg|png|webp)$/.test(f.type) || /\.(jpe?g|png|webp)$/i.test(f.name);

/** An input the guide's upload uses: in an 上传档案 / 替换档案 dialog, or the archive's own field. */
export function isArchiveInput(input: HTMLInputElement): boolean {
  if (input.type !== 'file' || !input.closest(sel('upload.component'))) return false;
  const dlg = dialogOf(input);
  if (dlg && isWord('dialog.uploadTitle', dlg.title)) return true;
  return input.matches(sel('upload.archiveInput')) || (input.matches(sel('upload.pdfInput')) && !!dlg);
}

export function startUploadGate(o: GateOptions): void {
  const { doc, signal, send } = o;
  const onError: OnError = o.onError ?? ((e) => console.debug('[团员电子档案助手]', e));
  /** A listener whose errors stop the feature instead of reaching the host's page. */
  const guarded =
    <E extends Event>(fn: (e: E) => void) =>
    (e: E) => {
      try {
        fn(e);
      } catch (err) {
        onError(err);
      }
    };
  let engine: EngineFrame | null = null;
  let fixer: FixFrame | null = null;
  let lastRow: { member: RowMember | null; at: number } | null = null;
  const slots = new WeakMap<HTMLInputElement, Slot>();
  const engineFrame = () => (engine ??= openEngine(doc, signal));
  const fixFrame = () => (fixer ??= openFixFrame(doc, signal));

  // The row whose 上传档案 / 替换档案 was clicked names the member the dialog is for.
  doc.addEventListener(
    'click',
    guarded((e) => {
      const btn = (e.target as Element | null)?.closest?.(sel('button'));
      if (!btn || !isWord('list.uploadButton', btn.textContent ?? '')) return;
      lastRow = { member: memberOfButton(btn, doc), at: Date.now() };
    }),
    { capture: true, signal },
  );

  const slotFor = (input: HTMLInputElement): Slot => {
    let slot = slots.get(input);
    if (slot && slot.panel.host.isConnected) return slot;
    const dlg = dialogOf(input);
    const member = uploadMember(lastRow?.member ?? null, dlg?.dialog ?? null, doc);
    const panel = new UploadPanel(
      doc,
      '团员电子档案助手 · 上传前检查',
      {
        fix: (tool) => void runFix(slot!, tool),
        override: (reason) => void override(slot!, reason),
        chooseAgain: () => input.click(),
      },
      sel('dialog.root'),
    );
    slot = { input, panel, member, file: null, report: null, held: false };
    slots.set(input, slot);
    const anchor = input.closest(sel('upload.component'))?.parentElement ?? input.parentElement;
    anchor?.after(panel.host);
    panel.idle(['assemble']);
    return slot;
  };

  // Each upload dialog gets its panel (and warms the engine) as soon as it opens.
  const inputOf = (dialog: Element) =>
    dialog.querySelector<HTMLInputElement>(`${sel('upload.component')} ${sel('upload.fileInput')}`);
  observeElements<HTMLElement>(
    doc.body,
    sel('dialog.root'),
    signal,
    (dialog) => {
      const input = inputOf(dialog);
      if (input && isArchiveInput(input)) {
        slotFor(input);
        engineFrame();
        return;
      }
      // An 上传档案 dialog without a file control the gate knows: say so rather than check nothing.
      if (!isWord('dialog.uploadTitle', dialog.querySelector(sel('dialog.title'))?.textContent ?? '')) return;
      void waitForElement(dialog, () => inputOf(dialog), signal, INPUT_WAIT_MS).then((found) => {
        if (signal.aborted || !dialog.isConnected) return;
        if (!found) onError('上传对话框中没有找到选择文件的控件');
        else if (isArchiveInput(found)) slotFor(found);
      });
    },
    onError,
  );

  doc.addEventListener(
    'change',
    guarded((e) => {
      const input = e.target;
      if (!(input instanceof HTMLInputElement) || released.has(e) || !isArchiveInput(input)) return;
      const files = Array.from(input.files ?? []);
      if (!files.length) return;
      e.stopImmediatePropagation();
      // Cleared, so choosing the same file again after a fix is still a change.
      input.value = '';
      choose(slotFor(input), files).catch(onError);
    }),
    { capture: true, signal },
  );

  doc.addEventListener(
    'drop',
    guarded((e: DragEvent) => {
      const dragger = (e.target as Element | null)?.closest?.(sel('upload.dragger'));
      const input = dragger?.closest(sel('upload.component'))?.querySelector<HTMLInputElement>(sel('upload.fileInput'));
      if (!dragger || !input || !isArchiveInput(input)) return;
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (!files.length) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      // Element marks the area while something is dragged over it; the drop it did not see ends that.
      dragger.dispatchEvent(new Event('dragleave', { bubbles: true }));
      choose(slotFor(input), files).catch(onError);
    }),
    { capture: true, signal },
  );

  async function record(
    slot: Slot,
    report: PreflightReport,
    decision: 'released' | 'held' | 'override',
    reason?: string,
    fix?: FixTool,
  ): Promise<void> {
    const m = slot.member;
    const reply = await send('recordPreflight', {
      member: m
        ? {
            org: m.org,
            name: m.name,
            ...(m.devNumber !== undefined ? { devNumber: m.devNumber } : {}),
            ...(m.joinedOn ? { joinedOn: m.joinedOn } : {}),
          }
        : null,
      result: summaryOf(report, fix),
      context: 'upload',
      decision,
      ...(reason ? { reason } : {}),
    }).catch(() => null);
    if (reply?.ok) o.onRecorded?.();
  }

  const localRules = rulesSource(send);

  async function check(slot: Slot, file: File, what?: string): Promise<PreflightReport | null> {
    slot.panel.checking(file.name, file.size, what);
    try {
      const m = slot.member;
      return await engineFrame().check(
        file,
        file.name,
        m
          ? {
              name: m.name,
              ...(m.devNumber !== undefined ? { devNumber: m.devNumber } : {}),
              ...(m.joinedOn ? { joinedOn: m.joinedOn } : {}),
            }
          : undefined,
        (ev) => slot.panel.progress(ev),
        {
          // The admin may upload meanwhile: the content joins the report on the panel when it comes.
          onContent: (content) => {
            if (slot.file !== file || !slot.report) return;
            slot.report = withContent(slot.report, content);
            slot.panel.report(slot.report, slot.held ? 'held' : 'released', fixesFor(slot.report));
          },
          onFailed: (message) => slot.panel.contentFailed(message),
          localRules: await localRules(),
        },
      );
    } catch (err) {
      return reportError(slot, file, err);
    }
  }

  /** The engine could not answer: the host's own behaviour goes on (the file is not held). */
  function reportError(slot: Slot, file: File, err: unknown): null {
    handToHost(slot.input, file);
    slot.file = file;
    slot.held = false;
    slot.panel.message(`未能完成检查（${errorText(err)}），文件已按原样交给智慧团建。`, 'warning');
    return null;
  }

  /** A file chosen by the admin (or handed over by a tool): check it, then let it go or hold it. */
  async function choose(slot: Slot, files: File[], fix?: FixTool): Promise<void> {
    if (files.length > 1) {
      slot.panel.multiple(files.length, files.every(isImage));
      slot.pendingImages = files.every(isImage) ? files : undefined;
      return;
    }
    const file = files[0]!;
    const report = await check(slot, file);
    if (!report) return;
    settle(slot, file, report, fix);
  }

  function settle(
    slot: Slot,
    file: File,
    report: PreflightReport,
    fix?: FixTool,
    note?: { text: string; tone: 'success' | 'warning' | 'error' | 'info' },
  ): void {
    slot.file = file;
    slot.report = report;
    slot.pendingImages = undefined;
    const offers = fixesFor(report).filter((t) => t !== fix || t === 'edit');
    if (report.verdict === 'fail') {
      slot.held = true;
      // Whatever the host holds from before is taken out: nothing is sent until this is settled.
      clearChosen(slot.input);
      slot.panel.report(report, 'held', offers, note);
      void record(slot, report, 'held', undefined, fix);
    } else {
      slot.held = false;
      handToHost(slot.input, file);
      slot.panel.report(report, 'released', offers, note);
      void record(slot, report, 'released', undefined, fix);
    }
  }

  async function override(slot: Slot, reason: string): Promise<void> {
    if (!slot.file || !slot.report || !slot.held) return;
    slot.held = false;
    handToHost(slot.input, slot.file);
    slot.panel.report(slot.report, 'released', [], {
      text: `已按您的决定交给智慧团建（理由已记录：${reason}）。请点击“确定上传”。`,
      tone: 'warning',
    });
    await record(slot, slot.report, 'override', reason);
  }

  async function runFix(slot: Slot, tool: FixTool): Promise<void> {
    const before = slot.report;
    const source =
      tool === 'assemble'
        ? (slot.pendingImages ?? (slot.file && isImage(slot.file) ? [slot.file] : []))
        : slot.file
          ? [slot.file]
          : [];
    const files = await Promise.all(
      source.map(async (f) => ({ name: f.name, type: f.type, bytes: await f.arrayBuffer() })),
    );
    const m = slot.member;
    const label = FIX_LABELS[tool];
    slot.panel.fixing(label, 0, 0);
    let outcome;
    try {
      outcome = await fixFrame().run(
        {
          tool,
          files,
          ...(m
            ? {
                member: {
                  name: m.name,
                  ...(m.devNumber ? { devNumber: m.devNumber } : {}),
                  ...(m.joinedOn ? { joinedOn: m.joinedOn } : {}),
                },
              }
            : {}),
          problemPages: [
            ...new Set((before?.issues ?? []).flatMap((i) => (i.page && i.severity !== 'info' ? [i.page] : []))),
          ],
          // Straighten only the pages found crooked or photographed with the desk; the rest stay as scanned.
          ...(tool === 'straighten' && before
            ? {
                options: {
                  pages: [
                    ...new Set(before.issues.flatMap((i) => (i.page && STRAIGHTEN_CODES.has(i.code) ? [i.page] : []))),
                  ],
                },
              }
            : {}),
        },
        (p) => slot.panel.fixing(`${label}：${p.stage}`, p.done, p.total),
      );
    } catch (err) {
      restore(slot, {
        text: `${label}未能完成：${errorText(err)}。原文件未改动。`,
        tone: 'error',
      });
      return;
    }
    if (outcome.kind !== 'result') {
      restore(slot);
      return;
    }
    const fixed = new File([outcome.file.bytes], outcome.file.name, { type: 'application/pdf' });
    const after = await check(slot, fixed, '重新检查修复后的文件');
    if (!after) return;
    if (before && slot.file) {
      const cmp = compareReports(before, after, tool === 'edit' || tool === 'assemble');
      if (cmp.worse) {
        const what = cmp.added.length
          ? cmp.added.map((i) => `${i.page ? `第${i.page}页` : ''}${i.message.split('。')[0]}`).join('；')
          : `结论变为“${VERDICT_WORDS[after.verdict]}”`;
        restore(slot, { text: `${label}后的文件检查结果更差（${what}），已保留原文件。`, tone: 'error' });
        return;
      }
      const gone = cmp.removed.length;
      const note = `${label}完成：${(before.bytes / 1e6).toFixed(1)}MB → ${(after.bytes / 1e6).toFixed(1)}MB，${gone ? `解决了 ${gone} 个问题` : '检查结果没有变差'}。`;
      settle(slot, fixed, after, tool, { text: note, tone: after.verdict === 'fail' ? 'warning' : 'success' });
      return;
    }
    settle(slot, fixed, after, tool, {
      text: `${label}完成，已生成 1 份 ${after.pages ?? '?'} 页的 PDF。`,
      tone: after.verdict === 'fail' ? 'warning' : 'success',
    });
  }

  /** Back to what the panel showed before a fix, with a note. */
  function restore(slot: Slot, note?: { text: string; tone: 'success' | 'warning' | 'error' | 'info' }): void {
    if (slot.report) slot.panel.report(slot.report, slot.held ? 'held' : 'released', fixesFor(slot.report), note);
    else if (note) slot.panel.message(note.text, note.tone);
    else slot.panel.idle(['assemble']);
  }
}
