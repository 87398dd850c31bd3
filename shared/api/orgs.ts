import { z } from 'zod';
import { OrgId, OrgName, OrgType } from './common';

/** One organisation as imported or listed: the parent must be in the caller's subtree. */
export const OrgInput = z.object({
  id: OrgId,
  name: OrgName,
  type: OrgType,
  parentId: OrgId,
  leagueId: z.string().min(1).max(64).optional(),
});
export type OrgInput = z.infer<typeof OrgInput>;

/** `POST /v1/orgs/import` as JSON; the same columns as CSV (id,name,type,parentId,leagueId). */
export const OrgImport = z.object({ orgs: z.array(OrgInput).min(1).max(5000) });
export type OrgImport = z.infer<typeof OrgImport>;

export const OrgImportResult = z.object({ created: z.number(), updated: z.number() });
export const OrgDeleted = z.object({ deleted: OrgId });

/** `PATCH /v1/orgs/:id`: rename, retype, set leagueId, or move under another parent in the subtree. */
export const OrgPatch = z
  .object({
    name: OrgName.optional(),
    type: OrgType.optional(),
    leagueId: z.string().min(1).max(64).nullable().optional(),
    parentId: OrgId.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, '没有要修改的内容');
export type OrgPatch = z.infer<typeof OrgPatch>;

export const OrgView = z.object({
  id: OrgId,
  name: z.string(),
  type: OrgType,
  parentId: OrgId.nullable(),
  leagueId: z.string().nullable(),
  /** Names from the top committee down to this organisation. */
  path: z.array(z.string()),
});
export type OrgView = z.infer<typeof OrgView>;

export const OrgList = z.object({ orgs: z.array(OrgView) });
export type OrgList = z.infer<typeof OrgList>;
