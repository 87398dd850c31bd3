/**
 * Holds the reader between model runs while the engine makes a picture verdict: a page being read
 * stops at its next detector or recogniser run (each a fraction of a second) and goes on when told,
 * so the picture check has both cores to itself.
 */
export interface Gate {
  /**
   * Lets the worker's event loop take one turn, so that a pause already sent is heard, then
   * resolves at once when open, else when opened.
   */
  pass(): Promise<void>;
  set(paused: boolean): void;
}

/**
 * One turn of the event loop. A page's reading is a chain of promises (onnxruntime's wasm runs
 * included) that never gives the loop a turn: without this, the engine's 'pause' waited in the
 * worker's queue until the whole page had been read, and the picture check shared the cores with it.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

export function gate(): Gate {
  let paused = false;
  let waiting: (() => void)[] = [];
  return {
    async pass() {
      await nextTurn();
      if (paused) await new Promise<void>((r) => waiting.push(r));
    },
    set(p) {
      paused = p;
      if (p) return;
      const go = waiting;
      waiting = [];
      for (const f of go) f();
    },
  };
}
