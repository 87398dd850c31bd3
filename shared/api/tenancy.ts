import { z } from 'zod';
import { OrgId, OrgName, OrgType, Role } from './common';

/** `POST /v1/admin/tenants` (admin secret): a tenant, its top committee and a first committee invite. */
export const CreateTenantRequest = z.object({
  name: z.string().trim().min(1).max(200),
  topOrg: z.object({ id: OrgId, name: OrgName, type: OrgType, leagueId: z.string().min(1).max(64).optional() }),
  /** false: names are kept out — only a masked name and a keyed hash are stored. */
  storeNames: z.boolean().default(true),
  inviteTtlDays: z.number().int().min(1).max(90).default(14),
});
export type CreateTenantRequest = z.infer<typeof CreateTenantRequest>;

export const InviteCreated = z.object({
  /** Names the invite in lists and for revocation; not the code (derived from the code's hash). */
  id: z.string(),
  /** Shown once; only its hash is kept. */
  code: z.string(),
  orgId: OrgId,
  role: Role,
  expiresAt: z.string(),
});
export type InviteCreated = z.infer<typeof InviteCreated>;

export const CreateTenantResponse = z.object({ tenantId: z.string(), invite: InviteCreated });
export type CreateTenantResponse = z.infer<typeof CreateTenantResponse>;

/** `POST /v1/invites` (committee): a one-time code for an organisation in the caller's subtree. */
export const CreateInviteRequest = z.object({
  orgId: OrgId,
  role: Role,
  ttlDays: z.number().int().min(1).max(90).default(14),
});
export type CreateInviteRequest = z.infer<typeof CreateInviteRequest>;

/** `GET /v1/invites` (committee): the invites for the caller's subtree, newest first. */
export const InviteView = z.object({
  id: z.string(),
  orgId: OrgId,
  orgName: z.string(),
  role: Role,
  createdAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(['open', 'used', 'expired', 'revoked']),
});
export type InviteView = z.infer<typeof InviteView>;
export const InviteList = z.object({ invites: z.array(InviteView) });

/** `POST /v1/invites/redeem` (no token): trade a code for a bearer token and the tenant's hashing key. */
export const RedeemInviteRequest = z.object({
  code: z.string().min(8).max(100),
  /** Who holds the token, e.g. "张老师的电脑": shown in token lists and the audit log. */
  label: z.string().trim().min(1).max(100),
});
export type RedeemInviteRequest = z.infer<typeof RedeemInviteRequest>;

export const TenantInfo = z.object({
  id: z.string(),
  name: z.string(),
  storeNames: z.boolean(),
  /** HMAC-SHA-256 key (base64) for 身份证号 and name hashes: the extension hashes before sending. */
  hashKey: z.string(),
});

export const RedeemInviteResponse = z.object({
  token: z.string(),
  tokenId: z.string(),
  expiresAt: z.string(),
  role: Role,
  org: z.object({ id: OrgId, name: z.string(), type: OrgType }),
  tenant: TenantInfo,
});
export type RedeemInviteResponse = z.infer<typeof RedeemInviteResponse>;

export const TokenInfo = z.object({
  id: z.string(),
  kind: z.enum(['admin', 'feed']),
  label: z.string(),
  orgId: OrgId,
  role: Role,
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

/** `GET /v1/tokens/self`: what the worker holds of the caller's token, its organisation and tenant. */
export const TokenSelf = z.object({
  token: TokenInfo,
  org: z.object({ id: OrgId, name: z.string(), type: OrgType }),
  tenant: TenantInfo,
});
export type TokenSelf = z.infer<typeof TokenSelf>;

export const TokenList = z.object({ tokens: z.array(TokenInfo) });
export const TokenRevoked = z.object({ tokenId: z.string(), revokedAt: z.string() });
export const InviteRevoked = z.object({ id: z.string(), revokedAt: z.string() });

export const RenewTokenRequest = z.object({ days: z.number().int().min(1).max(400).default(365) });
export const RenewTokenResponse = z.object({ tokenId: z.string(), expiresAt: z.string() });
export type RenewTokenResponse = z.infer<typeof RenewTokenResponse>;

/** `PATCH /v1/settings` (top committee only). */
export const TenantSettings = z.object({
  storeNames: z.boolean().optional(),
  /** Extension origins (chrome-extension://…, moz-extension://…) allowed besides the deployment's own list. */
  allowedOrigins: z
    .array(
      z
        .string()
        .regex(
          /^(chrome|moz)-extension:\/\/[A-Za-z0-9-]{1,64}$/,
          '只允许浏览器扩展来源（chrome-extension://… 或 moz-extension://…）',
        ),
    )
    .max(20)
    .optional(),
});
export type TenantSettings = z.infer<typeof TenantSettings>;

/** `GET /v1/settings`, and the reply to `PATCH`. */
export const SettingsView = z.object({ storeNames: z.boolean(), allowedOrigins: z.array(z.string()) });
export type SettingsView = z.infer<typeof SettingsView>;

/** `GET /v1/health`. */
export const HealthResponse = z.object({ ok: z.literal(true), service: z.string(), schema: z.number() });

/** `GET /v1/admin/diagnostics/count` (operator): a bare count over all members, for the benchmark. */
export const DiagnosticsCount = z.object({
  members: z.number(),
  ms: z.number(),
  d1DurationMs: z.number(),
  rowsRead: z.number(),
});
