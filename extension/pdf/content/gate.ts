import type { ContentGateMessage } from '../worker/contentProtocol';

/**
 * How long the engine must have been free of picture checks before the reader goes on (starts a
 * page, or resumes the model runs it held). A file posted right after another's verdict (the admin
 * choosing again, a batch from the CLI) takes over before the older file's reading has begun or
 * resumed: no page is read only to be dropped, and the new verdict has both cores. A third of a
 * second is nothing beside a reading of several seconds, and less is not enough: at 0.15 s
 * bench:preflight's next file came after the reading had begun, and its picture verdict shared the
 * cores with it (fullMs 1,111 against ≈ 700).
 */
export const SETTLE_MS = 300;

/**
 * The content reader yields to picture checks: while one runs, the pages being read hold before
 * their next model run ('pause'); they go on ('resume') once no check has run for SETTLE_MS.
 * `broadcast` tells the reader's workers.
 */
export class PictureGate {
  private checks = 0;
  /** When the last check ended (never, at first). */
  private quietSince = -Infinity;
  private idle: (() => void)[] = [];

  constructor(private broadcast: (m: ContentGateMessage) => void) {}

  /** What a worker started now must be told first (null: nothing, it may go on). */
  get state(): ContentGateMessage | null {
    return this.checks > 0 || !this.settled() ? { gate: 'pause' } : null;
  }

  /** Runs a picture check with the reader held. */
  async check<T>(work: () => Promise<T>): Promise<T> {
    if (this.checks++ === 0) this.broadcast({ gate: 'pause' });
    try {
      return await work();
    } finally {
      if (--this.checks === 0) {
        this.quietSince = performance.now();
        setTimeout(() => this.resumeIfSettled(), SETTLE_MS);
      }
    }
  }

  /** Resolves once no picture check has run for SETTLE_MS (the timer each check's end sets releases it). */
  async settledIdle(): Promise<void> {
    if (this.checks > 0 || !this.settled()) await new Promise<void>((r) => this.idle.push(r));
  }

  private settled(): boolean {
    return performance.now() - this.quietSince >= SETTLE_MS;
  }

  private resumeIfSettled(): void {
    // A check that came and went meanwhile set its own timer.
    if (this.checks > 0 || !this.settled()) return;
    this.broadcast({ gate: 'resume' });
    for (const f of this.idle.splice(0)) f();
  }
}
