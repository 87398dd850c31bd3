import { z } from 'zod';

export const AuditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  orgId: z.string().nullable(),
  action: z.string(),
  /** An opaque id for a person (`s_…`), a token, organisation, invite … id otherwise. */
  subject: z.string().nullable(),
  /** For entries about a person: the member's key while the member exists; null once erased. */
  member: z.string().nullable().optional(),
  digest: z.string(),
  requestId: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditListQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const AuditListResponse = z.object({ entries: z.array(AuditEntryView), next: z.number().nullable() });
export type AuditListResponse = z.infer<typeof AuditListResponse>;

/** `GET /v1/audit/verify?full=1`: every entry re-hashed now, not only those since the last verify. */
export const AuditVerifyQuery = z.object({ full: z.enum(['0', '1']).optional() });

/** `GET /v1/audit/verify`: the chain re-checked against the signed checkpoints in R2. */
export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  entries: z.number(),
  sealed: z.number(),
  /** Entries after the last checkpoint: only these could be cut off without verify noticing. */
  unsealed: z.number(),
  checkpoints: z.number(),
  firstMismatch: z.object({ seq: z.number(), reason: z.string() }).nullable(),
  /** `incremental`: from the last verified checkpoint; `full`: every entry re-hashed. */
  mode: z.enum(['full', 'incremental']).optional(),
  /** When the last full verify ran (the daily cron's, or one asked for): its finding stands until the next. */
  fullVerifiedAt: z.string().nullable().optional(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;
