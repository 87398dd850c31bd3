import { describe, expect, it } from 'vitest';
import { canonicalJson, chainDrafts, GENESIS, hashEntry } from './chain';

describe('audit chain', () => {
  it('serialises payloads canonically: key order and undefined do not change the digest', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: null, c: undefined }], z: 'x' })).toBe(
      '{"a":[1,{"d":null}],"b":1,"z":"x"}',
    );
    expect(canonicalJson({ z: 'x', a: [1, { d: null }], b: 1 })).toBe(
      canonicalJson({ b: 1, a: [1, { d: null, c: undefined }], z: 'x' }),
    );
    expect(canonicalJson({ s: '张"三' })).toBe(JSON.stringify({ s: '张"三' }));
  });

  it('chains each entry to the previous one', () => {
    const meta = { actor: 'tok_1:管理员', requestId: 'r1', at: '2025-01-01T00:00:00.000Z' };
    const entries = chainDrafts(
      { seq: 0, hash: GENESIS },
      [
        { action: 'org.create', orgId: 'a', subject: 'a', payload: { n: 1 } },
        { action: 'org.create', orgId: 'b', subject: 'b', payload: { n: 2 } },
      ],
      meta,
    );
    expect(entries.map((e) => e.seq)).toEqual([1, 2]);
    // The token's label and the client's request id are not hashed as such.
    expect(entries[0]).toMatchObject({ actor: 'tok_1', request_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(entries[0]!.hash).toBe(hashEntry(GENESIS, entries[0]!));
    expect(entries[1]!.hash).toBe(hashEntry(entries[0]!.hash, entries[1]!));
    expect(hashEntry(entries[0]!.hash, { ...entries[1]!, subject: 'c' })).not.toBe(entries[1]!.hash);
  });
});
