import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentGateMessage } from '../worker/contentProtocol';
import { PictureGate, SETTLE_MS } from './gate';

describe('the content reader yields to picture checks', () => {
  let told: string[];
  let gate: PictureGate;
  const check = (ms: number) => gate.check(() => new Promise<void>((r) => setTimeout(r, ms)));

  beforeEach(() => {
    vi.useFakeTimers();
    told = [];
    gate = new PictureGate((m: ContentGateMessage) => told.push(m.gate));
  });
  afterEach(() => vi.useRealTimers());

  it('holds the reader during a check and lets it go on only once no check has run for the settle time', async () => {
    expect(gate.state).toBeNull();
    const done = check(500);
    expect(told).toEqual(['pause']);
    expect(gate.state).toEqual({ gate: 'pause' });
    await vi.advanceTimersByTimeAsync(500);
    await done;
    // The verdict is out, but a file posted at once must not meet a model run resumed meanwhile.
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
    expect(told).toEqual(['pause']);
    expect(gate.state).toEqual({ gate: 'pause' });
    await vi.advanceTimersByTimeAsync(1);
    expect(told).toEqual(['pause', 'resume']);
    expect(gate.state).toBeNull();
  });

  it('a check posted within the settle time keeps the reader held through it, and resumes it once after', async () => {
    const first = check(200);
    await vi.advanceTimersByTimeAsync(200);
    await first;
    await vi.advanceTimersByTimeAsync(150);
    const second = check(200);
    await vi.advanceTimersByTimeAsync(200);
    await second;
    expect(told).toEqual(['pause', 'pause']);
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(told).toEqual(['pause', 'pause', 'resume']);
  });

  it('a page waiting to start waits for the settle after the last check', async () => {
    let started = false;
    const running = check(100);
    void gate.settledIdle().then(() => (started = true));
    await vi.advanceTimersByTimeAsync(100);
    await running;
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toBe(true);
    // With no check at all, nothing is waited for.
    let free = false;
    void new PictureGate(() => {}).settledIdle().then(() => (free = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(free).toBe(true);
  });
});
