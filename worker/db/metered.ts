/** D1's own counts for one request: statements run, rows read, and time inside D1. */
export interface D1Meter {
  queries: number;
  rowsRead: number;
  rowsWritten: number;
  ms: number;
}

type Meta = { rows_read?: number; rows_written?: number; duration?: number };

function add(m: D1Meter, meta: Meta | undefined) {
  m.queries++;
  m.rowsRead += meta?.rows_read ?? 0;
  m.rowsWritten += meta?.rows_written ?? 0;
  m.ms += meta?.duration ?? 0;
}

/**
 * Wraps a D1 binding so every statement's meta is added to `meter`. Statements stay the real
 * objects (batch() needs them); only their methods are replaced. `first()` reads through `all()`,
 * since D1's first() gives no meta.
 */
export function metered(db: D1Database, meter: D1Meter): D1Database {
  const instrument = (s: D1PreparedStatement): D1PreparedStatement => {
    const bind = s.bind.bind(s);
    const all = s.all.bind(s);
    const run = s.run.bind(s);
    const raw = s.raw.bind(s) as (o?: { columnNames?: boolean }) => Promise<unknown[]>;
    Object.assign(s, {
      bind: (...values: unknown[]) => instrument(bind(...values)),
      all: async () => {
        const r = await all();
        add(meter, r.meta);
        return r;
      },
      run: async () => {
        const r = await run();
        add(meter, r.meta);
        return r;
      },
      first: async (column?: string) => {
        const r = await all();
        add(meter, r.meta);
        const row = r.results[0] as Record<string, unknown> | undefined;
        if (!row) return null;
        return column === undefined ? row : row[column];
      },
      raw: async (o?: { columnNames?: boolean }) => {
        meter.queries++;
        return raw(o);
      },
    });
    return s;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => instrument(target.prepare(sql));
      if (prop === 'batch')
        return async (stmts: D1PreparedStatement[]) => {
          const results = await target.batch(stmts);
          for (const r of results) add(meter, r.meta);
          return results;
        };
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
