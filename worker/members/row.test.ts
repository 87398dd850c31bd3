import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashName } from '../../shared/domain/idCard';
import { nameHasher } from './nameHash';
import { decodeObserved, emptyRow, encodeObserved, FIELDS, mergeFields, type Field } from './row';

const fields = Object.keys(FIELDS) as Field[];

describe('name hashes', () => {
  it('are the shared hashName, computed synchronously', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const b64 = btoa(String.fromCharCode(...key));
    const hash = nameHasher(b64);
    for (const name of ['张三伟', ' 欧阳娜娜 ', 'A']) expect(hash(name)).toBe(await hashName(name, key));
  });
});

describe('member rows', () => {
  it('stores observation times compactly and reads them back exactly', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...fields), fc.integer({ min: 0, max: 4_102_444_800_000 })),
        (times) => {
          expect(decodeObserved(encodeObserved(times))).toEqual(times);
        },
      ),
    );
    expect(encodeObserved({ status: 1_700_000_000_000, name: 1_700_000_000_000 }).length).toBeLessThan(30);
  });

  it('merges field by field: newer wins, older is ignored, ties go to the larger value', () => {
    const base = emptyRow('t', 'id:x', 1, 0);
    const a = mergeFields(base, { status: 'pending', joinedOn: '2024-05-04' as never }, 100).row;
    const b = mergeFields(a, { status: 'notUploaded' }, 50);
    expect(b.changed).toEqual([]);
    expect(b.row.status).toBe('pending');
    const tie1 = mergeFields(a, { status: 'rejected' }, 100).row.status;
    const tie2 = mergeFields(mergeFields(a, { status: 'rejected' }, 100).row, { status: 'pending' }, 100).row.status;
    expect(tie1).toBe('rejected');
    expect(tie2).toBe('rejected');
    expect(a).toMatchObject({ last_day: '2024-06-03', estimated: 1, needs_archive: 1 });
  });
});
