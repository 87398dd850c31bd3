import { describe, expect, it } from 'vitest';

describe('test harness', () => {
  it('runs under the time zone its project names', () => {
    const tz = process.env.TZ;
    expect(tz).toBeTruthy();
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz);
  });
});
