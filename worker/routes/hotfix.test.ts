import { describe, expect, it } from 'vitest';
import { newHotfixKeyPair, signHotfix } from '../../shared/hotfix/sign';
import { readHotfix } from '../../shared/hotfix/verify';
import { ADMIN_SECRET, api, freshIp } from '../../test/worker/helpers';

const DAY = 86_400_000;
const payload = (serial: number) => ({
  serial,
  issuedAt: new Date(Date.now() - DAY).toISOString(),
  expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
  rules: [{ versions: { max: '0.9.0' }, disable: [{ feature: 'status-chip', reason: '认证状态列改名' }] }],
});
const upload = (doc: unknown, token = ADMIN_SECRET) =>
  api('/admin/hotfix', {
    method: 'PUT',
    token,
    raw: typeof doc === 'string' ? doc : JSON.stringify(doc),
    headers: { 'Content-Type': 'application/json' },
    ip: freshIp(),
  });

describe('the hotfix relay: PUT /v1/admin/hotfix, GET /v1/hotfix', () => {
  it('serves nothing until the operator uploads, then the newest document as signed, to anyone', async () => {
    const none = await api('/hotfix');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('upload-hotfix');

    const keys = await newHotfixKeyPair();
    const first = await signHotfix(payload(3), keys.privateKey);
    const put = await upload(first);
    expect(put.status).toBe(201);
    expect(put.body.serial).toBe(3);

    const got = await api('/hotfix', { headers: { Origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(got.status).toBe(200);
    expect(got.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(got.body).toEqual(first);
    // The relay keeps the signed bytes: the extension's check passes on what it serves.
    expect(await readHotfix(got.text, { keys: [keys.publicKey], now: Date.now() })).toMatchObject({ ok: true });

    // An older or equal serial never replaces it; a newer one does.
    for (const serial of [2, 3]) {
      const r = await upload(await signHotfix(payload(serial), keys.privateKey));
      expect(r.status).toBe(409);
      expect(r.body.error.message).toContain('必须更大');
    }
    const newer = await signHotfix(payload(4), keys.privateKey);
    expect((await upload(newer)).status).toBe(201);
    expect((await api('/hotfix')).body).toEqual(newer);
  });

  it('takes uploads only with the admin secret', async () => {
    const keys = await newHotfixKeyPair();
    const doc = await signHotfix(payload(50), keys.privateKey);
    expect((await upload(doc, 'not-the-secret-0123456789')).status).toBe(401);
    expect((await api('/admin/hotfix', { method: 'PUT', raw: JSON.stringify(doc), ip: freshIp() })).status).toBe(401);
  });

  it('refuses what is not a signed, unexpired hotfix document, in Chinese, and keeps nothing', async () => {
    const keys = await newHotfixKeyPair();
    const good = await signHotfix(payload(60), keys.privateKey);
    const before = await api('/hotfix');
    const cases: [unknown, number, string][] = [
      ['{not json', 400, 'JSON'],
      [{ hotfix: 1 }, 400, 'hotfix、payload、signature'],
      [{ ...good, signature: 'short' }, 400, 'hotfix、payload、signature'],
      [{ ...good, payload: '{"serial":"x"}' }, 400, '格式'],
      ['x'.repeat(200_000), 413, '64 KB'],
    ];
    for (const [doc, status, words] of cases) {
      const r = await upload(doc);
      expect(r.status, JSON.stringify(doc).slice(0, 60)).toBe(status);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.body.error.message).toContain(words);
    }
    // Expired: signed with an expiry in the past (the format needs expiry after issue).
    const expired = await signHotfix(
      {
        ...payload(62),
        issuedAt: new Date(Date.now() - 10 * DAY).toISOString(),
        expiresAt: new Date(Date.now() - DAY).toISOString(),
      },
      keys.privateKey,
    );
    const r = await upload(expired);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('已于');
    expect((await api('/hotfix')).text).toBe(before.text);
  });
});
