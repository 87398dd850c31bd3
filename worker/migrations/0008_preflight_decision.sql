-- What became of a checked file (handed over, held, 仍要上传, a reviewer's check) and, for
-- 仍要上传, the admin's reason: the audit log keeps only a digest of it.
ALTER TABLE preflights ADD COLUMN decision TEXT;
ALTER TABLE preflights ADD COLUMN override_reason TEXT;
INSERT INTO schema_info (version, applied_at) VALUES (8, datetime('now'));
