-- Before 0015 a deleted organisation's number could be taken by the next organisation created, so a
-- token or an unused invite may point at an organisation it was never issued for. Kept are only those
-- provably issued for the organisation now holding their number: same tenant, and their own creation
-- entry in the audit log comes after that organisation's latest `org.create`. Everything else (another
-- tenant's organisation, no organisation, no creation entry to compare) is revoked: when in doubt, revoke.
INSERT INTO schema_info (version, applied_at) VALUES (16, datetime('now'));

WITH org_created AS (
  SELECT tenant_id, org_id, max(seq) AS seq FROM audit WHERE action = 'org.create' GROUP BY tenant_id, org_id
), token_created AS (
  SELECT tenant_id, subject, min(seq) AS seq FROM audit WHERE action = 'token.create' GROUP BY tenant_id, subject
)
UPDATE tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
 WHERE revoked_at IS NULL
   AND id NOT IN (
     SELECT t.id FROM tokens t
       JOIN orgs o ON o.seq = t.org_seq AND o.tenant_id = t.tenant_id
       JOIN org_created oc ON oc.tenant_id = t.tenant_id AND oc.org_id = o.id
       JOIN token_created tc ON tc.tenant_id = t.tenant_id AND tc.subject = t.id
      WHERE oc.seq < tc.seq);

-- An invite's audit subject is the first 16 hex digits of its code's hash (worker/db/invites.ts inviteId).
WITH org_created AS (
  SELECT tenant_id, org_id, max(seq) AS seq FROM audit WHERE action = 'org.create' GROUP BY tenant_id, org_id
), invite_created AS (
  SELECT tenant_id, subject, min(seq) AS seq FROM audit WHERE action = 'invite.create' GROUP BY tenant_id, subject
)
UPDATE invites SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
 WHERE revoked_at IS NULL AND used_at IS NULL
   AND code_hash NOT IN (
     SELECT i.code_hash FROM invites i
       JOIN orgs o ON o.seq = i.org_seq AND o.tenant_id = i.tenant_id
       JOIN org_created oc ON oc.tenant_id = i.tenant_id AND oc.org_id = o.id
       JOIN invite_created ic ON ic.tenant_id = i.tenant_id AND ic.subject = substr(i.code_hash, 1, 16)
      WHERE oc.seq < ic.seq);
