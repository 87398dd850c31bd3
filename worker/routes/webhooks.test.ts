import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { addDays, chinaToday } from '../../shared/domain/chinaDate';
import { base64, hmacSha256 } from '../lib/crypto';
import { WECOM_LIMIT, utf8Bytes } from '../digest/format';
import { api, bootstrap, observation, runCron, SCHOOL_TREE, syncOk, tokenFor } from '../../test/worker/helpers';

/** The loopback receiver started by test/worker/receiver-setup.ts: the digest really goes over HTTP. */
const receiver = () => `http://127.0.0.1:${inject('receiverPort')}`;
const received = async (prefix: string) =>
  (await (await fetch(`${receiver()}/__received?prefix=${encodeURIComponent(prefix)}`)).json()) as {
    path: string;
    query: Record<string, string>;
    body: string;
  }[];
const run = () => `/${crypto.randomUUID()}`;

async function teamWithDeadlines(members = 3) {
  const team = await bootstrap({ orgs: SCHOOL_TREE });
  const today = chinaToday();
  await syncOk(
    team.token,
    Array.from({ length: members }, (_, i) =>
      observation({
        org: { id: i % 2 ? 'a-1' : 'b-1' },
        hostId: `d${i}`,
        name: `学生${String(i).padStart(4, '0')}号`,
        joinedOn: addDays(today, -40),
        approvedOn: addDays(today, i % 3 === 0 ? -35 : -28),
      }),
    ),
  );
  return team;
}

describe('digest to group-chat webhooks, on the 08:00 cron', () => {
  it('sends 企业微信 markdown, split under 4,096 bytes, and records the delivery', async () => {
    const team = await teamWithDeadlines(120);
    const path = `/wecom${run()}`;
    const hook = await api('/webhooks', {
      token: team.token,
      body: { orgId: 'school', kind: 'wecom', url: `${receiver()}${path}`, label: '校团委工作群' },
    });
    expect(hook.status).toBe(201);
    await runCron('0 0 * * *');
    const got = await received(path);
    expect(got.length).toBeGreaterThan(1);
    for (const r of got) {
      const body = JSON.parse(r.body);
      expect(body.msgtype).toBe('markdown');
      expect(utf8Bytes(body.markdown.content)).toBeLessThan(WECOM_LIMIT);
    }
    const first = JSON.parse(got[0]!.body).markdown.content as string;
    expect(first).toContain('团员电子档案提醒｜测试大学团委');
    expect(first).toMatch(/已逾期 \d+ 人/);
    expect(got.map((r) => JSON.parse(r.body).markdown.content).join('\n')).toContain('学*****号');
    expect(got.map((r) => r.body).join('')).not.toContain('学生0001号');
    const deliveries = await api(`/webhooks/${hook.body.webhook.id}/deliveries`, { token: team.token });
    expect(deliveries.body.deliveries[0]).toMatchObject({
      ok: true,
      parts: got.length,
      attempts: got.length,
      day: chinaToday(),
    });
    // Once a day: the cron firing again sends nothing more.
    await runCron('0 0 * * *');
    expect(await received(path)).toHaveLength(got.length);
  }, 30_000);

  it('signs 钉钉 requests (加签) so the robot can check them', async () => {
    const team = await teamWithDeadlines();
    const path = `/dingtalk${run()}`;
    const secret = 'SEC0123456789abcdef';
    await api('/webhooks', {
      token: team.token,
      body: {
        orgId: 'college-a',
        kind: 'dingtalk',
        url: `${receiver()}${path}?access_token=abc`,
        secret,
        label: '学院群',
      },
    });
    await runCron('0 0 * * *');
    const [r] = await received(path);
    expect(r!.query.access_token).toBe('abc');
    const expected = base64(await hmacSha256(new TextEncoder().encode(secret), `${r!.query.timestamp}\n${secret}`));
    expect(r!.query.sign).toBe(expected);
    expect(Math.abs(Number(r!.query.timestamp) - Date.now())).toBeLessThan(60_000);
    const body = JSON.parse(r!.body);
    expect(body).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.stringContaining('计算机学院团委') } });
  });

  it('posts plain JSON with the counters, retries failures, and records a delivery that failed', async () => {
    const team = await teamWithDeadlines();
    const flaky = `/fail-2${run()}`;
    const hook = await api('/webhooks', {
      token: team.token,
      body: { orgId: 'school', kind: 'json', url: `${receiver()}${flaky}`, label: '系统对接' },
    });
    const broken = `/errcode${run()}`;
    const bad = await api('/webhooks', {
      token: team.token,
      body: { orgId: 'school', kind: 'wecom', url: `${receiver()}${broken}`, label: '错误的机器人' },
    });
    await runCron('0 0 * * *');
    const got = await received(flaky);
    expect(got).toHaveLength(3);
    const body = JSON.parse(got[2]!.body);
    expect(body).toMatchObject({ type: 'league-archive-digest', today: chinaToday(), org: { id: 'school' } });
    expect(body.counters.total).toBe(3);
    expect(
      (await api(`/webhooks/${hook.body.webhook.id}/deliveries`, { token: team.token })).body.deliveries[0],
    ).toMatchObject({ ok: true, attempts: 3 });
    const failed = (await api(`/webhooks/${bad.body.webhook.id}/deliveries`, { token: team.token })).body.deliveries[0];
    expect(failed).toMatchObject({ ok: false, attempts: 3, error: expect.stringContaining('310000') });
    expect(await received(broken)).toHaveLength(3);
  }, 30_000);

  it('keeps robot URLs out of replies and lets only committees in scope manage them', async () => {
    const team = await teamWithDeadlines(1);
    const r = await api('/webhooks', {
      token: team.token,
      body: {
        orgId: 'a-1',
        kind: 'wecom',
        url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key',
        label: '支部群',
      },
    });
    expect(r.body.webhook).toMatchObject({ urlHost: 'qyapi.weixin.qq.com' });
    expect(JSON.stringify(await api('/webhooks', { token: team.token }))).not.toContain('secret-key');
    const insecure = await api('/webhooks', {
      token: team.token,
      body: { orgId: 'a-1', kind: 'wecom', url: 'http://example.com/hook', label: 'x' },
    });
    expect(insecure.status).toBe(400);
    const branch = await tokenFor(team.token, 'a-1', 'branch');
    expect(
      (
        await api('/webhooks', {
          token: branch,
          body: { orgId: 'a-1', kind: 'json', url: 'https://example.com/h', label: 'x' },
        })
      ).status,
    ).toBe(403);
    const otherCollege = await tokenFor(team.token, 'college-b', 'committee');
    expect(
      (
        await api('/webhooks', {
          token: otherCollege,
          body: { orgId: 'a-1', kind: 'json', url: 'https://example.com/h', label: 'x' },
        })
      ).status,
    ).toBe(403);
    expect((await api('/webhooks', { token: otherCollege })).body.webhooks).toEqual([]);
    expect(
      await env.DB.prepare('SELECT count(*) AS n FROM webhooks WHERE tenant_id = ?').bind(team.tenantId).first(),
    ).toEqual({ n: 1 });
  });
});
