import { withoutSpaces } from '../../domain/text';
import type { Issue } from '../types';
import { ageOn, monthTurning } from './dates';
import { isSure, issue, severityOf, valued } from './evidence';
import type { ContentFacts, ContentMember, ReadField } from './facts';
import { CONTENT_MESSAGES as M } from './messages';
import { AGE } from './thresholds';

/**
 * Who the form is about, against the system: the name written on it, the 支部大会 date (the
 * system's 入团时间), and the applicant's age on that day. A finding fails only on sure readings
 * that agree with each other; one misread character never fails a file.
 */

const nameOf = (f: ReadField) => withoutSpaces(String(f.value));

/** `name-mismatch`: fail when two sure readings agree with each other and not with the system. */
export function nameIssues(facts: ContentFacts, member: ContentMember): Issue[] {
  if (!member.name) return [];
  const want = withoutSpaces(member.name);
  const names = valued(facts, 'name');
  if (names.length === 0 || names.some((f) => nameOf(f) === want)) return [];
  const sure = names.filter(isSure);
  const agreeing = sure.filter((f) => sure.some((g) => g !== f && nameOf(g) === nameOf(f)));
  if (agreeing.length >= 2)
    return [issue(facts, 'name-mismatch', 'fail', M.nameMismatch(nameOf(agreeing[0]!), member.name), agreeing)];
  const shown = sure[0] ?? names[0]!;
  return [issue(facts, 'name-mismatch', 'warn', M.nameMismatch(nameOf(shown), member.name), [shown])];
}

/**
 * The 支部大会 date, when the form has one reading of it that parsed. Two readings that disagree
 * make none: the rules then have nothing sure to stand on.
 */
export function meetingDate(facts: ContentFacts): ReadField | undefined {
  const reads = valued(facts, 'meetingDate');
  const values = new Set(reads.map((f) => f.value));
  return values.size === 1 ? (reads.find(isSure) ?? reads[0]) : undefined;
}

/** The applicant's birth on the form: 出生年月, else the date inside the 身份证号; both when they agree. */
export function birthOnForm(facts: ContentFacts): { field: ReadField; sure: boolean } | undefined {
  const written = valued(facts, 'birth');
  const fromId = valued(facts, 'idBirth');
  const all = [...written, ...fromId];
  if (all.length === 0) return undefined;
  const months = new Set(all.map((f) => String(f.value).slice(0, 7)));
  // Readings that disagree (出生年月 against the 身份证号, or two 出生年月): nothing sure.
  if (months.size > 1) return { field: all[0]!, sure: false };
  const best = fromId.find(isSure) ?? written.find(isSure) ?? all[0]!;
  return { field: best, sure: isSure(best) };
}

/**
 * `joined-mismatch`: the 支部大会 date against the system's 入团时间. Fail when that date was read
 * surely and fits its neighbours (not before the 介绍人意见, not after the 上级团委审批).
 */
export function joinedIssues(facts: ContentFacts, member: ContentMember): Issue[] {
  const meeting = meetingDate(facts);
  if (!member.joinedOn || !meeting || meeting.value === member.joinedOn) return [];
  const value = String(meeting.value);
  const before = valued(facts, 'introducerDate').filter(isSure);
  const after = valued(facts, 'approvalDate').filter(isSure);
  const fits = before.every((f) => String(f.value) <= value) && after.every((f) => String(f.value) >= value);
  const severity = isSure(meeting) && fits ? 'fail' : 'warn';
  return [issue(facts, 'joined-mismatch', severity, M.joinedMismatch(value, member.joinedOn), [meeting])];
}

/**
 * `underage` / `overage` from the form itself (its 出生年月 or 身份证号 against its 支部大会 date),
 * a first 团课 before the month the applicant turned 14 (warning), and `birth-mismatch` when the
 * caller knows a birth date the form contradicts.
 */
export function ageIssues(facts: ContentFacts, member: ContentMember): Issue[] {
  const out: Issue[] = [];
  const birth = birthOnForm(facts);
  if (!birth) return out;
  const b = String(birth.field.value);
  if (member.birthDate && !member.birthDate.startsWith(b) && birth.sure)
    out.push(issue(facts, 'birth-mismatch', 'warn', M.birthMismatch(b, member.birthDate), [birth.field]));
  const meeting = meetingDate(facts);
  if (meeting) {
    const m = String(meeting.value);
    const age = ageOn(b, m);
    const fields = [birth.field, meeting];
    const severity = birth.sure ? severityOf([meeting]) : 'warn';
    if (age.max < AGE.min) out.push(issue(facts, 'underage', severity, M.underage(b, m), fields));
    else if (age.min > AGE.max) out.push(issue(facts, 'overage', 'warn', M.overage(b, m), fields));
  }
  const courses = valued(facts, 'courseDate').sort((x, y) => String(x.value).localeCompare(String(y.value)));
  const first = courses[0];
  if (first && String(first.value) < monthTurning(b, AGE.min) && !out.some((i) => i.code === 'underage'))
    out.push(issue(facts, 'underage', 'warn', M.underageCourse(b, String(first.value)), [birth.field, first]));
  return out;
}
