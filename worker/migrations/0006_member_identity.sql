-- A member seen again under a corrected 发展团员编号 (§5.8) is found by organisation, 入团时间 and
-- the name's keyed hash: the same person, not a new one.
CREATE INDEX members_org_joined ON members (tenant_id, org_seq, joined_on) WHERE joined_on IS NOT NULL;
INSERT INTO schema_info (version, applied_at) VALUES (6, datetime('now'));
