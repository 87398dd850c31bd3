-- One writer at a time per tenant: a short lease taken before a write reads the audit head and
-- released in the write's own batch. Concurrent writers wait their turn (or get 429 with Retry-After)
-- instead of all racing for the same audit sequence numbers; the audit key stays the last safeguard.
INSERT INTO schema_info (version, applied_at) VALUES (17, datetime('now'));

CREATE TABLE write_leases (
  tenant_id TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  until INTEGER NOT NULL
) WITHOUT ROWID;
