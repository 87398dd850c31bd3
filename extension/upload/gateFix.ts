/**
 * A fix tool run from the upload panel: the held file (or the photos chosen) goes to the fix
 * frame, the result is checked again, and it replaces the original only if its check is no worse.
 */
import type { PreflightReport } from '../../shared/pdf/types';
import { errorText } from '../../shared/errorText';
import { compareReports, VERDICT_WORDS } from '../fix/compare';
import { FIX_LABELS, type FixRequest, type FixTool } from '../fix/protocol';
import { check, isImage, restore, settle, type GateContext, type Note, type Slot } from './slot';

/** Findings the straighten fix answers, page by page. */
const STRAIGHTEN_CODES: ReadonlySet<string> = new Set(['background-border', 'skew', 'orientation']);

export async function runFix(ctx: GateContext, slot: Slot, tool: FixTool): Promise<void> {
  const before = slot.report;
  const label = FIX_LABELS[tool];
  slot.panel.fixing(label, 0, 0);
  let outcome;
  try {
    outcome = await ctx
      .fixer()
      .run(await fixRequest(slot, tool), (p) => slot.panel.fixing(`${label}：${p.stage}`, p.done, p.total));
  } catch (err) {
    restore(slot, { text: `${label}未能完成：${errorText(err)}。原文件未改动。`, tone: 'error' });
    return;
  }
  if (outcome.kind !== 'result') {
    restore(slot);
    return;
  }
  const fixed = new File([outcome.file.bytes], outcome.file.name, { type: 'application/pdf' });
  const after = await check(ctx, slot, fixed, '重新检查修复后的文件');
  if (!after) return;
  const verdict = before && slot.file ? judgeFix(tool, before, after) : made(label, after);
  if (verdict.keepOriginal) restore(slot, verdict.note);
  else settle(ctx, slot, fixed, after, tool, verdict.note);
}

/** What the fix frame gets: the files, the member, the pages with problems (for straighten, only the crooked ones). */
async function fixRequest(slot: Slot, tool: FixTool): Promise<Omit<FixRequest, 'type'>> {
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
  const pagesWith = (keep: (i: PreflightReport['issues'][number]) => boolean) => [
    ...new Set((before?.issues ?? []).flatMap((i) => (i.page && keep(i) ? [i.page] : []))),
  ];
  return {
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
    problemPages: pagesWith((i) => i.severity !== 'info'),
    // Straighten only the pages found crooked or photographed with the desk; the rest stay as scanned.
    ...(tool === 'straighten' && before ? { options: { pages: pagesWith((i) => STRAIGHTEN_CODES.has(i.code)) } } : {}),
  };
}

/** A fixed file whose check is worse than the original's is not kept. */
function judgeFix(
  tool: FixTool,
  before: PreflightReport,
  after: PreflightReport,
): { keepOriginal: boolean; note: Note } {
  const label = FIX_LABELS[tool];
  const cmp = compareReports(before, after, tool === 'edit' || tool === 'assemble');
  if (cmp.worse) {
    const what = cmp.added.length
      ? cmp.added.map((i) => `${i.page ? `第${i.page}页` : ''}${i.message.split('。')[0]}`).join('；')
      : `结论变为“${VERDICT_WORDS[after.verdict]}”`;
    return {
      keepOriginal: true,
      note: { text: `${label}后的文件检查结果更差（${what}），已保留原文件。`, tone: 'error' },
    };
  }
  const gone = cmp.removed.length;
  const text = `${label}完成：${(before.bytes / 1e6).toFixed(1)}MB → ${(after.bytes / 1e6).toFixed(1)}MB，${gone ? `解决了 ${gone} 个问题` : '检查结果没有变差'}。`;
  return { keepOriginal: false, note: { text, tone: after.verdict === 'fail' ? 'warning' : 'success' } };
}

/** A file made from nothing held before (photos assembled): there is no original to compare with. */
function made(label: string, after: PreflightReport): { keepOriginal: boolean; note: Note } {
  return {
    keepOriginal: false,
    note: {
      text: `${label}完成，已生成 1 份 ${after.pages ?? '?'} 页的 PDF。`,
      tone: after.verdict === 'fail' ? 'warning' : 'success',
    },
  };
}
