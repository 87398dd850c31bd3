/**
 * One upload control behind the gate, and what happens to a file chosen there: checked in the
 * analysis frame against the row's member, then let go to the host or held, and kept for the
 * member either way. A held file goes on only when fixed or sent anyway with a reason.
 */
import type { AppliedLocalRule } from '../../shared/api/localRules';
import type { PreflightReport } from '../../shared/pdf/types';
import { errorText } from '../../shared/errorText';
import type { SendFn } from '../core/feature';
import type { FixTool } from '../fix/protocol';
import type { EngineFrame } from './engineClient';
import type { FixFrame } from './fixClient';
import { withContent } from './content';
import { clearChosen, handToHost } from './handoff';
import type { UploadMember } from './member';
import { fixesFor, type UploadPanel } from './panel';
import { summaryOf } from './summary';

/** What every slot's steps share: the messages, and the two extension frames (opened on first use). */
export interface GateContext {
  send: SendFn;
  engine(): EngineFrame;
  fixer(): FixFrame;
  /** Committees' local rules for the admin's organisation (see ./content). */
  localRules(): Promise<AppliedLocalRule[]>;
  /** Called after a result was kept (the list re-reads what it knows, e.g. the page-1 number). */
  onRecorded?: (() => void) | undefined;
}

/** The state of one upload control: what was chosen, what the check said. */
export interface Slot {
  input: HTMLInputElement;
  panel: UploadPanel;
  member: UploadMember | null;
  file: File | null;
  report: PreflightReport | null;
  held: boolean;
  /** Several photos chosen at once: what the assemble tool starts from. */
  pendingImages?: File[] | undefined;
}

export type Note = { text: string; tone: 'success' | 'warning' | 'error' | 'info' };

export const isImage = (f: File) => /^image\/(jpeg|png|webp)$/.test(f.type) || /\.(jpe?g|png|webp)$/i.test(f.name);

/** A file chosen by the admin (or handed over by a tool): check it, then let it go or hold it. */
export async function choose(ctx: GateContext, slot: Slot, files: File[], fix?: FixTool): Promise<void> {
  if (files.length > 1) {
    slot.panel.multiple(files.length, files.every(isImage));
    slot.pendingImages = files.every(isImage) ? files : undefined;
    return;
  }
  const file = files[0]!;
  const report = await check(ctx, slot, file);
  if (!report) return;
  settle(ctx, slot, file, report, fix);
}

/** The engine's report on a file, or null when it could not answer (the file then goes on as the host would take it). */
export async function check(ctx: GateContext, slot: Slot, file: File, what?: string): Promise<PreflightReport | null> {
  slot.panel.checking(file.name, file.size, what);
  const m = slot.member;
  try {
    return await ctx.engine().check(
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
        localRules: await ctx.localRules(),
      },
    );
  } catch (err) {
    handToHost(slot.input, file);
    slot.file = file;
    slot.held = false;
    slot.panel.message(`未能完成检查（${errorText(err)}），文件已按原样交给智慧团建。`, 'warning');
    return null;
  }
}

/** A failed file is held (and whatever the host held from before taken out); any other goes to the host. */
export function settle(
  ctx: GateContext,
  slot: Slot,
  file: File,
  report: PreflightReport,
  fix?: FixTool,
  note?: Note,
): void {
  slot.file = file;
  slot.report = report;
  slot.pendingImages = undefined;
  const offers = fixesFor(report).filter((t) => t !== fix || t === 'edit');
  slot.held = report.verdict === 'fail';
  if (slot.held) clearChosen(slot.input);
  else handToHost(slot.input, file);
  const decision = slot.held ? 'held' : 'released';
  slot.panel.report(report, decision, offers, note);
  void record(ctx, slot, report, decision, undefined, fix);
}

/** 仍要上传: the held file goes to the host, the admin's reason kept with it. */
export async function override(ctx: GateContext, slot: Slot, reason: string): Promise<void> {
  if (!slot.file || !slot.report || !slot.held) return;
  slot.held = false;
  handToHost(slot.input, slot.file);
  slot.panel.report(slot.report, 'released', [], {
    text: `已按您的决定交给智慧团建（理由已记录：${reason}）。请点击“确定上传”。`,
    tone: 'warning',
  });
  await record(ctx, slot, slot.report, 'override', reason);
}

/** Back to what the panel showed before a fix, with a note. */
export function restore(slot: Slot, note?: Note): void {
  if (slot.report) slot.panel.report(slot.report, slot.held ? 'held' : 'released', fixesFor(slot.report), note);
  else if (note) slot.panel.message(note.text, note.tone);
  else slot.panel.idle(['assemble']);
}

/** Keeps the result for the member (never the file). */
async function record(
  ctx: GateContext,
  slot: Slot,
  report: PreflightReport,
  decision: 'released' | 'held' | 'override',
  reason?: string,
  fix?: FixTool,
): Promise<void> {
  const m = slot.member;
  const reply = await ctx
    .send('recordPreflight', {
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
    })
    .catch(() => null);
  if (reply?.ok) ctx.onRecorded?.();
}
