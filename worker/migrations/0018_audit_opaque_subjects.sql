-- The audit chain hashes only opaque ids and digests (PIPL art. 47: a member's readable data can be
-- erased without breaking verification). A person an entry is about (member.*, preflight.*,
-- modification.*) is named in the chain by a random id; this table links it to the readable key
-- while the member exists, and erasing the member deletes the link.
INSERT INTO schema_info (version, applied_at) VALUES (18, datetime('now'));

CREATE TABLE audit_subjects (
  tenant_id TEXT NOT NULL,
  readable TEXT NOT NULL,
  opaque TEXT NOT NULL,
  PRIMARY KEY (tenant_id, readable)
) WITHOUT ROWID;
CREATE INDEX audit_subjects_opaque ON audit_subjects (tenant_id, opaque);

-- Entries written before this migration carry readable values (the token's label in `actor`, member
-- keys in `subject`, the client's X-Request-Id). The cron re-chains each such tenant once: it checks
-- the old chain against its checkpoints, replaces those values by opaque ids and digests, hashes the
-- chain anew and seals it under a new epoch (worker/audit/rechain.ts). Progress is kept here, so an
-- interrupted re-chain resumes where it stopped.
CREATE TABLE audit_rechain (
  tenant_id TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  next_seq INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  note TEXT
) WITHOUT ROWID;
INSERT INTO audit_rechain (tenant_id, state, next_seq, prev_hash)
SELECT DISTINCT tenant_id, 'pending', 1, '0000000000000000000000000000000000000000000000000000000000000000' FROM audit;
