/**
 * The gate in front of the host's archive upload. A capture-phase `change` listener on the
 * document sees the el-upload input's event before Vue does: the chosen file is held, checked in
 * the analysis frame against the row's member, and only then handed to the host (a fresh
 * `change` the gate lets through). Drops on Element's drag area are treated the same way. A file
 * the check fails stays held until it is fixed or the admin sends it anyway with a reason.
 */
import type { SendFn } from '../core/feature';
import { observeElements, waitForElement, type OnError } from '../core/elements';
import type { RowMember } from '../core/rows';
import { isWord, sel } from '../host/terms';
import { rulesSource } from './content';
import { openEngine, type EngineFrame } from './engineClient';
import { openFixFrame, type FixFrame } from './fixClient';
import { released } from './handoff';
import { runFix } from './gateFix';
import { dialogOf, memberOfButton, uploadMember } from './member';
import { UploadPanel } from './panel';
import { choose, override, type GateContext, type Slot } from './slot';

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

/** An input the guide's upload uses: in an 上传档案 / 替换档案 dialog, or the archive's own field. */
export function isArchiveInput(input: HTMLInputElement): boolean {
  if (input.type !== 'file' || !input.closest(sel('upload.component'))) return false;
  const dlg = dialogOf(input);
  if (dlg && isWord('dialog.uploadTitle', dlg.title)) return true;
  return input.matches(sel('upload.archiveInput')) || (input.matches(sel('upload.pdfInput')) && !!dlg);
}

/**
 * The gate's steps: remember which row's 上传档案 was clicked, give each upload dialog its panel,
 * and take the file chosen or dropped there before the host sees it.
 */
export function startUploadGate(o: GateOptions): void {
  const { doc, signal } = o;
  const onError: OnError = o.onError ?? ((e) => console.debug('[团员电子档案助手]', e));
  let engine: EngineFrame | null = null;
  let fixer: FixFrame | null = null;
  const ctx: GateContext = {
    send: o.send,
    engine: () => (engine ??= openEngine(doc, signal)),
    fixer: () => (fixer ??= openFixFrame(doc, signal)),
    localRules: rulesSource(o.send),
    onRecorded: o.onRecorded,
  };
  const lastRow = watchUploadButtons(doc, signal, onError);
  const slotFor = slotsOf(doc, ctx, lastRow);
  watchUploadDialogs(
    doc,
    signal,
    (input) => {
      slotFor(input);
      ctx.engine();
    },
    onError,
  );
  interceptChoice(doc, signal, (input, files) => choose(ctx, slotFor(input), files).catch(onError), onError);
}

/** A listener whose errors stop the feature instead of reaching the host's page. */
const guarded =
  <E extends Event>(onError: OnError, fn: (e: E) => void) =>
  (e: E) => {
    try {
      fn(e);
    } catch (err) {
      onError(err);
    }
  };

/** The row whose 上传档案 / 替换档案 was clicked names the member the dialog is for. */
function watchUploadButtons(doc: Document, signal: AbortSignal, onError: OnError): () => RowMember | null {
  let lastRow: RowMember | null = null;
  doc.addEventListener(
    'click',
    guarded(onError, (e) => {
      const btn = (e.target as Element | null)?.closest?.(sel('button'));
      if (!btn || !isWord('list.uploadButton', btn.textContent ?? '')) return;
      lastRow = memberOfButton(btn, doc);
    }),
    { capture: true, signal },
  );
  return () => lastRow;
}

/** One slot per upload control, its panel placed under the control (made anew if the dialog was rebuilt). */
function slotsOf(doc: Document, ctx: GateContext, lastRow: () => RowMember | null) {
  const slots = new WeakMap<HTMLInputElement, Slot>();
  return (input: HTMLInputElement): Slot => {
    const kept = slots.get(input);
    if (kept && kept.panel.host.isConnected) return kept;
    const dlg = dialogOf(input);
    const panel = new UploadPanel(
      doc,
      '团员电子档案助手 · 上传前检查',
      {
        fix: (tool) => void runFix(ctx, slot, tool),
        override: (reason) => void override(ctx, slot, reason),
        chooseAgain: () => input.click(),
      },
      sel('dialog.root'),
    );
    const member = uploadMember(lastRow(), dlg?.dialog ?? null, doc);
    const slot: Slot = { input, panel, member, file: null, report: null, held: false };
    slots.set(input, slot);
    const anchor = input.closest(sel('upload.component'))?.parentElement ?? input.parentElement;
    anchor?.after(panel.host);
    panel.idle(['assemble']);
    return slot;
  };
}

/** Each upload dialog gets its panel (and warms the engine) as soon as it opens. */
function watchUploadDialogs(
  doc: Document,
  signal: AbortSignal,
  opened: (input: HTMLInputElement) => void,
  onError: OnError,
): void {
  const inputOf = (dialog: Element) =>
    dialog.querySelector<HTMLInputElement>(`${sel('upload.component')} ${sel('upload.fileInput')}`);
  observeElements<HTMLElement>(
    doc.body,
    sel('dialog.root'),
    signal,
    (dialog) => {
      const input = inputOf(dialog);
      if (input && isArchiveInput(input)) return opened(input);
      // An 上传档案 dialog without a file control the gate knows: say so rather than check nothing.
      if (!isWord('dialog.uploadTitle', dialog.querySelector(sel('dialog.title'))?.textContent ?? '')) return;
      void waitForElement(dialog, () => inputOf(dialog), signal, INPUT_WAIT_MS).then((found) => {
        if (signal.aborted || !dialog.isConnected) return;
        if (!found) onError('上传对话框中没有找到选择文件的控件');
        else if (isArchiveInput(found)) opened(found);
      });
    },
    onError,
  );
}

/**
 * A file chosen in an archive input, or dropped on Element's drag area, is taken before Vue sees
 * it (capture phase); a change the gate itself lets through (`released`) passes.
 */
function interceptChoice(
  doc: Document,
  signal: AbortSignal,
  chosen: (input: HTMLInputElement, files: File[]) => void,
  onError: OnError,
): void {
  doc.addEventListener(
    'change',
    guarded(onError, (e) => {
      const input = e.target;
      if (!(input instanceof HTMLInputElement) || released.has(e) || !isArchiveInput(input)) return;
      const files = Array.from(input.files ?? []);
      if (!files.length) return;
      e.stopImmediatePropagation();
      // Cleared, so choosing the same file again after a fix is still a change.
      input.value = '';
      chosen(input, files);
    }),
    { capture: true, signal },
  );
  doc.addEventListener(
    'drop',
    guarded(onError, (e: DragEvent) => {
      const dragger = (e.target as Element | null)?.closest?.(sel('upload.dragger'));
      const input = dragger?.closest(sel('upload.component'))?.querySelector<HTMLInputElement>(sel('upload.fileInput'));
      if (!dragger || !input || !isArchiveInput(input)) return;
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (!files.length) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      // Element marks the area while something is dragged over it; the drop it did not see ends that.
      dragger.dispatchEvent(new Event('dragleave', { bubbles: true }));
      chosen(input, files);
    }),
    { capture: true, signal },
  );
}
