/**
 * Holds the reader between model runs while the engine makes a picture verdict: a page being read
 * stops at its next detector or recogniser run (each a fraction of a second) and goes on when told,
 * so the picture check has both cores to itself.
 */
export interface Gate {
  /** Resolves at once when open, else when opened. */
  pass(): Promise<void>;
  set(paused: boolean): void;
}

export function gate(): Gate {
  let paused = false;
  let waiting: (() => void)[] = [];
  return {
    pass: () => (paused ? new Promise<void>((r) => waiting.push(r)) : Promise.resolve()),
    set(p) {
      paused = p;
      if (p) return;
      const go = waiting;
      waiting = [];
      for (const f of go) f();
    },
  };
}
