/**
 * 找出有问题的功能: the features the admin has on are halved until the one behind a problem is
 * found — half switched on, "is the problem still there?", keep the half that answers — in at
 * most ⌈log₂ N⌉ + 1 questions; the last asks with none of them on, to tell a feature from
 * something the extension does not cause. The admin's own switches are kept to be put back.
 */
export interface Bisect {
  /** The features the culprit is among, in the options page's order. */
  candidates: string[];
  /** The admin's switches before the search began: put back at the end. */
  saved: Record<string, boolean>;
  /** Questions answered so far. */
  asked: number;
}

export type BisectResult = { culprit: string } | { culprit: null };

/** Questions needed at most for n features. */
export const stepsFor = (n: number): number => Math.ceil(Math.log2(Math.max(n, 1))) + 1;

export function startBisect(enabled: readonly string[], saved: Record<string, boolean>): Bisect {
  return { candidates: [...enabled], saved: { ...saved }, asked: 0 };
}

/** Of the candidates, the half switched on for this question (none at the last one). */
export const halfOn = (b: Bisect): string[] => b.candidates.slice(0, Math.floor(b.candidates.length / 2));

/** The switches for this question: every feature off but `halfOn`. */
export function switchesFor(b: Bisect, all: readonly string[]): Record<string, boolean> {
  const on = new Set(halfOn(b));
  return Object.fromEntries(all.map((id) => [id, on.has(id)]));
}

/** The admin's answer: the next question, or the result once one feature (or none) is left. */
export function answer(b: Bisect, problemStill: boolean): Bisect | BisectResult {
  const half = Math.floor(b.candidates.length / 2);
  if (b.candidates.length <= 1) return { culprit: problemStill ? null : (b.candidates[0] ?? null) };
  return {
    ...b,
    candidates: problemStill ? b.candidates.slice(0, half) : b.candidates.slice(half),
    asked: b.asked + 1,
  };
}

export const isResult = (x: Bisect | BisectResult): x is BisectResult => !('candidates' in x);
