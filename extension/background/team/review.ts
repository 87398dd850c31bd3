/**
 * The reviewer's check of a file, as the 审批 dialog's checklist reads it back: the newest
 * `review` record kept for the member (extension/background/preflight.ts keeps them per member).
 */
import { normaliseDevNumber } from '../../../shared/domain/devNumber';
import type { PreflightRecord } from '../../messaging/preflight';
import type { ReviewFindings, ReviewLookup } from '../../messaging/teamViews';
import { HISTORY_PREFIX } from '../preflight';
import type { LocalDb } from '../store/db';
import { allMembers } from '../store/members';
import { withoutSpaces } from '../../../shared/domain/text';

export async function latestReview(db: LocalDb, q: ReviewLookup): Promise<ReviewFindings | null> {
  const name = withoutSpaces(q.name);
  const number = normaliseDevNumber(q.devNumber ?? '');
  const members = (await allMembers(db)).filter(
    (m) =>
      withoutSpaces(m.values.name ?? '') === name &&
      (number
        ? normaliseDevNumber(m.values.devNumber ?? '') === number
        : !q.joinedOn || m.values.joinedOn === q.joinedOn),
  );
  let best: PreflightRecord | null = null;
  for (const m of members) {
    const history = ((await db.get('kv', HISTORY_PREFIX + m.key)) as PreflightRecord[] | undefined) ?? [];
    for (const r of history) if (r.context === 'review' && (!best || r.at > best.at)) best = r;
  }
  return best
    ? {
        at: best.at,
        fileName: best.fileName,
        pages: best.pages,
        verdict: best.verdict,
        codes: best.codes,
        page1Number: best.page1Number,
        ...(best.sealPages ? { sealPages: best.sealPages } : {}),
        ...(best.findings ? { findings: best.findings } : {}),
        ...(best.contentRead ? { contentRead: true } : {}),
      }
    : null;
}
