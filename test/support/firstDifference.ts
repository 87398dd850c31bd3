/**
 * Where two arrays of numbers first differ: −1 nowhere, the shorter one's length when one is the
 * other's start. Kernel tests compare page-sized arrays with it: a deep toEqual on one takes
 * seconds, and an index says where to look.
 */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}
