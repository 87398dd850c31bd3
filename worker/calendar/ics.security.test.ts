import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../../shared/domain/chinaDate';
import type { MemberView } from '../../shared/api/members';
import { api, bootstrap, observation, SCHOOL_TREE, syncOk } from '../../test/worker/helpers';
import { deadlinesCalendar } from './ics';

/** Undoes RFC 5545 folding and TEXT escaping: what a calendar app would show. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function member(nameMasked: string, orgName: string): { view: MemberView; uid: string } {
  return {
    uid: 'u1',
    view: {
      key: 'k',
      orgId: 'o',
      orgName,
      name: null,
      nameMasked,
      idMasked: null,
      devNumber: null,
      joinedOn: '2024-05-04',
      approvedOn: null,
      status: 'notUploaded',
      rejectionReason: null,
      graduating: false,
      lastDay: '2024-06-03',
      estimated: true,
      bucket: 'overdue',
      daysLeft: -3,
    } as MemberView,
  };
}

/** Control characters other than the line feed (which is escaped): C0, DEL, C1, and the Unicode line separators. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

describe('.ics feed: no control character reaches a calendar line', () => {
  it('drops a bare CR, keeps every line intact and the escaping right', () => {
    const ics = deadlinesCalendar('某\r团委', [member('张\r*伟', 'a;b,c\\d\re')], new Date('2024-06-01T00:00:00Z'));
    const lines = unfold(ics).split('\r\n');
    // A bare CR would start a line of its own in many readers: there is none, anywhere.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\r/);
    const summary = lines.find((l) => l.startsWith('SUMMARY:'))!;
    expect(summary).toBe('SUMMARY:档案上传截止：张*伟（a\\;b\\,c\\\\de）（估算）');
    expect(lines.find((l) => l.startsWith('X-WR-CALNAME:'))).toBe('X-WR-CALNAME:某团委 团员电子档案上传截止');
  });

  it('any name and organisation: each line is one property, and its value reads back without control characters', () => {
    const anyText = fc.string({
      unit: fc.oneof(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        fc.constantFrom('\r', '\n', '\t', '\u0000', '\u0085', '\u2028', ';', ',', '\\'),
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(anyText, anyText, (name, org) => {
        const ics = deadlinesCalendar(org, [member(`${name}*`, org)], new Date('2024-06-01T00:00:00Z'));
        expect(ics.endsWith('\r\n')).toBe(true);
        const lines = unfold(ics).slice(0, -2).split('\r\n');
        for (const l of lines) {
          expect(l).toMatch(/^[A-Z-]+[;:]/);
          expect(l).not.toMatch(CONTROL);
        }
        const summary = unescape(lines.find((l) => l.startsWith('SUMMARY:'))!.slice('SUMMARY:'.length));
        const clean = (s: string) => s.replace(/\r/g, '').replace(new RegExp(CONTROL.source, 'g'), '');
        expect(summary).toBe(`档案上传截止：${clean(name)}*（${clean(org)}）（估算）`);
      }),
      { numRuns: 300 },
    );
  });

  it('through the route: a masked name with a CR sent by sync is served without it', async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    await syncOk(team.token, [
      observation({
        org: { id: 'a-1' },
        hostId: 'cr1',
        name: undefined,
        nameMasked: '张\r*伟',
        nameHash: 'a'.repeat(64),
        joinedOn: addDays(chinaToday(), -3),
      }),
    ]);
    const feed = await api('/feeds', { token: team.token, body: { orgId: 'a-1', label: '日历' } });
    const ics = await api(feed.body.path.replace('/v1', ''));
    expect(ics.status).toBe(200);
    expect(ics.text.replace(/\r\n/g, '')).not.toMatch(/\r/);
    expect(unfold(ics.text)).toContain('SUMMARY:档案上传截止：张*伟（计科2301团支部）');
  });
});
