-- A marker the health endpoint reads: proves migrations ran against this database.
CREATE TABLE IF NOT EXISTS schema_info (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
INSERT INTO schema_info (version, applied_at) VALUES (1, datetime('now'));
