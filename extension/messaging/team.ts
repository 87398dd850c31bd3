/**
 * The team's messages (part of ./protocol.ts's `Messages`). Extension pages
 * (popup, options) and content scripts ask the background; only the background talks to the
 * worker, holds the token and the tenant's key.
 */
import type {
  CreateInviteRequest,
  InviteCreated,
  InviteView,
  TenantSettings,
  TokenInfo,
} from '../../shared/api/tenancy';
import type { DecideModificationRequest, ModificationView } from '../../shared/api/members';
import type { AppliedLocalRule, LocalRule } from '../../shared/api/localRules';
import type { OrgView } from '../../shared/api/orgs';
import type {
  ApprovalDecision,
  BackupFile,
  ImportReport,
  Jump,
  MemberItem,
  MemberList,
  MemberQuery,
  ModificationItem,
  RejectedView,
  Reply,
  ReviewFindings,
  ReviewLookup,
  SearchBy,
  Summary,
  TeamStatus,
} from './teamViews';

type None = Record<string, never>;

export interface TeamMessages {
  /** Committees' local rules for this admin's organisation (from the worker, or as last read; none alone). */
  teamLocalRules: { request: None; response: AppliedLocalRule[] };
  /** A committee sets the local rules of an organisation of its subtree. */
  teamSetLocalRules: { request: { orgId: string; rules: LocalRule[] }; response: Reply<AppliedLocalRule[]> };
  /** Connection and sync state (never the token). */
  teamStatus: { request: None; response: TeamStatus };
  /** Redeems an invite at the worker's address: the reply names the organisation and role it grants. */
  teamConnect: { request: { baseUrl: string; code: string; label: string }; response: Reply<TeamStatus> };
  teamRenew: { request: None; response: Reply<TeamStatus> };
  /** Leaves the team; `revoke` also revokes the token at the worker. */
  teamDisconnect: { request: { revoke: boolean }; response: Reply<{ revoked: boolean; warning?: string }> };
  /** Queues what was kept and sends the queue now. */
  teamSyncNow: { request: None; response: TeamStatus };
  teamRejected: { request: None; response: RejectedView[] };
  /** Takes a refused request off the visible list once the admin has read it. */
  teamDismissRejected: { request: { seq: number }; response: { ok: true } };
  /** The numbers to show; `cached`: the worker's numbers as last read, at once (null when none). */
  teamSummary: { request: { cached?: boolean }; response: Summary | null };
  teamMembers: { request: MemberQuery; response: MemberList };
  /** 姓名 / 编号 / 身份证号 — a 身份证号 is hashed here and never sent in clear. */
  teamSearch: { request: { by: SearchBy; q: string }; response: Reply<MemberList> };
  /** Opens 智慧团建 on the list that shows the member and searches for it there. */
  teamOpenMember: { request: { member: MemberItem }; response: Reply<{ tabId: number }> };
  /** A content script asks whether the popup sent the admin to this tab for a member. */
  teamPendingJump: { request: None; response: Jump | null };
  /** The daily reminder time (HH:MM, China time): saved and the alarm re-armed. */
  teamSetReminderTime: { request: { time: string }; response: Reply<{ next: number }> };
  /** Names in clear to the worker (when the tenant keeps names) or masked and hashed. */
  teamSetShareNames: { request: { shareNames: boolean }; response: Reply<{ shareNames: boolean }> };

  // Committee admins: the team's tree, invites, tokens, §4.5 modification requests, settings.
  teamOrgs: { request: { refresh?: boolean }; response: Reply<OrgView[]> };
  /** CSV with the header id,name,type,parentId,leagueId. */
  teamImportOrgs: { request: { csv: string }; response: Reply<{ created: number; updated: number }> };
  teamCreateInvite: { request: CreateInviteRequest; response: Reply<InviteCreated> };
  teamInvites: { request: None; response: Reply<InviteView[]> };
  /** Withdraws an unused invite (a code sent to the wrong person). */
  teamRevokeInvite: { request: { id: string }; response: Reply<{ id: string; revokedAt: string }> };
  teamTokens: { request: None; response: Reply<TokenInfo[]> };
  teamRevokeToken: { request: { id: string }; response: Reply<{ tokenId: string; revokedAt: string }> };
  teamModifications: { request: { status?: 'open' | 'approved' | 'rejected' }; response: Reply<ModificationItem[]> };
  /** A branch admin asks the upper committee to allow changing an uploaded form (§4.5). */
  teamRequestModification: { request: { memberKey: string; reason: string }; response: Reply<ModificationView> };
  /** Queued like every decision: sent at once when the worker answers, kept until it does. */
  teamDecideModification: {
    request: { id: string } & DecideModificationRequest;
    response: Reply<{ state: 'sent' | 'queued' | 'refused'; message?: string }>;
  };
  teamTenantSettings: {
    request: { change?: TenantSettings };
    response: Reply<{ storeNames: boolean; allowedOrigins: string[] }>;
  };

  /** The newest reviewer's check kept for a member, for the 审批 dialog's checklist. */
  reviewFindings: { request: ReviewLookup; response: ReviewFindings | null };
  /** The reviewer's decision in the 审批 dialog, once the host confirmed it: recorded for the team. */
  recordApprovalDecision: { request: ApprovalDecision; response: Reply<{ queued: boolean }> };

  /** Everything this browser keeps, for a backup or for next year's admin (no token, no keys). */
  exportLocalData: { request: None; response: BackupFile };
  importLocalData: { request: { file: unknown }; response: Reply<ImportReport> };
}
