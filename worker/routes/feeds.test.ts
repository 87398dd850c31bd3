import { describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../../shared/domain/chinaDate';
import { api, bootstrap, observation, SCHOOL_TREE, syncOk } from '../../test/worker/helpers';

describe('calendar feed', () => {
  it("gives a read-only iCalendar of deadlines for the feed's subtree, names masked", async () => {
    const team = await bootstrap({ orgs: SCHOOL_TREE });
    const today = chinaToday();
    await syncOk(team.token, [
      observation({
        org: { id: 'a-1' },
        hostId: 'c1',
        name: '张三伟',
        joinedOn: addDays(today, -5),
        approvedOn: addDays(today, -2),
      }),
      observation({ org: { id: 'a-2' }, hostId: 'c2', name: '李四', joinedOn: addDays(today, -3) }),
      observation({ org: { id: 'b-1' }, hostId: 'c3', name: '王五', joinedOn: addDays(today, -3) }),
      observation({
        org: { id: 'a-1' },
        hostId: 'c4',
        name: '赵六',
        joinedOn: addDays(today, -3),
        status: 'certified',
      }),
    ]);
    const feed = await api('/feeds', { token: team.token, body: { orgId: 'college-a', label: '学院日历' } });
    expect(feed.status).toBe(201);
    expect(feed.body.path).toMatch(/^\/v1\/calendar\/feed_.+\.ics$/);
    const ics = await api(feed.body.path.replace('/v1', ''));
    expect(ics.status).toBe(200);
    expect(ics.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const text = ics.text.replace(/\r\n /g, '');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain(`DTSTART;VALUE=DATE:${addDays(today, 28).replace(/-/g, '')}`);
    expect(text).toContain('档案上传截止：张*伟（计科2301团支部）');
    expect(text).toContain('李*（计科2302团支部）（估算）');
    expect(text).not.toContain('王');
    expect(text).not.toContain('张三伟');
    for (const line of ics.text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // The feed token opens nothing else, and stops working once revoked.
    const token = feed.body.path.match(/calendar\/(.+)\.ics$/)[1];
    expect((await api('/reminders', { token })).status).toBe(401);
    await api(`/tokens/${feed.body.tokenId}`, { method: 'DELETE', token: team.token });
    expect((await api(feed.body.path.replace('/v1', ''), { ip: 'calendar-app' })).status).toBe(401);
  });
});
