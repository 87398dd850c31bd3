import { z } from 'zod';
import { containsClearIdCard } from '../domain/idCardInText';
import { CertStatus, DevNumber } from '../domain/types';
import { HexDigest, Instant, MaskedIdCard, MaskedName, OrgRef, SentDate } from './common';

export const SYNC_MAX_ROWS = 5000;

/** Free text that must never carry a 身份证号 in clear: the extension refuses it before sending, the worker on arrival. */
const noIdCard = (s: string) => !containsClearIdCard(s);
const ID_CARD_MESSAGE = '内容中疑似包含明文身份证号：请只上传脱敏形式和哈希';

/**
 * What the extension saw of one member on a host page at `observedAt`. Fields left out were not
 * seen; `null` means "seen empty" (e.g. the reviewer's reason after a re-upload). The worker keeps,
 * field by field, the newest value it was told (observed times later than the server clock count as now).
 *
 * Identity: `hostId` (the host's userId) when the page exposes it, else `idHash`, else `devNumber`,
 * else the name (hash) with 入团时间. Send the strongest one the page shows, every time.
 */
export const MemberObservation = z
  .object({
    org: OrgRef,
    hostId: z.string().min(1).max(64).optional(),
    /** The clear name: dropped (only masked + hashed) when the tenant keeps names out. */
    name: z.string().trim().min(1).max(100).refine(noIdCard, ID_CARD_MESSAGE).optional(),
    nameMasked: MaskedName.optional(),
    /** HMAC-SHA-256(tenant key, name), hex. */
    nameHash: HexDigest.optional(),
    /** HMAC-SHA-256(tenant key, 身份证号 upper-cased), hex: the number itself never leaves the browser. */
    idHash: HexDigest.optional(),
    idMasked: MaskedIdCard.optional(),
    devNumber: DevNumber.refine(noIdCard, ID_CARD_MESSAGE).nullable().optional(),
    joinedOn: SentDate('入团时间').optional(),
    approvedOn: SentDate('上级批准日期').nullable().optional(),
    status: CertStatus.optional(),
    rejectionReason: z.string().max(2000).refine(noIdCard, ID_CARD_MESSAGE).nullable().optional(),
    graduating: z.boolean().optional(),
    isCadre: z.boolean().optional(),
    observedAt: Instant,
  })
  .strict()
  .refine(
    (o) => o.hostId || o.idHash || o.devNumber || ((o.name || o.nameHash) && o.joinedOn),
    '无法识别团员：请至少提供 hostId、idHash、发展团员编号，或姓名与入团时间',
  );
export type MemberObservation = z.infer<typeof MemberObservation>;

/** The PDF check's verdict on a file, never the file: hash, size, pages and the finding codes. */
export const PreflightResult = z
  .object({
    org: OrgRef,
    member: z
      .object({
        hostId: z.string().min(1).max(64).optional(),
        idHash: HexDigest.optional(),
        devNumber: DevNumber.optional(),
      })
      .refine((m) => m.hostId || m.idHash || m.devNumber, '请指明团员（hostId、idHash 或发展团员编号）'),
    fileHash: HexDigest,
    size: z.number().int().min(0).max(1_000_000_000),
    pages: z.number().int().min(0).max(10_000),
    verdict: z.enum(['pass', 'warn', 'fail']),
    codes: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/)).max(50),
    /** The 发展团员编号 read from page 1, when it could be read. */
    page1Number: z.string().max(32).nullable().optional(),
    /** What became of the file: handed to the host, held, sent anyway (仍要上传), or a reviewer's check. */
    decision: z.enum(['released', 'held', 'override', 'reviewed']).optional(),
    /** The admin's reason for 仍要上传, kept in the team's audit log. */
    overrideReason: z.string().trim().min(1).max(500).refine(noIdCard, ID_CARD_MESSAGE).optional(),
    observedAt: Instant,
  })
  .strict();
export type PreflightResult = z.infer<typeof PreflightResult>;

const batchSize = <T extends { observations: unknown[]; preflights: unknown[] }>(schema: z.ZodType<T>) =>
  schema
    .refine((b) => b.observations.length + b.preflights.length > 0, '批次为空')
    .refine((b) => b.observations.length + b.preflights.length <= SYNC_MAX_ROWS, `每批最多 ${SYNC_MAX_ROWS} 行`);

/** `POST /v1/sync` with an `Idempotency-Key` header: up to 5,000 rows, each answered on its own. */
export const SyncBatch = batchSize(
  z
    .object({
      observations: z.array(MemberObservation).max(SYNC_MAX_ROWS).default([]),
      preflights: z.array(PreflightResult).max(SYNC_MAX_ROWS).default([]),
    })
    .strict(),
);
export type SyncBatch = z.infer<typeof SyncBatch>;

/**
 * What the worker checks of a batch as a whole; each row is then checked on its own, so that one
 * bad row is refused alone and the others are written.
 */
export const SyncEnvelope = batchSize(
  z
    .object({
      observations: z.array(z.unknown()).max(SYNC_MAX_ROWS).default([]),
      preflights: z.array(z.unknown()).max(SYNC_MAX_ROWS).default([]),
    })
    .strict(),
);
export type SyncEnvelope = z.infer<typeof SyncEnvelope>;

/** A row of a batch the worker did not write, and why (Chinese, saying what to do). */
export const RowRefusal = z.object({
  list: z.enum(['observations', 'preflights']),
  /** The row's place in its list, from 0. */
  index: z.number().int().min(0),
  code: z.string(),
  message: z.string(),
});
export type RowRefusal = z.infer<typeof RowRefusal>;

export const SyncResponse = z.object({
  members: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  preflights: z.object({ recorded: z.number() }),
  /** The rows not written, each with its reason; every other row was. */
  refused: z.array(RowRefusal),
  auditEntries: z.number(),
  serverTime: z.string(),
});
export type SyncResponse = z.infer<typeof SyncResponse>;
