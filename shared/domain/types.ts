import { z } from 'zod';
import { isCalendarDate, type ChinaDate as ChinaDateType } from './calendar';
import { ORG_TYPES, type OrgType as OrgTypeCode } from './orgTypes';
import { sentDateProblem } from './sentDate';

/**
 * A calendar date in China (Asia/Shanghai), `YYYY-MM-DD`. Never a `Date`: a Date's day shifts with
 * the machine's time zone, and the 30-day clock is counted in China calendar days (§2).
 */
export const ChinaDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isCalendarDate, '不存在的日期')
  .brand<'ChinaDate'>();
export type ChinaDate = ChinaDateType;

/**
 * A date a client sends in (入团时间, an approval date, …): a real calendar day from 1949-01-01 to
 * tomorrow in China (./sentDate.ts). Every date field of a request uses this, never the bare
 * ChinaDate, which replies use for days that may lie ahead (a deadline). `label` names the field
 * in the refusal, in the guide's words.
 */
export const SentDate = (label: string) =>
  z
    .string()
    .superRefine((s, ctx) => {
      const problem = sentDateProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: `${label}：${problem}` });
    })
    .brand<'ChinaDate'>();

/** 智慧团建's organisation type codes (./orgTypes.ts: the codes, their names and what they mean). */
export const OrgType = z.enum(ORG_TYPES);
export type OrgType = OrgTypeCode;

export const Org = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  type: OrgType,
  parentId: z.string().min(1).max(64).nullable(),
  /** The host's own id of the organisation (`leagueId`), when a page or API shows it. */
  leagueId: z.string().min(1).max(64).optional(),
});
export type Org = z.infer<typeof Org>;

/**
 * 团员身份认证 as precisely as the host's words allow (§3.2.1, §5.3):
 * - notUploaded: 尚未认证, and nothing uploaded;
 * - pending: 尚未认证, uploaded and waiting for the upper committee;
 * - uncertified: 尚未认证 where the page does not say whether anything was uploaded;
 * - rejected: 认证不通过 (with the reviewer's reason when known);
 * - certified: 团员身份已认证;
 * - unknown: any other text — never a guess.
 */
export const CertStatus = z.enum(['notUploaded', 'pending', 'uncertified', 'rejected', 'certified', 'unknown']);
export type CertStatus = z.infer<typeof CertStatus>;

/** 发展团员编号: 12 characters from 2017 on, legacy 16-digit numbers in some provinces. */
export const DevNumber = z.string().max(32);

export const Member = z.object({
  /** The host's member id (`userId`) when a page exposes it. */
  hostId: z.string().min(1).max(64).optional(),
  name: z.string().min(1).max(100),
  devNumber: DevNumber.optional(),
  joinedOn: ChinaDate,
  /** The upper committee's approval of the admission (上级团委批准): starts the 30-day clock. */
  approvedOn: ChinaDate.optional(),
  status: CertStatus,
  /** The reviewer's reason (审批意见) when the archive was rejected. */
  rejectionReason: z.string().max(2000).optional(),
  isCadre: z.boolean().default(false),
  graduating: z.boolean().default(false),
  orgId: z.string().min(1).max(64),
});
export type Member = z.infer<typeof Member>;
