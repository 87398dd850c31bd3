-- Fewer index writes per member: a member's key is `id:<hostId>` whenever the host's id was known at
-- first sight, so only the others need the host_id index; and name hashes are searched only where
-- names are kept out (name IS NULL).
INSERT INTO schema_info (version, applied_at) VALUES (4, datetime('now'));

DROP INDEX members_host;
CREATE INDEX members_host ON members (tenant_id, host_id) WHERE host_id IS NOT NULL AND key NOT LIKE 'id:%';
DROP INDEX members_namehash;
CREATE INDEX members_namehash ON members (tenant_id, name_hash) WHERE name IS NULL AND name_hash IS NOT NULL;
