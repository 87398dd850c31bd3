import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeObservation, type Versioned } from './observation';

type F = { status: string; name: string; reason: string | null };
const empty: Versioned<F> = { values: {}, at: {} };

describe('newest observation wins, field by field', () => {
  it('keeps fields an observation did not see', () => {
    const a = mergeObservation(empty, { status: 'pending', name: '张伟' }, 10).next;
    const b = mergeObservation(a, { status: 'certified' }, 20);
    expect(b.next.values).toEqual({ status: 'certified', name: '张伟' });
    expect(b.changed).toEqual(['status']);
  });

  it('never lets an older observation undo a newer one', () => {
    const a = mergeObservation(empty, { status: 'certified' }, 20).next;
    const b = mergeObservation(a, { status: 'pending', name: '张伟' }, 10);
    expect(b.next.values).toEqual({ status: 'certified', name: '张伟' });
    expect(b.changed).toEqual(['name']);
  });

  it('clears a field seen empty (null)', () => {
    const a = mergeObservation(empty, { reason: '缺页' }, 10).next;
    expect(mergeObservation(a, { reason: null }, 11).next.values.reason).toBeNull();
  });

  it('ends in the same state whatever order observations arrive in', () => {
    const obs = fc.record({
      at: fc.integer({ min: 0, max: 1000 }),
      status: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
      name: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(obs, { selector: (o) => o.at, maxLength: 12 }), (list) => {
        const apply = (order: typeof list) =>
          order.reduce((v, o) => mergeObservation(v, { status: o.status, name: o.name }, o.at).next, empty);
        const sorted = [...list].sort((x, y) => x.at - y.at);
        expect(apply([...list].reverse()).values).toEqual(apply(sorted).values);
        expect(apply(list).values).toEqual(apply(sorted).values);
      }),
    );
  });
});
