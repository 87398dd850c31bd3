-- Robot URLs (they carry the access token) and 钉钉 加签 secrets are kept encrypted (AES-256-GCM under
-- the WEBHOOK_KEY secret, worker/lib/secrets.ts). The host is kept beside them in clear for listing.
-- Rows written before this migration are encrypted by the next cron run (worker/jobs/rekey.ts).
INSERT INTO schema_info (version, applied_at) VALUES (19, datetime('now'));

ALTER TABLE webhooks ADD COLUMN url_host TEXT NOT NULL DEFAULT '';
-- The host as URL parsing gives it: after the scheme, before any path, query or fragment, without user info.
UPDATE webhooks SET url_host = (
  SELECT substr(authority, instr(authority, '@') + 1) FROM (
    SELECT substr(rest, 1, instr(replace(replace(rest, '?', '/'), '#', '/') || '/', '/') - 1) AS authority FROM (
      SELECT substr(webhooks.url, instr(webhooks.url, '://') + 3) AS rest
    )
  )
);
