import { z } from 'zod';
import { ChinaDate, OrgType, SentDate } from '../domain/types';

/** Every refusal the worker gives: a stable English code and a Chinese message saying what to do. */
export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

/** The roles a token or invite carries: a branch admin sees its own organisation, a committee admin its subtree. */
export const Role = z.enum(['branch', 'committee']);
export type Role = z.infer<typeof Role>;

/** Organisation ids are the tenant's own (or the host's leagueId); kept to characters safe in paths and CSV. */
export const OrgId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, '组织编号只能包含字母、数字和 _ . : -，最长 64 个字符');
export const OrgName = z
  .string()
  .trim()
  .min(1, '组织名称不能为空')
  .max(200, '组织名称最长 200 个字符')
  .refine((s) => !s.includes('/'), '组织名称不能包含“/”');

/** An SHA-256 / HMAC-SHA-256 digest in lowercase hex. */
export const HexDigest = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制摘要');

/** A 身份证号 in masked form only (110105********1234): the clear number never reaches the worker. */
export const MaskedIdCard = z
  .string()
  .regex(/^\d{6}\*{8}\d{3}[\dX]$/, '身份证号只能以脱敏形式上传（如 110105********1234）');

/** A masked name (张*伟): first and last character kept. */
export const MaskedName = z.string().min(1).max(100).regex(/\*/, '脱敏姓名应包含“*”');

/** ISO 8601 with an offset or Z, e.g. 2024-05-20T08:00:00+08:00. */
export const Instant = z.iso.datetime({
  offset: true,
  message: '时间格式应为 ISO 8601（如 2024-05-20T08:00:00+08:00）',
});

/**
 * How an observation names its organisation: by the tenant's org id, by the host's `leagueId`
 * when the page shows it, else by the full name path from the top committee down.
 */
export const OrgRef = z
  .object({
    id: OrgId.optional(),
    leagueId: z.string().min(1).max(64).optional(),
    path: z.array(OrgName).min(1).max(12).optional(),
  })
  .refine(
    (r) => r.id !== undefined || r.leagueId !== undefined || r.path !== undefined,
    '请用 id、leagueId 或名称路径 path 指明组织',
  );
export type OrgRef = z.infer<typeof OrgRef>;

export { ChinaDate, OrgType, SentDate };
