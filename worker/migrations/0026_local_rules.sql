-- Committees' own content requirements for the forms of their subtree (issue 14): one JSON list
-- of rules per organisation (shared/api/localRules.ts). Read by every organisation below it.
CREATE TABLE local_rules (
  tenant_id TEXT NOT NULL,
  org_seq INTEGER NOT NULL,
  rules TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, org_seq)
);
INSERT INTO schema_info (version, applied_at) VALUES (26, datetime('now'));
