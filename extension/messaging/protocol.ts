import type { ChinaDate, OrgType } from '../../shared/domain/types';
import type { OrgRef, RowObservation } from '../model/member';
import type { PageType } from '../model/pages';
import type { Settings } from '../model/settings';
import type { ObserveResult, PromptKind, PromptMember, RejectionNotice } from './members';
import type { PreflightRecord, RecordPreflightRequest } from './preflight';
import type { FeatureStop, HealthMessages } from './health';
import type { TeamMessages } from './team';

/**
 * The one typed contract between the extension's parts (content script, pages, background).
 * Each message names its request and its reply; `sendToBackground` is the only way to send, and
 * the background's one router (./router.ts) answers each with exactly one handler. Who may send a
 * message and whether it writes are in ./rules.ts: a message added here needs a rule and a
 * handler before the typecheck passes.
 */
export interface Messages extends TeamMessages, HealthMessages {
  /** Liveness: the background answers with the extension's version. */
  ping: { request: Record<string, never>; response: { ok: true; version: string } };
  /** The content script saw a 智慧团建 page (recognised or not); the background keeps it per tab. */
  pageSeen: { request: { pageType: PageType; path: string }; response: { ok: true } };
  /** What page a tab shows (default: the sender's tab), as the toolbar icon says it. */
  pageState: {
    request: { tabId?: number };
    response: { pageType: PageType; path: string; label: string; stopped?: Omit<FeatureStop, 'pageType'>[] } | null;
  };
  /** Rows a host list showed: kept (newest wins), answered with what is known of each member. */
  observeRows: { request: { rows: RowObservation[]; observedAt: number }; response: ObserveResult };
  /** The upper committee's approval date the admin recorded, for one member or a selection. */
  setApprovedOn: { request: { keys: string[]; approvedOn: ChinaDate | null }; response: { updated: number } };
  /** The admin marked members as graduating (毕业年级, §4.4), or took the mark off. */
  setGraduating: { request: { keys: string[]; graduating: boolean }; response: { updated: number } };
  /** Reviewers' reasons read from 操作中心 feedback, kept for the members the messages name. */
  recordRejectionReasons: { request: { items: RejectionNotice[] }; response: { updated: number } };
  /** An organisation's type as a page showed it (a 毕业班团支部's members are graduating). */
  rememberOrgType: { request: { org: OrgRef; type: OrgType }; response: { ok: true } };
  /** The kept members behind the host's sign-in prompts. */
  promptedMembers: { request: { kinds: PromptKind[] }; response: Record<PromptKind, PromptMember[]> };
  /** A file checked at upload or review: kept for its member (never the file); 仍要上传 with its reason. */
  recordPreflight: { request: RecordPreflightRequest; response: { ok: boolean; key: string | null; error?: string } };
  /** The checks kept for one member, oldest first. */
  preflightHistory: { request: { key: string }; response: PreflightRecord[] };
  /** Every 仍要上传 override kept, oldest first (for the audit trail). */
  preflightOverrides: { request: Record<string, never>; response: PreflightRecord[] };
  getSettings: { request: Record<string, never>; response: Settings };
  setSettings: { request: Partial<Settings>; response: Settings };
}

export type MessageType = keyof Messages;
export type Envelope<T extends MessageType = MessageType> = { type: T; payload: Messages[T]['request'] };

/** What the background tells one tab's content script. */
export interface TabMessages {
  /** The popup sent the admin to this tab for a member: take the pending jump (teamPendingJump) now. */
  teamJumpNow: { request: Record<string, never>; response: void };
}
