import { signAsync } from '@noble/ed25519';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../bytes';
import { compareVersions, effectFor, HotfixPayload, type HotfixEnvelope } from './format';
import { newHotfixKeyPair, publicKeyOf, signHotfix, type HotfixKeyPair } from './sign';
import { readHotfix } from './verify';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const payload = (over: Record<string, unknown> = {}) => ({
  serial: 5,
  issuedAt: '2026-11-30T00:00:00Z',
  expiresAt: '2027-01-30T00:00:00Z',
  rules: [
    {
      versions: { max: '0.1.9' },
      disable: [{ feature: 'status-chip', reason: '智慧团建改了认证状态列' }],
      headerAliases: { 'column.certStatus': ['认证进度'] },
    },
  ],
  ...over,
});

describe('hotfix documents', () => {
  let publisher: HotfixKeyPair;
  let stranger: HotfixKeyPair;
  let signed: HotfixEnvelope;
  const read = (doc: unknown, o: { keptSerial?: number; keptPayload?: string; now?: number } = {}) =>
    readHotfix(typeof doc === 'string' ? doc : JSON.stringify(doc), { keys: [publisher.publicKey], now: NOW, ...o });

  beforeAll(async () => {
    [publisher, stranger] = await Promise.all([newHotfixKeyPair(), newHotfixKeyPair()]);
    signed = await signHotfix(payload(), publisher.privateKey);
  });

  it('accepts what the publisher signed, and the public key follows from the private one', async () => {
    expect(await publicKeyOf(publisher.privateKey)).toBe(publisher.publicKey);
    const r = await read(signed);
    expect(r).toMatchObject({ ok: true, payload: { serial: 5 } });
    // Any of several keys (a key being rotated) may have signed.
    const two = await readHotfix(JSON.stringify(signed), { keys: [stranger.publicKey, publisher.publicKey], now: NOW });
    expect(two.ok).toBe(true);
  });

  it('refuses a document signed by anyone else, or changed after signing', async () => {
    const forged = await signHotfix(payload({ serial: 99 }), stranger.privateKey);
    expect(await read(forged)).toMatchObject({ ok: false, problem: 'signature' });
    const changed = { ...signed, payload: signed.payload.replace('"serial":5', '"serial":6') };
    expect(await read(changed)).toMatchObject({ ok: false, problem: 'signature' });
    // The signature of one document over another document's payload.
    const other = await signHotfix(payload({ serial: 7 }), publisher.privateKey);
    expect(await read({ ...signed, signature: other.signature })).toMatchObject({ ok: false, problem: 'signature' });
  });

  it('refuses every single-character change of the signed payload', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: signed.payload.length - 1 }),
        fc.string({ minLength: 1, maxLength: 1 }),
        async (at, c) => {
          fc.pre(signed.payload[at] !== c);
          const text = signed.payload.slice(0, at) + c + signed.payload.slice(at + 1);
          const r = await read({ ...signed, payload: text });
          expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses an expired document, with its serial and date', async () => {
    const r = await read(signed, { now: Date.parse('2027-02-01T00:00:00Z') });
    expect(r).toMatchObject({ ok: false, problem: 'expired', serial: 5 });
    expect(r.ok || r.message).toContain('2027-01-30');
  });

  it('never takes an older serial than the one kept, nor the same serial with other contents', async () => {
    expect(await read(signed, { keptSerial: 6 })).toMatchObject({ ok: false, problem: 'old-serial', serial: 5 });
    expect(await read(signed, { keptSerial: 5, keptPayload: signed.payload })).toMatchObject({ ok: true });
    const twin = await signHotfix(payload({ notice: '另一份' }), publisher.privateKey);
    expect(await read(twin, { keptSerial: 5, keptPayload: signed.payload })).toMatchObject({
      ok: false,
      problem: 'old-serial',
    });
    expect(await read(await signHotfix(payload({ serial: 6 }), publisher.privateKey), { keptSerial: 5 })).toMatchObject(
      { ok: true },
    );
  });

  it('calls anything else malformed, and believes nothing an unsigned document says', async () => {
    for (const doc of ['', 'not json', '[]', '{"hotfix":2}', { ...signed, hotfix: 2 }, { ...signed, extra: 1 }])
      expect(await read(doc), JSON.stringify(doc)).toMatchObject({ ok: false, problem: 'malformed' });
    expect(await read({ ...signed, signature: 'AAAA' })).toMatchObject({ ok: false, problem: 'malformed' });
    // Signed, but not a payload this version reads (code is not data).
    const text = JSON.stringify({ ...payload(), rules: [{ versions: {}, script: 'alert(1)' }] });
    const sig = toBase64(await signAsync(new TextEncoder().encode(text), fromBase64(publisher.privateKey)));
    expect(await read({ hotfix: 1, payload: text, signature: sig })).toMatchObject({ ok: false, problem: 'malformed' });
    expect(await read('x'.repeat(200_000))).toMatchObject({ ok: false, problem: 'malformed' });
  });

  it('the payload format refuses what it cannot carry', () => {
    const bad = [
      payload({ serial: 0 }),
      payload({ serial: 1.5 }),
      payload({ expiresAt: '2026-11-29T00:00:00Z' }),
      payload({ rules: [{ versions: { min: 'latest' } }] }),
      payload({ rules: [{ versions: {}, disable: [{ feature: 'Status Chip', reason: 'x' }] }] }),
      payload({ rules: [{ versions: {}, selectors: { 'table row': 'tr' } }] }),
      payload({ rules: [{ versions: {}, selectors: { 'table.row': 'x'.repeat(301) } }] }),
      payload({ rules: [{ versions: {}, headerAliases: { 'column.name': [] } }] }),
    ];
    for (const p of bad) expect(HotfixPayload.safeParse(p).success, JSON.stringify(p)).toBe(false);
  });
});

describe('what a document asks of one version', () => {
  it('compares versions part by part', () => {
    expect(compareVersions('0.1.10', '0.1.9')).toBe(1);
    expect(compareVersions('0.2', '0.2.0')).toBe(0);
    expect(compareVersions('0.1.0', '1.0.0')).toBe(-1);
  });

  it('merges the rules whose version range holds the version, both ends included', () => {
    const p = HotfixPayload.parse(
      payload({
        notice: '总通知',
        rules: [
          { versions: { max: '0.1.0' }, disable: [{ feature: 'status-chip', reason: '甲' }], notice: '旧版' },
          {
            versions: { min: '0.1.0', max: '0.2.0' },
            disable: [
              { feature: 'status-chip', reason: '乙' },
              { feature: 'deadline-badge', reason: '丙' },
            ],
            headerAliases: { 'column.certStatus': ['认证进度'] },
            selectors: { 'table.row': 'tr.a' },
          },
          {
            versions: { min: '0.1.0' },
            headerAliases: { 'column.certStatus': ['认证进度', '认证情况'] },
            selectors: { 'table.row': 'tr.b' },
          },
          { versions: { min: '0.3.0' }, disable: [{ feature: 'list-export', reason: '丁' }] },
        ],
      }),
    );
    expect(effectFor(p, '0.1.0')).toEqual({
      serial: 5,
      expiresAt: '2027-01-30T00:00:00Z',
      disabled: { 'status-chip': '甲；乙', 'deadline-badge': '丙' },
      headerAliases: { 'column.certStatus': ['认证进度', '认证情况'] },
      selectors: { 'table.row': 'tr.b' },
      notices: ['总通知', '旧版'],
    });
    expect(effectFor(p, '0.2.1').disabled).toEqual({});
    expect(effectFor(p, '0.3.0').disabled).toEqual({ 'list-export': '丁' });
  });
});
