-- A committee admin can withdraw an invite before it is used (a code sent to the wrong person).
ALTER TABLE invites ADD COLUMN revoked_at TEXT;
CREATE INDEX invites_tenant ON invites (tenant_id, created_at);
INSERT INTO schema_info (version, applied_at) VALUES (7, datetime('now'));
