-- The sync worker's tables. Every row carries its tenant; an organisation's place in the tree is a
-- materialised path of internal sequence numbers ('/1/5/17/'), so "the token's subtree" is one
-- indexed range on orgs.path.
INSERT INTO schema_info (version, applied_at) VALUES (2, datetime('now'));

CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  store_names INTEGER NOT NULL DEFAULT 1,
  hash_key TEXT NOT NULL,
  allowed_origins TEXT NOT NULL DEFAULT '[]',
  root_seq INTEGER,
  created_at TEXT NOT NULL
);

CREATE TABLE orgs (
  seq INTEGER PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  parent_seq INTEGER,
  league_id TEXT,
  path TEXT NOT NULL,
  UNIQUE (tenant_id, id)
);
CREATE INDEX orgs_path ON orgs (tenant_id, path);
CREATE UNIQUE INDEX orgs_league ON orgs (tenant_id, league_id) WHERE league_id IS NOT NULL;

CREATE TABLE invites (
  code_hash TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  org_seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  tenant_id TEXT NOT NULL,
  org_seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX tokens_tenant ON tokens (tenant_id, org_seq);

-- Fixed one-minute windows: failed authentications per client and per token, writes per token and client.
CREATE TABLE rate_limits (
  bucket TEXT NOT NULL,
  window INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (bucket, window)
) WITHOUT ROWID;

-- A replayed write answers its first reply; the reply is stored in the same D1 batch as the write.
CREATE TABLE idempotency (
  tenant_id TEXT NOT NULL,
  key TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  state TEXT NOT NULL,
  status INTEGER,
  response TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, key)
) WITHOUT ROWID;

-- One row per member. Derived columns (needs_archive, last_day, estimated) are written with the
-- member so that reminders bucket in SQL; `observed` keeps each field's newest observation time.
CREATE TABLE members (
  tenant_id TEXT NOT NULL,
  key TEXT NOT NULL,
  org_seq INTEGER NOT NULL,
  host_id TEXT,
  name TEXT,
  name_masked TEXT,
  name_hash TEXT,
  id_hash TEXT,
  id_masked TEXT,
  dev_number TEXT,
  joined_on TEXT,
  approved_on TEXT,
  status TEXT NOT NULL,
  rejection_reason TEXT,
  graduating INTEGER NOT NULL DEFAULT 0,
  is_cadre INTEGER NOT NULL DEFAULT 0,
  needs_archive INTEGER NOT NULL,
  last_day TEXT,
  estimated INTEGER NOT NULL DEFAULT 0,
  observed TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, key)
) WITHOUT ROWID;
-- Covers the reminders aggregate: per organisation, bucket inputs only.
CREATE INDEX members_buckets ON members (tenant_id, org_seq, needs_archive, status, last_day, estimated);
CREATE INDEX members_host ON members (tenant_id, host_id) WHERE host_id IS NOT NULL;
CREATE INDEX members_idhash ON members (tenant_id, id_hash) WHERE id_hash IS NOT NULL;
CREATE INDEX members_dev ON members (tenant_id, dev_number) WHERE dev_number IS NOT NULL;
CREATE INDEX members_namehash ON members (tenant_id, name_hash) WHERE name_hash IS NOT NULL;

CREATE TABLE preflights (
  tenant_id TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  member_ref TEXT NOT NULL,
  org_seq INTEGER NOT NULL,
  size INTEGER NOT NULL,
  pages INTEGER NOT NULL,
  verdict TEXT NOT NULL,
  codes TEXT NOT NULL,
  page1_number TEXT,
  observed_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, member_ref, file_hash)
) WITHOUT ROWID;

CREATE TABLE modifications (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  member_key TEXT NOT NULL,
  org_seq INTEGER NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  decision_reason TEXT
);
CREATE INDEX modifications_tenant ON modifications (tenant_id, status);

CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  org_seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX webhooks_tenant ON webhooks (tenant_id);

CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY,
  webhook_id TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  day TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  status INTEGER,
  parts INTEGER NOT NULL,
  error TEXT,
  at TEXT NOT NULL
);
CREATE UNIQUE INDEX deliveries_once ON deliveries (webhook_id, day) WHERE ok = 1;

-- The tamper-evident log: hash = SHA-256(previous hash, entry). (tenant_id, seq) is also the
-- optimistic lock of every write: two writers that read the same head cannot both commit.
CREATE TABLE audit (
  tenant_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  org_id TEXT,
  action TEXT NOT NULL,
  subject TEXT,
  digest TEXT NOT NULL,
  request_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (tenant_id, seq)
) WITHOUT ROWID;

-- Where sealing got to per tenant (a convenience: verify trusts only the signed objects in R2).
CREATE TABLE audit_seals (
  tenant_id TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  head_hash TEXT NOT NULL,
  object_key TEXT NOT NULL,
  sealed_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, last_seq)
) WITHOUT ROWID;
