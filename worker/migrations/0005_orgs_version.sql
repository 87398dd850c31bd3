-- Bumped with every change to a tenant's organisations: reads reuse an isolate's copy of the tree
-- while the version they see with the token is the same.
INSERT INTO schema_info (version, applied_at) VALUES (5, datetime('now'));
ALTER TABLE tenants ADD COLUMN orgs_version INTEGER NOT NULL DEFAULT 0;
