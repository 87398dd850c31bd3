import type { Issue } from '../types';
import { isSure, issue, valued } from './evidence';
import type { ContentFacts } from './facts';
import { CONTENT_MESSAGES as M } from './messages';
import { COURSE_HOURS_MIN } from './thresholds';

/**
 * `course-hours`: the 团课 学时 add up to less than 8. The rows and the 合计 row are read; when they
 * agree (or only one of them was written) their figure decides; when they disagree both are named,
 * unless the 合计 reaches 8 and a row may have gone unread (the rows' smaller sum is then most
 * likely the reader's miss): when the 学时 column holds no writing besides the cells read
 * (`courseColumn` complete), the rows' sum stands and the two are named — a warning unless every
 * figure was read surely (a copied “8” over five 1-学时 rows).
 * Fail only when every figure the finding rests on was read surely. A row whose date was read but
 * whose hours were not makes the rows' sum only a lower bound: then the 合计 alone decides, and
 * without it nothing is said (a missed cell is not a missing 学时).
 */
export function courseIssues(facts: ContentFacts): Issue[] {
  const rows = valued(facts, 'courseHours');
  const totals = valued(facts, 'courseTotal');
  const total = totals.length === 1 ? totals[0] : undefined;
  const sum = rows.reduce((s, f) => s + Number(f.value), 0);
  const rowsSure = rows.length > 0 && rows.every(isSure);
  const counted = new Set(rows.map((f) => f.role));
  const incomplete = facts.fields.some((f) => f.kind === 'courseDate' && !counted.has(f.role));
  if (incomplete && !total) return [];
  if (total && rows.length > 0 && !incomplete && Math.abs(Number(total.value) - sum) > 1e-6) {
    const t = Number(total.value);
    if (Math.min(t, sum) >= COURSE_HOURS_MIN) return [];
    // A 合计 of 8 or more over fewer hours in the rows is most often the reader's doing (a row it
    // missed — the first row under the header, its writing run into the header's rule): said only
    // when no writing in the 学时 column was left unread (then the rows' figures stand, sure or
    // not: a warning says to check both).
    const rowsWhole = valued(facts, 'courseColumn').some((f) => f.value === 'complete');
    if (t >= COURSE_HOURS_MIN && !rowsWhole) return [];
    const severity = rowsSure && isSure(total) && Math.max(t, sum) < COURSE_HOURS_MIN ? 'fail' : 'warn';
    return [issue(facts, 'course-hours', severity, M.courseHoursDisagree(sum, t), [total, ...rows])];
  }
  const hours = total ? Number(total.value) : sum;
  if ((!total && rows.length === 0) || hours >= COURSE_HOURS_MIN) return [];
  const fields = total ? [total, ...rows] : rows;
  const severity = fields.every(isSure) ? 'fail' : 'warn';
  return [issue(facts, 'course-hours', severity, M.courseHours(hours), fields)];
}
