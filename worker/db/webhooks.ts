export interface WebhookRow {
  id: string;
  tenant_id: string;
  org_seq: number;
  kind: 'wecom' | 'dingtalk' | 'json';
  /** Encrypted (worker/lib/secrets.ts): the URL carries the robot's access token. */
  url: string;
  secret: string | null;
  /** The URL's host, in clear, for lists. */
  url_host: string;
  label: string;
  created_at: string;
}

export const insertWebhook = (db: D1Database, w: WebhookRow) =>
  db
    .prepare(
      'INSERT INTO webhooks (id, tenant_id, org_seq, kind, url, secret, url_host, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(w.id, w.tenant_id, w.org_seq, w.kind, w.url, w.secret, w.url_host, w.label, w.created_at);

/** A row's URL and secret, encrypted anew (a rotated key, or a row stored before encryption). */
export const rewrapWebhook = (db: D1Database, id: string, url: string, secret: string | null) =>
  db.prepare('UPDATE webhooks SET url = ?, secret = ? WHERE id = ?').bind(url, secret, id);

export async function webhooksInRange(
  db: D1Database,
  tenantId: string,
  lo: string,
  hi: string,
): Promise<(WebhookRow & { org_id: string })[]> {
  const { results } = await db
    .prepare(
      'SELECT w.*, o.id AS org_id FROM webhooks w JOIN orgs o ON o.seq = w.org_seq WHERE w.tenant_id = ? AND o.path >= ? AND o.path < ? ORDER BY w.created_at',
    )
    .bind(tenantId, lo, hi)
    .all<WebhookRow & { org_id: string }>();
  return results;
}

export const allWebhooks = async (db: D1Database) =>
  (await db.prepare('SELECT * FROM webhooks ORDER BY tenant_id, id').all<WebhookRow>()).results;
export const deleteWebhook = (db: D1Database, tenantId: string, id: string) =>
  db.prepare('DELETE FROM webhooks WHERE tenant_id = ? AND id = ?').bind(tenantId, id);

export const deliveredToday = (db: D1Database, webhookId: string, day: string) =>
  db.prepare('SELECT 1 AS x FROM deliveries WHERE webhook_id = ? AND day = ? AND ok = 1').bind(webhookId, day).first();

export const recordDelivery = (
  db: D1Database,
  d: {
    webhookId: string;
    tenantId: string;
    day: string;
    attempts: number;
    ok: boolean;
    status: number | null;
    parts: number;
    error: string | null;
    at: string;
  },
) =>
  db
    .prepare(
      'INSERT OR IGNORE INTO deliveries (webhook_id, tenant_id, day, attempts, ok, status, parts, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(d.webhookId, d.tenantId, d.day, d.attempts, d.ok ? 1 : 0, d.status, d.parts, d.error, d.at);

export async function deliveriesOf(db: D1Database, tenantId: string, webhookId: string) {
  const { results } = await db
    .prepare('SELECT * FROM deliveries WHERE tenant_id = ? AND webhook_id = ? ORDER BY id DESC LIMIT 100')
    .bind(tenantId, webhookId)
    .all<{
      id: number;
      webhook_id: string;
      day: string;
      attempts: number;
      ok: number;
      status: number | null;
      parts: number;
      error: string | null;
      at: string;
    }>();
  return results;
}
