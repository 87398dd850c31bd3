import type { PageJob, PageJobResult } from './worker/protocol';

/** A page taking longer than this is given up on (reported as unreadable), never waited on forever. */
const JOB_TIMEOUT_MS = 15_000;
/** A worker is replaced after this many pages: whatever it holds on to is given back. */
const JOBS_PER_WORKER = 300;
/**
 * Pages in flight per worker: the worker starts decoding a page as it arrives (ImageDecoder works
 * off the worker's thread) while it still measures the one before.
 */
const DEPTH = 2;

/** A page's message, made when it is sent: data moved to a worker is made afresh for another one. */
export type MakeJob<J = PageJob> = () => { job: J; transfer: Transferable[] };

/** What the pool answers itself when a page is given up. */
type GivenUp = { id: number; ok: false; error: string };

interface Item<J, R> {
  id: number;
  make: MakeJob<J>;
  /** Made once, from data the caller handed over: lost with a worker that is replaced. */
  once: boolean;
  resolve: (r: R | GivenUp) => void;
}

/**
 * Page workers, two by default (these machines have two cores; more only adds memory). Each job is
 * one page; results come back in any order.
 */
export class PagePool<J = PageJob, R extends { id: number } = PageJobResult> {
  private workers: Worker[] = [];
  private load = new Map<Worker, number>();
  private done = new Map<Worker, number>();
  private queue: Item<J, R>[] = [];
  private pending = new Map<number, { item: Item<J, R>; timer: ReturnType<typeof setTimeout>; worker: Worker }>();
  private nextId = 1;

  constructor(
    private size = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 2)),
    private makeWorker: () => Worker = () =>
      new Worker(new URL('./worker/pageWorker.ts', import.meta.url), { type: 'module' }),
    private timeoutMs = JOB_TIMEOUT_MS,
  ) {}

  /** Starts the workers ahead of the first check (they load their module once). */
  warm(): void {
    while (this.workers.length < this.size) this.spawn();
  }

  /**
   * Runs one page. Either the job itself, with what to move to the worker (given up if that worker
   * is replaced: the data went with it), or a function making it at each sending.
   */
  run(job: J | MakeJob<J>, transfer: Transferable[] = []): Promise<R | GivenUp> {
    this.warm();
    const once = typeof job !== 'function';
    const make: MakeJob<J> = typeof job === 'function' ? (job as MakeJob<J>) : () => ({ job, transfer });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, make, once: once && transfer.length > 0, resolve });
      this.fill();
    });
  }

  /** Posts a message to every worker now running: not a job, nothing is awaited. */
  broadcast(message: unknown): void {
    for (const w of this.workers) w.postMessage(message);
  }

  private spawn(): Worker {
    const w = this.makeWorker();
    w.onmessage = (e: MessageEvent<R>) => this.finished(w, e.data);
    this.workers.push(w);
    this.load.set(w, 0);
    return w;
  }

  private finished(w: Worker, result: R): void {
    const p = this.pending.get(result.id);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(result.id);
    this.load.set(w, this.load.get(w)! - 1);
    const done = (this.done.get(w) ?? 0) + 1;
    this.done.set(w, done);
    p.item.resolve(result);
    if (done >= JOBS_PER_WORKER && this.load.get(w) === 0) this.retire(w);
    this.fill();
  }

  /** Hands queued pages to the least busy workers that have room. */
  private fill(): void {
    while (this.queue.length) {
      const w = this.workers
        .filter((x) => this.load.get(x)! < DEPTH && (this.done.get(x) ?? 0) + this.load.get(x)! < JOBS_PER_WORKER)
        .sort((a, b) => this.load.get(a)! - this.load.get(b)!)[0];
      if (!w) {
        if (this.workers.length < this.size) this.spawn();
        else return;
        continue;
      }
      this.dispatch(w, this.queue.shift()!);
    }
  }

  private dispatch(w: Worker, item: Item<J, R>): void {
    const timer = setTimeout(() => {
      // A stuck worker is replaced, not reused; the page it stuck on is given up.
      this.pending.delete(item.id);
      item.resolve({ id: item.id, ok: false, error: '处理超时' });
      this.retire(w);
      this.fill();
    }, this.timeoutMs);
    this.pending.set(item.id, { item, timer, worker: w });
    this.load.set(w, this.load.get(w)! + 1);
    const { job, transfer } = item.make();
    w.postMessage({ id: item.id, job }, transfer);
  }

  /**
   * Ends a worker. Pages it still held go back to the front of the queue when their message can be
   * made again; data the caller moved to it went with it, and those pages are given up.
   */
  private retire(w: Worker): void {
    w.terminate();
    this.workers = this.workers.filter((x) => x !== w);
    this.load.delete(w);
    this.done.delete(w);
    const held = [...this.pending].filter(([, p]) => p.worker === w);
    for (const [id, p] of held) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      if (p.item.once) p.item.resolve({ id, ok: false, error: '处理超时' });
      else this.queue.unshift(p.item);
    }
  }
}
