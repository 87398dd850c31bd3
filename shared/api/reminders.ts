import { z } from 'zod';
import { ChinaDate, OrgId, OrgType } from './common';

/** The shared urgency buckets (shared/domain/urgency.ts), as they travel over the wire. */
export const BucketName = z.enum([
  'exempt',
  'certified',
  'pending',
  'overdue',
  'maybeOverdue',
  'dueToday',
  'within3',
  'within7',
  'later',
]);
export type BucketName = z.infer<typeof BucketName>;

export const CountersSchema = z.object({
  exempt: z.number(),
  certified: z.number(),
  pending: z.number(),
  overdue: z.number(),
  maybeOverdue: z.number(),
  dueToday: z.number(),
  within3: z.number(),
  within7: z.number(),
  later: z.number(),
  rejected: z.number(),
  notUploaded: z.number(),
  total: z.number(),
});

/** §5.3: only certified new members count in the statistics. */
export const NewMemberStats = z.object({ developed: z.number(), counted: z.number(), notCounted: z.number() });

/** `GET /v1/reminders/:orgId`: the subtree's counters, per organisation, as of the server's China date. */
export const RemindersResponse = z.object({
  today: ChinaDate,
  org: z.object({ id: OrgId, name: z.string(), type: OrgType }),
  counters: CountersSchema,
  stats: NewMemberStats,
  /**
   * Every organisation in the subtree with its whole subtree's counters; `own` (its own members
   * only) is given for organisations that have organisations below them — for the others it equals `subtree`.
   */
  orgs: z.array(
    z.object({
      id: OrgId,
      name: z.string(),
      type: OrgType,
      parentId: OrgId.nullable(),
      own: CountersSchema.optional(),
      subtree: CountersSchema,
    }),
  ),
});
export type RemindersResponse = z.infer<typeof RemindersResponse>;

/** `GET /v1/reminders/:orgId/members?bucket=…`: the members behind a count, most urgent first. */
export const ReminderMembersQuery = z.object({
  bucket: BucketName,
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
