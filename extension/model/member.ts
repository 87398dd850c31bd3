import type { CertStatus, ChinaDate, OrgType } from '../../shared/domain/types';

/**
 * How the extension names an organisation it saw on a host page: by the host's `leagueId` when the
 * page shows it, else by its full name path (or its name alone when that is all the page shows).
 */
export interface OrgRef {
  name: string;
  leagueId?: string;
  path?: string[];
  type?: OrgType;
}

export function orgKey(org: OrgRef): string {
  if (org.leagueId) return `L:${org.leagueId}`;
  return `P:${(org.path?.length ? org.path : [org.name]).map((s) => s.trim()).join('/')}`;
}

/** What one row of a host list says about a member, as the content script read it. */
export interface RowObservation {
  org: OrgRef;
  hostId?: string;
  name: string;
  devNumber?: string;
  joinedOn?: ChinaDate;
  status?: CertStatus;
  rejectionReason?: string | null;
  graduating?: boolean;
  isCadre?: boolean;
  /**
   * The clear 身份证号 when the page shows it — in transit to the background only, which masks
   * and keyed-hashes it at once and never stores or forwards it.
   */
  idCard?: string;
}

/** The fields kept per member, each with the time it was last observed. */
export interface MemberFields {
  hostId: string;
  name: string;
  devNumber: string;
  joinedOn: ChinaDate;
  status: CertStatus;
  rejectionReason: string | null;
  graduating: boolean;
  isCadre: boolean;
  idMasked: string;
  idHash: string;
  /** The upper committee's approval date, recorded by the admin: starts the 30-day clock. */
  approvedOn: ChinaDate | null;
  /** The 发展团员编号 read from the first page of the last checked file. */
  page1Number: string | null;
}

export interface LocalMember {
  key: string;
  orgKey: string;
  org: OrgRef;
  values: Partial<MemberFields>;
  at: Partial<Record<keyof MemberFields, number>>;
  firstSeenAt: number;
  lastSeenAt: number;
}
