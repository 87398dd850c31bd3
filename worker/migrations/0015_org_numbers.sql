-- Organisation numbers (orgs.seq, and through them tokens, invites, robots and member rows) are never
-- reused: they come from this counter, not from max(seq) + 1, which handed a deleted organisation's
-- number to the next one created (in any tenant) together with everything still pointing at it.
-- The counter starts above every number anything refers to, deleted organisations' included.
INSERT INTO schema_info (version, applied_at) VALUES (15, datetime('now'));

CREATE TABLE sequences (name TEXT PRIMARY KEY, last INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO sequences (name, last) VALUES ('org', max(
  (SELECT coalesce(max(seq), 0) FROM orgs),
  (SELECT coalesce(max(org_seq), 0) FROM tokens),
  (SELECT coalesce(max(org_seq), 0) FROM invites),
  (SELECT coalesce(max(org_seq), 0) FROM members),
  (SELECT coalesce(max(org_seq), 0) FROM member_counts),
  (SELECT coalesce(max(org_seq), 0) FROM preflights),
  (SELECT coalesce(max(org_seq), 0) FROM modifications),
  (SELECT coalesce(max(org_seq), 0) FROM webhooks),
  (SELECT coalesce(max(root_seq), 0) FROM tenants)
));
