/**
 * The hotfix document: a small JSON the extension's publisher signs (Ed25519) to change, per
 * extension version range, what the extension does on 智慧团建 without a new build — features to
 * switch off, extra header aliases, selector overrides, a notice. Data only: MV3 forbids remote
 * code, and nothing here can switch a feature on. Anyone may relay it (the team's worker, a
 * school's file server): only the signature says who wrote it.
 *
 *   { "hotfix": 1, "payload": "<the payload JSON, exactly as signed>", "signature": "<base64>" }
 *
 * The signature covers the payload's UTF-8 bytes, so no canonical JSON is needed.
 */
import { z } from 'zod';

export { compareVersions, effectFor, NO_EFFECT, ruleApplies, type HotfixEffect } from './effect';

/** The largest document anyone relays or the extension reads. */
export const MAX_HOTFIX_BYTES = 64 * 1024;

const Version = z.string().regex(/^\d+(\.\d+){0,3}$/, '版本号应为 1.2.3 这样的数字');
const Text = (max: number) => z.string().trim().min(1).max(max);
/** A feature's id (= its switch in the options page). */
const FeatureId = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, '功能编号应为小写字母、数字和连字符');
/** A host-vocabulary entry's id, e.g. `table.row`, `column.certStatus`. */
const EntryId = z.string().regex(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+){1,3}$/, '词条编号形如 table.row');

export const HotfixRule = z.strictObject({
  /** Extension versions the rule applies to, both ends included; an open end is unbounded. */
  versions: z.strictObject({ min: Version.optional(), max: Version.optional() }),
  /** Features to switch off, each with the reason the options page shows. */
  disable: z
    .array(z.strictObject({ feature: FeatureId, reason: Text(200) }))
    .max(50)
    .default([]),
  /** More header texts for a column (the vocabulary's `column.*` entries), e.g. `{ "column.certStatus": ["认证进度"] }`. */
  headerAliases: z.record(EntryId, z.array(Text(30)).min(1).max(20)).default({}),
  /** A selector that replaces a vocabulary entry's own, e.g. `{ "table.row": "tr.el-table__row, tr.row" }`. */
  selectors: z.record(EntryId, Text(300)).default({}),
  notice: Text(300).optional(),
});
export type HotfixRule = z.infer<typeof HotfixRule>;

export const HotfixPayload = z
  .strictObject({
    /** Grows with every document the publisher signs; an older one never replaces a newer. */
    serial: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    issuedAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    notice: Text(300).optional(),
    rules: z.array(HotfixRule).max(100),
  })
  .refine((p) => Date.parse(p.expiresAt) > Date.parse(p.issuedAt), '失效时间应晚于签发时间');
export type HotfixPayload = z.infer<typeof HotfixPayload>;

export const HotfixEnvelope = z.strictObject({
  hotfix: z.literal(1),
  payload: z.string().min(2).max(MAX_HOTFIX_BYTES),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, '签名应为 64 字节的 base64'),
});
export type HotfixEnvelope = z.infer<typeof HotfixEnvelope>;

/** `PUT /v1/admin/hotfix`'s reply: the serial now served and when it stops applying. */
export const HotfixUploaded = z.object({ serial: z.number(), expiresAt: z.string() });
