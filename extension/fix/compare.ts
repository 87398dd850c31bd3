/**
 * "A fix never makes the check's result worse": the engine's report on the fixed file against its
 * report on the original. Worse is a lower verdict, or a failure the original did not have, or
 * new warnings with nothing fixed in exchange (a fix that only adds problems is refused).
 */
import type { Issue, PreflightReport, Verdict } from '../../shared/pdf/types';

const RANK: Record<Verdict, number> = { fail: 0, warn: 1, pass: 2 };

export interface Comparison {
  worse: boolean;
  better: boolean;
  /** Issues the fixed file has that the original did not (by code, severity and page). */
  added: Issue[];
  /** Issues of the original the fix removed. */
  removed: Issue[];
}

type Judged = Pick<PreflightReport, 'verdict' | 'issues' | 'page1Number'>;

const key = (i: Issue) => `${i.code}:${i.severity}:${i.page ?? ''}`;
/** Page numbers move when a fix removes or reorders pages: compare those issues by code alone. */
const loose = (i: Issue) => `${i.code}:${i.severity}`;

export function compareReports(before: Judged, after: Judged, pagesMoved = false): Comparison {
  const k = pagesMoved ? loose : key;
  const was = new Map<string, number>();
  for (const i of before.issues) was.set(k(i), (was.get(k(i)) ?? 0) + 1);
  const now = new Map<string, number>();
  for (const i of after.issues) now.set(k(i), (now.get(k(i)) ?? 0) + 1);
  const added: Issue[] = [];
  const seenAfter = new Map<string, number>();
  for (const i of after.issues) {
    const n = (seenAfter.get(k(i)) ?? 0) + 1;
    seenAfter.set(k(i), n);
    if (n > (was.get(k(i)) ?? 0) && i.severity !== 'info') added.push(i);
  }
  const removed: Issue[] = [];
  const seenBefore = new Map<string, number>();
  for (const i of before.issues) {
    const n = (seenBefore.get(k(i)) ?? 0) + 1;
    seenBefore.set(k(i), n);
    if (n > (now.get(k(i)) ?? 0) && i.severity !== 'info') removed.push(i);
  }
  const rankDrop = RANK[after.verdict] < RANK[before.verdict];
  const newFail = added.some((i) => i.severity === 'fail');
  const onlyWorse = added.length > 0 && removed.length === 0;
  // Page 1's number could be read before and no longer can: the §5.8 check was lost.
  const lostNumber = !!before.page1Number && !after.page1Number;
  const worse = rankDrop || newFail || onlyWorse || lostNumber;
  const better = !worse && (RANK[after.verdict] > RANK[before.verdict] || removed.length > 0);
  return { worse, better, added, removed };
}

export const VERDICT_WORDS: Record<Verdict, string> = { pass: '通过', warn: '有提醒', fail: '不能上传' };
