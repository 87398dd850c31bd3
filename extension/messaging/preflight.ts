/** Shapes of the preflight messages: what the upload gate and the reviewer's check report, and what is kept. */
import type { ChinaDate } from '../../shared/domain/types';
import type { KeptFinding } from '../../shared/pdf/grouping';
import type { OrgRef } from '../model/member';

export type PreflightVerdict = 'pass' | 'warn' | 'fail';
/** Where the check ran: the admin's upload, or a reviewer's look at the file the host shows. */
export type PreflightContext = 'upload' | 'review';
/** What happened to the file: let go to the host, held, sent anyway (仍要上传), or only looked at. */
export type PreflightDecision = 'released' | 'held' | 'override' | 'reviewed';

export interface PreflightSummary {
  fileName: string;
  sha256: string;
  bytes: number;
  pages: number | null;
  verdict: PreflightVerdict;
  codes: string[];
  page1Number: string | null;
  /** Pages where a round red seal was seen; empty when none was, or when no page's pixels could be looked at. Absent in records kept before it was. */
  sealPages?: number[];
  /** Each finding once with its pages, worst first (shared/pdf/grouping.ts); kept here only, never synced. Absent in older records. */
  findings?: KeptFinding[];
  /** The fix that made this file, when it was made by one (compress, straighten …). */
  fix?: string;
  /** The form's content was read (issue 14): its findings are among `codes` and `findings`. */
  contentRead?: boolean;
}

export interface PreflightMemberRef {
  org: OrgRef;
  name: string;
  devNumber?: string;
  joinedOn?: ChinaDate;
}

export interface RecordPreflightRequest {
  member: PreflightMemberRef | null;
  result: PreflightSummary;
  context: PreflightContext;
  decision: PreflightDecision;
  /** Required with `override`: why the admin sent a file the check would hold. */
  reason?: string;
}

export interface PreflightRecord extends PreflightSummary {
  at: number;
  memberKey: string | null;
  member: PreflightMemberRef | null;
  context: PreflightContext;
  decision: PreflightDecision;
  reason?: string;
}
