/** What the health route and the admin's diagnostics read: the schema's version, a bare count. */

/** The newest migration applied: every migration records its number in schema_info. */
export async function newestMigration(db: D1Database): Promise<number> {
  const row = await db.prepare('SELECT max(version) AS n FROM schema_info').first<{ n: number | null }>();
  return row?.n ?? 0;
}

/** Every member of every tenant, counted without an index: the benchmark's scale figure. */
export async function countAllMembers(db: D1Database): Promise<{ members: number; meta: D1Meta }> {
  const r = await db.prepare('SELECT count(*) AS n FROM members').all<{ n: number }>();
  return { members: r.results[0]?.n ?? 0, meta: r.meta };
}
