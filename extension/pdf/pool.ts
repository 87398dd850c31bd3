import type { PageJob, PageJobRequest, PageJobResult } from './worker/protocol';

/** A page taking longer than this is given up on (reported as unreadable), never waited on forever. */
const JOB_TIMEOUT_MS = 15_000;
/** A worker is replaced after this many pages: whatever it holds on to is given back. */
const JOBS_PER_WORKER = 300;

/**
 * Page workers, two by default (these machines have two cores; more only adds memory). Each job is
 * one page; results come back in any order.
 */
export class PagePool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: { req: PageJobRequest; transfer: Transferable[]; resolve: (r: PageJobResult) => void }[] = [];
  private pending = new Map<number, { resolve: (r: PageJobResult) => void; timer: ReturnType<typeof setTimeout>; worker: Worker }>();
  private nextId = 1;

  constructor(private size = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 2))) {}

  /** Starts the workers ahead of the first check (they load their module once). */
  warm(): void {
    while (this.workers.length < this.size) this.spawn();
  }

  private jobs = new WeakMap<Worker, number>();

  private spawn(): Worker {
    const w = new Worker(new URL('./worker/pageWorker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<PageJobResult>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(e.data.id);
      p.resolve(e.data);
      const done = (this.jobs.get(w) ?? 0) + 1;
      this.jobs.set(w, done);
      if (done >= JOBS_PER_WORKER) {
        w.terminate();
        this.workers = this.workers.filter((x) => x !== w);
        this.release(this.spawnReplacement());
      } else this.release(w);
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

  private dispatch(w: Worker, item: { req: PageJobRequest; transfer: Transferable[]; resolve: (r: PageJobResult) => void }): void {
    const timer = setTimeout(() => {
      // A stuck worker is replaced, not reused.
      this.pending.delete(item.req.id);
      w.terminate();
      this.workers = this.workers.filter((x) => x !== w);
      item.resolve({ id: item.req.id, ok: false, error: '处理超时' });
      this.release(this.spawnReplacement());
    }, JOB_TIMEOUT_MS);
    this.pending.set(item.req.id, { resolve: item.resolve, timer, worker: w });
    w.postMessage(item.req, item.transfer);
  }

  private spawnReplacement(): Worker {
    const w = this.spawn();
    this.idle = this.idle.filter((x) => x !== w);
    return w;
  }

  run(job: PageJob, transfer: Transferable[] = []): Promise<PageJobResult> {
    this.warm();
    return new Promise((resolve) => {
      const item = { req: { id: this.nextId++, job }, transfer, resolve };
      const w = this.idle.shift();
      if (w) this.dispatch(w, item);
      else this.queue.push(item);
    });
  }
}
