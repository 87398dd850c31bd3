/**
 * The log of features that stopped on a page: each once per feature, extension version, page
 * type and reason (then only counted), for the options page and a bug report. Reasons carry no
 * member data: content scripts write them from fixed phrases and the vocabulary's words.
 */
import type { FeatureProblem, FeatureStop } from '../messaging/health';
import type { LocalDb } from './store/db';

const KEY = 'featureProblems';
const MAX = 50;

const same = (a: FeatureProblem, b: FeatureStop, version: string) =>
  a.feature === b.feature && a.pageType === b.pageType && a.reason === b.reason && a.version === version;

export async function featureProblems(db: LocalDb): Promise<FeatureProblem[]> {
  return ((await db.get('kv', KEY)) as FeatureProblem[] | undefined) ?? [];
}

export async function logStop(db: LocalDb, stop: FeatureStop, version: string, now: number): Promise<void> {
  const all = await featureProblems(db);
  const known = all.find((p) => same(p, stop, version));
  if (known) {
    known.count++;
    known.lastAt = now;
  } else {
    // The first time only, with what a bug report needs.
    console.warn('[团员电子档案助手] 功能已在此页停用', {
      feature: stop.feature,
      version,
      pageType: stop.pageType,
      reason: stop.reason,
    });
    all.push({ ...stop, version, firstAt: now, lastAt: now, count: 1 });
  }
  all.sort((a, b) => b.lastAt - a.lastAt);
  await db.put('kv', all.slice(0, MAX), KEY);
}
