/**
 * Shapes of the team messages' replies: what the popup and the options page show (never the token,
 * never a key). The background builds them; extension/messaging/team.ts names the messages.
 */
import type { Role } from '../../shared/api/common';
import type { ModificationView } from '../../shared/api/members';
import type { Bucket, Counters } from '../../shared/domain/urgency';
import type { NewMemberStat } from '../../shared/domain/transfer';
import type { CertStatus, ChinaDate, OrgType } from '../../shared/domain/types';
import type { KeptFinding } from '../../shared/pdf/grouping';
import type { LocalMember, OrgRef } from '../model/member';
import type { PreflightVerdict } from './preflight';

/** What extension pages may see of the connection to the team's worker: never the token, never the key. */
export interface ConnectionView {
  /** The worker's address, e.g. https://sync.example.org. */
  baseUrl: string;
  tokenId: string;
  expiresAt: string;
  role: Role;
  org: { id: string; name: string; type: OrgType };
  tenant: { id: string; name: string; storeNames: boolean };
  /** Who holds the token ("张老师的电脑"): shown in token lists and the audit log. */
  label: string;
  /** When the tenant's hashing key replaced the local one: hashes kept before are the local key's. */
  connectedAt: number;
}

export interface SyncView {
  lastSyncAt: number | null;
  lastError: string | null;
  needsAuth: boolean;
  nextAttemptAt: number | null;
  /** Rows not yet batched, requests not yet acknowledged, requests the worker refused. */
  waiting: { rows: number; requests: number; rejected: number };
  /** Rows held back because their organisation is not (yet) in the team's organisation tree. */
  unplaced: number;
  /** Organisation names those rows name, so the committee knows what to import. */
  unplacedOrgs: string[];
}

export interface TeamStatus {
  connection: ConnectionView | null;
  sync: SyncView;
  /** This extension's origin, to give to whoever configures the worker's ALLOWED_ORIGINS. */
  origin: string;
}

/** A worker-backed answer: the data, or the worker's (or our) Chinese message saying what to do. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string; code?: string };

export interface OrgSummary {
  id: string;
  name: string;
  type: OrgType | null;
  parentId: string | null;
  /** The organisation's own members (without those of organisations below it). */
  own: Counters;
  subtree: Counters;
}

export interface TimelineDay {
  day: ChinaDate;
  count: number;
  /** Of those, counted from 入团时间 because the approval date is unknown. */
  estimated: number;
}

export interface Summary {
  /** Where the numbers come from: the team's worker, or what this browser has seen. */
  source: 'worker' | 'local';
  /** The worker could not be reached: these are the numbers it gave at `fetchedAt`. */
  stale: boolean;
  fetchedAt: number;
  today: ChinaDate;
  org: { id: string; name: string } | null;
  counters: Counters;
  stats: NewMemberStat;
  orgs: OrgSummary[];
  /** Deadlines of the next 30 days (today first), owed members only. */
  timeline: TimelineDay[];
  /** More owed members than were read for the timeline. */
  timelineTruncated: boolean;
  /** Why the worker's numbers are not shown, when they are not. */
  note?: string;
}

/** Which members a number stands for. */
export interface MemberQuery {
  orgId?: string | null;
  /** Only the organisation's own members, not those of organisations below. */
  ownOnly?: boolean;
  /** A shared bucket; `late` = overdue and possibly overdue; `owed` = every bucket with an upload owed. */
  bucket?: Bucket | 'rejected' | 'notUploaded' | 'owed' | 'late';
  /** Members whose last day is this day. */
  day?: ChinaDate;
}

export interface MemberItem {
  key: string;
  orgId: string | null;
  orgName: string;
  /** The clear name when known, else the masked one (张*伟). */
  name: string;
  masked: boolean;
  devNumber: string | null;
  idMasked: string | null;
  joinedOn: ChinaDate | null;
  approvedOn: ChinaDate | null;
  status: CertStatus;
  bucket: Bucket;
  daysLeft: number | null;
  lastDay: ChinaDate | null;
  estimated: boolean;
  rejectionReason: string | null;
  isCadre: boolean;
  /** Whether the member belongs to the connected admin's own organisation (null: not known here). */
  own: boolean | null;
}

export interface MemberList {
  source: 'worker' | 'local';
  members: MemberItem[];
  truncated: boolean;
}

export type SearchBy = 'name' | 'devNumber' | 'idCard';

/** Where the popup sends the admin: the list that shows the member, searched by the host's own form. */
export interface Jump {
  name: string;
  devNumber: string | null;
  orgName: string;
  isCadre: boolean;
  own: boolean | null;
  at: number;
}

export interface RejectedView {
  seq: number;
  label: string;
  status: number;
  message: string;
  rejectedAt: number;
  /** For a sync batch answered row by row: the rows refused, each with its reason. */
  rows?: { label: string; message: string }[];
}

/** A §4.5 request with the member it concerns (as the worker shows it, when in scope). */
export type ModificationItem = ModificationView & { member: MemberItem | null };

/** Which member the 审批 dialog shows, to find the reviewer's newest check of that member's file. */
export interface ReviewLookup {
  name: string;
  devNumber?: string;
  joinedOn?: string;
}

/** The reviewer's check of a file, as the 审批 dialog's checklist reads it back. */
export interface ReviewFindings {
  at: number;
  fileName: string;
  pages: number | null;
  verdict: PreflightVerdict;
  codes: string[];
  page1Number: string | null;
  sealPages?: number[];
  findings?: KeptFinding[];
}

/** A reviewer's 同意 / 不同意 in the host's 审批 dialog, once the host confirmed it. */
export interface ApprovalDecision {
  member: { org: OrgRef; name: string; devNumber?: string; joinedOn?: ChinaDate; idCard?: string };
  decision: 'approve' | 'reject';
  /** 审批意见: required with 不同意 (§3.3.1). */
  reason?: string;
  /** When the host confirmed the decision. */
  at: number;
}

export const BACKUP_FORMAT = 'league-archive-assistant-backup';

/** Everything this browser keeps, as a file: a backup, or the work handed to next year's admin. */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  members: LocalMember[];
  /** Settings, kept notices and preflight records, by their key in the store. */
  kv: Record<string, unknown>;
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  kvAdded: number;
  /** Entries this browser already had (its own are kept). */
  kvKept: number;
}
