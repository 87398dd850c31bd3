import { describe, expect, it } from 'vitest';
import { PagePool } from './pool';
import type { PageJob, PageJobRequest, PageJobResult } from './worker/protocol';

/** A page worker that answers when the test says so, or never (stuck). */
class FakeWorker {
  onmessage: ((e: MessageEvent<PageJobResult>) => void) | null = null;
  got: PageJobRequest[] = [];
  terminated = false;
  postMessage(req: PageJobRequest) {
    this.got.push(req);
  }
  terminate() {
    this.terminated = true;
  }
  answer(id: number) {
    this.onmessage?.({
      data: { id, ok: false, error: `answered by a worker that got ${this.got.length}` },
    } as MessageEvent<PageJobResult>);
  }
}

const job = (n: number) =>
  ({
    kind: 'raster',
    raster: { width: 1, height: 1, data: new Uint8ClampedArray(4) },
    pxPerMm: n,
  }) as unknown as PageJob;

function pool(timeoutMs = 60_000) {
  const workers: FakeWorker[] = [];
  const p = new PagePool(
    2,
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    timeoutMs,
  );
  return { p, workers };
}

describe('the page pool', () => {
  it('keeps two pages in flight on each worker, and queues the rest', async () => {
    const { p, workers } = pool();
    const results = [1, 2, 3, 4, 5].map((n) => p.run(job(n)));
    expect(workers.map((w) => w.got.length)).toEqual([2, 2]);
    workers[0]!.answer(workers[0]!.got[0]!.id);
    await results[0];
    expect(workers.map((w) => w.got.length)).toEqual([3, 2]);
  });

  const mm = (r: PageJobRequest) => (r.job as unknown as { pxPerMm: number }).pxPerMm;

  it('gives up the page a stuck worker holds, and sends its other copied page to another worker', async () => {
    const { p, workers } = pool(30);
    const stuck = p.run(job(1));
    const other = p.run(job(2));
    const behind = p.run(job(3));
    // Pages go to the least busy worker: 1 and 3 to the first, 2 to the second.
    expect(workers[0]!.got.map(mm)).toEqual([1, 3]);
    workers[1]!.answer(workers[1]!.got[0]!.id);
    await other;
    expect(await stuck).toMatchObject({ ok: false, error: '处理超时' });
    expect(workers[0]!.terminated).toBe(true);
    // The page behind it was not lost: another worker got it, and its answer is the one kept.
    const taker = workers.find((w) => w !== workers[0] && w.got.some((r) => mm(r) === 3))!;
    taker.answer(taker.got.find((r) => mm(r) === 3)!.id);
    expect(await behind).toMatchObject({ ok: false, error: expect.stringContaining('answered by a worker') });
  });

  it('gives up, with the stuck one, a page whose data was moved to that worker', async () => {
    const { p, workers } = pool(30);
    const stuck = p.run(job(1));
    const other = p.run(job(2));
    const moved = p.run(job(3), [new ArrayBuffer(8)]);
    expect(workers[0]!.got.map(mm)).toEqual([1, 3]);
    workers[1]!.answer(workers[1]!.got[0]!.id);
    await other;
    expect(await stuck).toMatchObject({ ok: false, error: '处理超时' });
    expect(await moved).toMatchObject({ ok: false, error: '处理超时' });
  });

  it('makes the message afresh for the next worker when it is made at each sending', async () => {
    const { p, workers } = pool(30);
    let made = 0;
    const stuck = p.run(job(1));
    const other = p.run(job(2));
    const remade = p.run(() => {
      made++;
      return { job: job(3), transfer: [new ArrayBuffer(8)] };
    });
    workers[1]!.answer(workers[1]!.got[0]!.id);
    await other;
    expect(await stuck).toMatchObject({ ok: false, error: '处理超时' });
    const taker = workers.find((w) => w !== workers[0] && w.got.some((r) => mm(r) === 3))!;
    expect(made).toBe(2);
    taker.answer(taker.got.find((r) => mm(r) === 3)!.id);
    expect(await remade).toMatchObject({ ok: false, error: expect.stringContaining('answered by a worker') });
  });
});
