import { describe, expect, it } from 'vitest';
import workerDoc from '../../docs/worker.md?raw';
import { SAMPLES } from '../../test/worker/samples';
import { app } from '../app';
import { routeSpecs } from './table';

/** What the app really answers: every method and pattern a sub-app registered (middleware aside). */
const registered = () =>
  [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort();

describe('the route table (worker/routes/table.ts) is the list of every route', () => {
  it('names exactly the routes the app registers: a new route without an entry fails here', () => {
    const table = routeSpecs()
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(registered()).toEqual(table);
  });

  it('every route has a sample request for the adversarial matrix (test/worker/samples.ts)', () => {
    expect(
      routeSpecs()
        .filter((r) => !SAMPLES[`${r.method} ${r.path}`])
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual([]);
  });

  it('every route is documented in docs/worker.md', () => {
    const missing = routeSpecs().filter((r) => !workerDoc.includes(`${r.method} ${r.path}`));
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
});
