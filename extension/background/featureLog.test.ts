import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { featureProblems, logStop } from './featureLog';
import { openLocalDb } from './store/db';

describe('the log of stopped features', () => {
  it('keeps each stop once per feature, version, page type and reason, counting repeats, newest first', async () => {
    const db = await openLocalDb(`test-${crypto.randomUUID()}`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stop = {
      feature: 'status-chip',
      label: '认证状态',
      reason: '此列表没有“团员身份认证”列',
      pageType: 'memberDatabase',
    } as const;
    await logStop(db, stop, '0.1.0', 1000);
    await logStop(db, stop, '0.1.0', 2000);
    await logStop(db, { ...stop, pageType: 'transfer' }, '0.1.0', 3000);
    await logStop(db, stop, '0.2.0', 4000);
    const log = await featureProblems(db);
    expect(log.map((p) => [p.pageType, p.version, p.count])).toEqual([
      ['memberDatabase', '0.2.0', 1],
      ['transfer', '0.1.0', 1],
      ['memberDatabase', '0.1.0', 2],
    ]);
    expect(log[2]).toMatchObject({ firstAt: 1000, lastAt: 2000 });
    // Logged once each, with feature id, version and page type.
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls[0]![1]).toEqual({
      feature: 'status-chip',
      version: '0.1.0',
      pageType: 'memberDatabase',
      reason: stop.reason,
    });
    warn.mockRestore();
  });
});
