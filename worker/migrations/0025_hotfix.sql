-- The hotfix documents this deployment relays (GET /v1/hotfix), as the operator uploaded them
-- (npm run worker:admin -- upload-hotfix). Signed by the extension's publisher: the worker keeps
-- the text unchanged and serves the newest serial; the extension checks the signature itself.
CREATE TABLE hotfix_documents (
  serial INTEGER PRIMARY KEY,
  document TEXT NOT NULL,
  received_at TEXT NOT NULL
);
INSERT INTO schema_info (version, applied_at) VALUES (25, datetime('now'));
