-- Reminders without scanning every member: per organisation, the counts that do not depend on the
-- date, kept in the same D1 batch as the member writes. Only owed members whose last day is today or
-- later are read row by row (through members_upcoming); the other owed members are past their last day.
INSERT INTO schema_info (version, applied_at) VALUES (3, datetime('now'));

CREATE TABLE member_counts (
  tenant_id TEXT NOT NULL,
  org_seq INTEGER NOT NULL,
  -- the classes of shared/domain/urgency.ts classify, in its order
  exempt INTEGER NOT NULL DEFAULT 0,
  certified INTEGER NOT NULL DEFAULT 0,
  pending INTEGER NOT NULL DEFAULT 0,
  -- owed: an upload is still due; split by whether the last day is estimated (from 入团时间)
  owed_exact INTEGER NOT NULL DEFAULT 0,
  owed_estimated INTEGER NOT NULL DEFAULT 0,
  -- the two extra counters: 认证不通过 (any class) and 未上传 (owed only)
  rejected INTEGER NOT NULL DEFAULT 0,
  not_uploaded INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, org_seq)
) WITHOUT ROWID;

DROP INDEX members_buckets;
CREATE INDEX members_upcoming ON members (tenant_id, last_day, org_seq, estimated)
  WHERE needs_archive = 1 AND status NOT IN ('certified', 'pending');
