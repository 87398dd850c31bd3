import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { api, bootstrap, observation, runCron, SCHOOL_TREE, syncOk } from '../../test/worker/helpers';
import { addDays, chinaToday } from '../../shared/domain/chinaDate';
import { rekeySecrets } from '../jobs/rekey';
import { base64, randomBytes } from '../lib/crypto';
import { keyring, openSecret } from '../lib/secrets';

const receiver = () => `http://127.0.0.1:${inject('receiverPort')}`;
const received = async (prefix: string) =>
  (await (await fetch(`${receiver()}/__received?prefix=${encodeURIComponent(prefix)}`)).json()) as {
    query: Record<string, string>;
  }[];

const SECRET = 'SEC7f3a9c0e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6';
const TOKEN = 'access-token-4f6a8c0e2b4d6f8a0c2e';

async function teamWithRobot() {
  const team = await bootstrap({ orgs: SCHOOL_TREE });
  await syncOk(team.token, [
    observation({
      org: { id: 'a-1' },
      hostId: 'r1',
      joinedOn: addDays(chinaToday(), -40),
      approvedOn: addDays(chinaToday(), -35),
    }),
  ]);
  const path = `/dingtalk/${crypto.randomUUID()}`;
  const hook = await api('/webhooks', {
    token: team.token,
    body: {
      orgId: 'college-a',
      kind: 'dingtalk',
      url: `${receiver()}${path}?access_token=${TOKEN}`,
      secret: SECRET,
      label: '学院群',
    },
  });
  expect(hook.status).toBe(201);
  return { team, path, id: hook.body.webhook.id as string };
}

const stored = async (id: string) =>
  (await env.DB.prepare('SELECT * FROM webhooks WHERE id = ?').bind(id).first<{ url: string; secret: string }>())!;

describe('钉钉 secrets and robot URLs are encrypted at rest', () => {
  it('D1 holds neither the URL (its access token) nor the 加签 secret in clear; the robot still gets a signed request', async () => {
    const { team, path, id } = await teamWithRobot();
    const row = JSON.stringify(await stored(id));
    expect(row).not.toContain(TOKEN);
    expect(row).not.toContain(SECRET);
    expect(row).not.toContain(path);
    expect((await stored(id)).url).toMatch(/^v1\.[0-9a-f]{8}\./);
    // Listing shows the host only, without decrypting anything.
    const list = await api('/webhooks', { token: team.token });
    expect(list.body.webhooks[0]).toMatchObject({ id, urlHost: new URL(receiver()).host });
    const sent = await api(`/webhooks/${id}/test`, { method: 'POST', token: team.token });
    expect(sent.body.delivery).toMatchObject({ ok: true });
    const [got] = await received(path);
    expect(got!.query).toMatchObject({ access_token: TOKEN, sign: expect.any(String), timestamp: expect.any(String) });
  });

  it('a ciphertext moved to another robot does not open there', async () => {
    const a = await teamWithRobot();
    const b = await teamWithRobot();
    const fromA = await stored(a.id);
    await env.DB.prepare('UPDATE webhooks SET url = ?, secret = ? WHERE id = ?')
      .bind(fromA.url, fromA.secret, b.id)
      .run();
    const sent = await api(`/webhooks/${b.id}/test`, { method: 'POST', token: b.team.token });
    expect(sent.status).toBeLessThan(500);
    expect(sent.body.delivery).toMatchObject({ ok: false, error: expect.stringContaining('解密') });
    expect(await received(a.path)).toHaveLength(0);
  });

  it('key rotation: rows under the previous key still open, and the cron re-encrypts them under the new one', async () => {
    const { id } = await teamWithRobot();
    const old = env.WEBHOOK_KEY;
    const rotated = { ...env, WEBHOOK_KEY: base64(randomBytes(32)), WEBHOOK_KEY_PREVIOUS: old };
    const before = (await stored(id)).url;
    expect(await rekeySecrets(rotated)).toBeGreaterThanOrEqual(1);
    const after = (await stored(id)).url;
    expect(after).not.toBe(before);
    expect(after.split('.')[1]).not.toBe(before.split('.')[1]);
    // Without the previous key the rewrapped row opens with the new key alone.
    const fresh = await keyring({ WEBHOOK_KEY: rotated.WEBHOOK_KEY });
    expect(await openSecret(fresh, after, `webhook:${id}:url`)).toContain(TOKEN);
    expect(await openSecret(fresh, (await stored(id)).secret, `webhook:${id}:secret`)).toBe(SECRET);
    expect(await openSecret(await keyring({ WEBHOOK_KEY: old }), after, `webhook:${id}:url`)).toBeNull();
    // Back under the test's own key (tenants' hashing keys were re-sealed too), for the tests after.
    await rekeySecrets({ ...env, WEBHOOK_KEY_PREVIOUS: rotated.WEBHOOK_KEY });
  });

  it('rows stored in clear before encryption are encrypted by the cron', async () => {
    const { id } = await teamWithRobot();
    await env.DB.prepare('UPDATE webhooks SET url = ?, secret = ? WHERE id = ?')
      .bind(`${receiver()}/robot/send?access_token=${TOKEN}`, SECRET, id)
      .run();
    await runCron('*/5 * * * *');
    const row = JSON.stringify(await stored(id));
    expect(row).not.toContain(TOKEN);
    expect(row).not.toContain(SECRET);
  });
});

describe('digest deliveries are audited', () => {
  it('each delivery, by the cron or a test send, is an audit entry on the robot; the chain verifies', async () => {
    const { team, id } = await teamWithRobot();
    // The morning's run first: a robot already told today is not told again by the cron.
    await runCron('0 0 * * *');
    await api(`/webhooks/${id}/test`, { method: 'POST', token: team.token });
    const entries = (
      await env.DB.prepare(
        "SELECT actor, org_id, subject FROM audit WHERE tenant_id = ? AND action = 'digest.delivery' ORDER BY seq",
      )
        .bind(team.tenantId)
        .all<{ actor: string; org_id: string; subject: string }>()
    ).results;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actor: 'system', org_id: 'college-a', subject: id });
    expect(entries[1]).toMatchObject({ actor: expect.stringMatching(/^tok_/), org_id: 'college-a', subject: id });
    expect((await api('/audit/verify', { token: team.token })).body).toMatchObject({ ok: true });
  });
});
