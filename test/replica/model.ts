/**
 * The replica's state: what 智慧团建's back end keeps, as far as docs/host.md tells. Field names
 * follow the host's own (`userCode` = 发展团员编号, `joinLeagueTime` = 入团时间, `t_memberRecord`
 * fields) so the API answers look like the real one's.
 */
import type { ChinaDate, OrgType } from '../../shared/domain/types';
import type { Variant } from './variant';

export interface ReplicaOrg {
  leagueId: string;
  leagueName: string;
  /** The full name as the host shows it in 所在团组织 (upper organisations first). */
  leagueFullName: string;
  leagueType: OrgType;
  parentId: string | null;
}

export interface ReplicaAccount {
  /** Login name on the replica's sign-in page. */
  username: string;
  password: string;
  /** The admin's own name, shown in the header. */
  displayName: string;
  leagueId: string;
  /** What the account is for, shown on the sign-in page. */
  role: string;
}

export type Sex = '男' | '女';

export interface ReplicaMember {
  userId: string;
  name: string;
  sex: Sex;
  nation: string;
  /** Kept in clear on the host; the extension must never store or send it in clear. */
  identityCardNo: string;
  mobile: string;
  /** 发展团员编号; may be empty or defective, as on the real site. */
  userCode: string;
  joinLeagueTime: ChinaDate;
  leagueId: string;
  /** 团干部 of its organisation: listed in 本级团干部电子数据库 instead of 团员电子数据库. */
  isCadre: boolean;
  cadrePost?: string;
  createTime: string;
}

/** t_memberRecord.status: 1 进行中 (under review), 2 已完成 (certified), 3 已终止 (rejected or ended). */
export type RecordStatus = 1 | 2 | 3;

export interface MemberRecord {
  recordId: string;
  userId: string;
  fileId: string;
  /** The organisation whose admin uploaded. */
  uploaderLeagueId: string;
  /** The organisation that must approve; null when the upload needed no approval (§3.2.2). */
  approverLeagueId: string | null;
  status: RecordStatus;
  auditResult?: 0 | 1;
  auditOpinion?: string;
  auditTime?: string;
  createTime: string;
  updateTime: string;
}

export interface StoredFile {
  fileId: string;
  fileName: string;
  size: number;
  pages: number;
  /** Relative to the data directory. */
  path: string;
}

/** messageType codes of 操作中心 (-1 = 所有类型). The real codes are not public. */
export const MESSAGE_TYPES = {
  transfer: 3,
  recordAudit: 11,
  recordFeedback: 12,
} as const;
export type MessageType = (typeof MESSAGE_TYPES)[keyof typeof MESSAGE_TYPES];

export interface ReplicaMessage {
  messageId: string;
  /** The organisation whose admins see it. */
  toLeagueId: string;
  messageType: MessageType;
  messageTitle: string;
  messageContent: string;
  senderName: string;
  senderLeagueFullName: string;
  /** 0 个人, 1 组织, -1 系统 */
  senderType: 0 | 1 | -1;
  /** 0 未读, 1 已读 */
  readStatus: 0 | 1;
  /** 0 未处理, 2 不需要处理, 3 已处理 */
  handleStatus: 0 | 2 | 3;
  createTime: string;
  handleTime?: string;
  /** recordId for archive items, transferId for transfers. */
  businessId: string;
}

export interface ReplicaTransfer {
  transferId: string;
  userId: string;
  name: string;
  fromLeagueId: string;
  toLeagueName: string;
  reason: string;
  applyTime: string;
  finishTime?: string;
  /** 处理状态 */
  status: '审批中' | '已完成' | '已退回';
}

export interface ReplicaSession {
  username: string;
  csrfToken: string;
  createdAt: string;
}

export interface ReplicaState {
  version: 1;
  seed: number;
  /** The China date the data was generated for: dates are spread relative to it. */
  generatedOn: ChinaDate;
  variant: Variant;
  orgs: ReplicaOrg[];
  accounts: ReplicaAccount[];
  members: ReplicaMember[];
  records: MemberRecord[];
  files: StoredFile[];
  messages: ReplicaMessage[];
  transfers: ReplicaTransfer[];
  sessions: Record<string, ReplicaSession>;
  /** Next number for each kind of id. */
  counters: Record<'user' | 'record' | 'file' | 'message' | 'transfer', number>;
}
