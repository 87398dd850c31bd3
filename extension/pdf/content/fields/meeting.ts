import { findLabel, rightOf, sureness, type Line } from '../lines';
import { type FieldDraft, reach, lastDate } from './draft';
import { dateNear, signature } from './signature';

export function branchMeeting(lines: Line[]): FieldDraft[] {
  const out: FieldDraft[] = [];
  for (const [role, labels] of [
    ['应到', ['应到']],
    ['实到', ['实到']],
  ] as const) {
    const hit = findLabel(lines, labels);
    if (!hit) continue;
    const row = [hit.line, ...rightOf(lines, hit.line.box, reach)];
    const text = row.map((l) => l.text).join('');
    const m = new RegExp(`${labels[0]}[^\\d]{0,4}(\\d{1,3})`).exec(text);
    if (m)
      out.push({
        kind: 'attendance',
        role,
        text: m[0],
        value: Number(m[1]),
        confidence: sureness(hit.line),
        box: hit.line.box,
      });
  }
  // The day the meeting was held (团支部于 年 月 日召开…) is the 支部大会 date; else the one signed.
  const held = findLabel(lines, ['召开']);
  const heldOn = held && dateNear(lines, { line: held.line, end: 0 }, 'meetingDate');
  if (heldOn) out.push(heldOn);
  const sign = findLabel(lines, ['团支部书记签名', '支部书记签名', '书记签名', '团支部书记']);
  if (sign) out.push(...signature(lines, sign, '团支部书记', heldOn ? null : 'meetingDate'));
  if (!out.some((f) => f.kind === 'meetingDate')) {
    const last = lastDate(lines, 'meetingDate');
    if (last) out.push(last);
  }
  return out;
}

/**
 * 上级团委审批意见: the date it was approved (after 审批人签名, else the last date on the page), and
 * the 入团时间 the committee wrote (入团时间从 年 月 日算起): the 支部大会 date again, by other hands.
 */
export function approval(lines: Line[]): FieldDraft[] {
  const out: FieldDraft[] = [];
  const from = findLabel(lines, ['入团时间从']);
  const joined = from && dateNear(lines, from, 'meetingDate', '入团时间从');
  if (joined) out.push(joined);
  const sign = findLabel(lines, ['审批人签名', '负责人签名', '审批人']);
  const signed = sign && dateNear(lines, sign, 'approvalDate');
  const last =
    signed ??
    lastDate(
      lines.filter((l) => l !== from?.line),
      'approvalDate',
    );
  if (last) out.push(last);
  return out;
}
