export interface HotfixRow {
  serial: number;
  document: string;
  received_at: string;
}

export const newestHotfix = (db: D1Database) =>
  db.prepare('SELECT * FROM hotfix_documents ORDER BY serial DESC LIMIT 1').first<HotfixRow>();

/** Only a newer serial goes in: an older or equal one changes nothing (0 rows written). */
export const insertHotfix = (db: D1Database, row: HotfixRow) =>
  db
    .prepare(
      `INSERT INTO hotfix_documents (serial, document, received_at)
       SELECT ?1, ?2, ?3 WHERE ?1 > coalesce((SELECT max(serial) FROM hotfix_documents), 0)`,
    )
    .bind(row.serial, row.document, row.received_at);
