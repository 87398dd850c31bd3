/**
 * The order pages are handed to the two content workers: slowest first, so the last pages handed
 * out are short and both workers finish together (a long page handed out last keeps one worker
 * busy while the other waits). Only a 12-page file has a known layout — the only kind the archive
 * accepts (docs/booklet.md); its pages are ranked by the reader's CPU time per page in
 * `npm run -s profile:content` (docs/preflight.md, "How the reader reads"): 团课学习记录 (6),
 * 基本情况 (3), then the pages of signatures and dates, the cover, and last the pages read from
 * their strip alone. Any other file is read in page order.
 */
const SLOWEST_FIRST_12 = [6, 3, 9, 10, 11, 1, 8, 7, 5, 4, 2, 12];

export function handOutOrder<S extends { page: number }>(sources: readonly S[], pageCount: number): S[] {
  if (pageCount !== SLOWEST_FIRST_12.length) return [...sources];
  const rank = (s: S) => SLOWEST_FIRST_12.indexOf(s.page);
  return [...sources].sort((a, b) => rank(a) - rank(b));
}
