import { z } from 'zod';
import { CertStatus } from '../domain/types';
import { ChinaDate, OrgId, SentDate } from './common';
import { BucketName } from './reminders';

export const MemberView = z.object({
  key: z.string(),
  orgId: OrgId,
  orgName: z.string(),
  /** null when the tenant keeps names out. */
  name: z.string().nullable(),
  nameMasked: z.string().nullable(),
  idMasked: z.string().nullable(),
  devNumber: z.string().nullable(),
  joinedOn: ChinaDate.nullable(),
  approvedOn: ChinaDate.nullable(),
  status: CertStatus,
  rejectionReason: z.string().nullable(),
  graduating: z.boolean(),
  /** The last day of the 30-day window; estimated from 入团时间 when approvedOn is unknown. */
  lastDay: ChinaDate.nullable(),
  estimated: z.boolean(),
  bucket: BucketName,
  daysLeft: z.number().nullable(),
});
export type MemberView = z.infer<typeof MemberView>;

/** `PUT /v1/members/:key/approval`: the upper committee's approval date (starts the 30 days). */
export const ApprovalDateRequest = z.object({ approvedOn: SentDate('上级批准日期') }).strict();
export type ApprovalDateRequest = z.infer<typeof ApprovalDateRequest>;

/** `GET /v1/members/search`: by 姓名, 发展团员编号, or the 身份证号's keyed hash (hashed in the extension). */
export const SearchQuery = z.object({
  by: z.enum(['name', 'devNumber', 'idHash']),
  q: z.string().trim().min(1, '请输入要查找的内容').max(100),
  orgId: OrgId.optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResponse = z.object({ members: z.array(MemberView), truncated: z.boolean() });
export type SearchResponse = z.infer<typeof SearchResponse>;

/** §4.5: changing an uploaded form needs the upper committee's approval. */
export const CreateModificationRequest = z
  .object({ memberKey: z.string().min(1).max(200), reason: z.string().trim().min(2).max(1000) })
  .strict();
export type CreateModificationRequest = z.infer<typeof CreateModificationRequest>;

export const DecideModificationRequest = z
  .object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(1000).optional() })
  .strict();
export type DecideModificationRequest = z.infer<typeof DecideModificationRequest>;

export const ModificationView = z.object({
  id: z.string(),
  memberKey: z.string(),
  orgId: OrgId,
  reason: z.string(),
  status: z.enum(['open', 'approved', 'rejected']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export type ModificationView = z.infer<typeof ModificationView>;

export const ModificationList = z.object({ modifications: z.array(ModificationView) });
export const ModificationReply = z.object({ modification: ModificationView });

/** A file check as `GET /v1/members/:key` lists it: verdict and codes, never the file. */
export const PreflightView = z.object({
  fileHash: z.string(),
  size: z.number(),
  pages: z.number(),
  verdict: z.enum(['pass', 'warn', 'fail']),
  codes: z.array(z.string()),
  page1Number: z.string().nullable(),
  observedAt: z.string(),
});

export const MemberDetail = z.object({ member: MemberView, preflights: z.array(PreflightView) });
/** `GET /v1/reminders/:orgId/members`: one page of a bucket, most urgent first. */
export const ReminderMembersResponse = z.object({
  today: ChinaDate,
  bucket: BucketName,
  members: z.array(MemberView),
  nextOffset: z.number().nullable(),
});

/** `PUT /v1/members/:key/approval`. */
export const MemberReply = z.object({ member: MemberView });

/** `DELETE /v1/members/:key` (committee): the member's readable data is gone; the erasure is in the audit log. */
export const MemberErased = z.object({ erased: z.literal(true) });
export type MemberErased = z.infer<typeof MemberErased>;
