import type { FixJob, FixJobRequest, FixJobResult, JobOutput } from './jobs';

/** A picture taking longer than this is given up on, with a message, never waited on forever. */
const JOB_TIMEOUT_MS = 60_000;

/**
 * The fix page's workers: two (these machines have two cores), each taking one picture at a time,
 * so decoding and encoding never run on a page's main thread.
 */
export class FixPool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: { req: FixJobRequest; transfer: Transferable[]; resolve: (r: FixJobResult) => void }[] = [];
  private pending = new Map<number, { resolve: (r: FixJobResult) => void; timer: ReturnType<typeof setTimeout> }>();
  private nextId = 1;

  constructor(private size?: number) {}

  warm(): void {
    this.size ??= Math.max(1, Math.min(2, globalThis.navigator?.hardwareConcurrency || 2));
    while (this.workers.length < this.size) this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<FixJobResult>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(e.data.id);
      p.resolve(e.data);
      this.release(w);
    };
    this.workers.push(w);
    this.idle.push(w);
    return w;
  }

  private release(w: Worker): void {
    const next = this.queue.shift();
    if (next) this.dispatch(w, next);
    else this.idle.push(w);
  }

  private dispatch(
    w: Worker,
    item: { req: FixJobRequest; transfer: Transferable[]; resolve: (r: FixJobResult) => void },
  ): void {
    const timer = setTimeout(() => {
      this.pending.delete(item.req.id);
      w.terminate();
      this.workers = this.workers.filter((x) => x !== w);
      item.resolve({ id: item.req.id, ok: false, error: '处理超时' });
      const fresh = this.spawn();
      this.idle = this.idle.filter((x) => x !== fresh);
      this.release(fresh);
    }, JOB_TIMEOUT_MS);
    this.pending.set(item.req.id, { resolve: item.resolve, timer });
    w.postMessage(item.req, item.transfer);
  }

  run(job: FixJob, transfer: Transferable[] = []): Promise<FixJobResult> {
    this.warm();
    return new Promise((resolve) => {
      const item = { req: { id: this.nextId++, job }, transfer, resolve };
      const w = this.idle.shift();
      if (w) this.dispatch(w, item);
      else this.queue.push(item);
    });
  }

  /** Like `run`, throwing the worker's message when the job failed. */
  async must(job: FixJob, transfer: Transferable[] = []): Promise<JobOutput> {
    const r = await this.run(job, transfer);
    if (!r.ok) throw new Error(r.error);
    return r;
  }
}

export const fixPool = new FixPool();
