import { describe, expect, it } from 'vitest';
import { answer, halfOn, isResult, startBisect, stepsFor, switchesFor, type Bisect } from './bisect';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `f${i}`);

/** Answers as a page would: the problem is there when the culprit is on (or always, for none). */
function run(n: number, culprit: string | null) {
  let state: Bisect | ReturnType<typeof answer> = startBisect(ids(n), {});
  let questions = 0;
  while (!isResult(state)) {
    const on = switchesFor(state, ids(n + 3));
    questions++;
    state = answer(state, culprit === null ? true : on[culprit] === true);
  }
  return { result: state.culprit, questions };
}

describe('找出有问题的功能 (bisect)', () => {
  it('finds every culprit among 1 to 20 features in at most ⌈log₂ N⌉ + 1 questions', () => {
    for (let n = 1; n <= 20; n++)
      for (const culprit of ids(n)) {
        const r = run(n, culprit);
        expect(r.result, `${culprit} of ${n}`).toBe(culprit);
        expect(r.questions, `${culprit} of ${n}`).toBeLessThanOrEqual(stepsFor(n));
      }
  });

  it('says when no feature is behind the problem (it stays with all of them off)', () => {
    for (const n of [1, 2, 7, 15]) {
      const r = run(n, null);
      expect(r.result).toBeNull();
      expect(r.questions).toBeLessThanOrEqual(stepsFor(n));
    }
  });

  it('switches on only the half asked about, every other feature off, and keeps the admin’s switches', () => {
    const b = startBisect(['a', 'b', 'c', 'd', 'e'], { x: false, a: true });
    expect(halfOn(b)).toEqual(['a', 'b']);
    expect(switchesFor(b, ['a', 'b', 'c', 'd', 'e', 'x'])).toEqual({
      a: true,
      b: true,
      c: false,
      d: false,
      e: false,
      x: false,
    });
    const next = answer(b, false);
    expect(next).toMatchObject({ candidates: ['c', 'd', 'e'], saved: { x: false, a: true }, asked: 1 });
    expect(stepsFor(15)).toBe(5);
    expect(stepsFor(16)).toBe(5);
  });
});
