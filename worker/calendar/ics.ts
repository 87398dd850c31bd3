import type { MemberView } from '../../shared/api/members';

/**
 * Control characters a calendar reader might take for a line break or choke on: C0 but the line
 * feed (escaped below), DEL, C1 (NEL among them) and the Unicode line and paragraph separators.
 */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** RFC 5545 TEXT: control characters dropped (a bare CR too), then backslash, semicolon, comma and newlines escaped. */
const text = (s: string) =>
  s.replace(CONTROL, '').replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** Folds lines longer than 75 octets (never inside a UTF-8 character), continuation lines start with a space. */
export function fold(line: string): string {
  const enc = new TextEncoder();
  const out: string[] = [];
  let cur = '';
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      size = 0;
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const day = (d: string) => d.replace(/-/g, '');
const nextDay = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');

/** One all-day event on each member's last day; names masked (a calendar is easily shared). */
export function deadlinesCalendar(orgName: string, members: { view: MemberView; uid: string }[], now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//League Archive Assistant//团员电子档案助手//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(`${orgName} 团员电子档案上传截止`)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const { view: m, uid } of members) {
    if (!m.lastDay) continue;
    const who = m.nameMasked ?? '团员';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@league-archive`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day(m.lastDay)}`,
      `DTEND;VALUE=DATE:${nextDay(m.lastDay)}`,
      `SUMMARY:${text(`档案上传截止：${who}（${m.orgName}）${m.estimated ? '（估算）' : ''}`)}`,
      `DESCRIPTION:${text(`入团时间 ${m.joinedOn ?? '未知'}；${m.approvedOn ? `上级批准 ${m.approvedOn}` : '上级批准日期未知，按入团时间估算（最早的截止日）'}；须在截止日前上传电子版《入团志愿书》（§2）。`)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
