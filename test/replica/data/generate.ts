import { addDays, chinaToday, daysBetween } from '../../../shared/domain/chinaDate';
import type { ChinaDate } from '../../../shared/domain/types';
import type { MemberRecord, ReplicaMember, ReplicaMessage, ReplicaState, ReplicaTransfer, StoredFile } from '../model';
import { feedbackMessage, auditRequestMessage } from '../messages';
import { dateTimeOn } from '../time';
import { DEFAULT_VARIANT, normaliseVariant, type Variant } from '../variant';
import { DEV_NUMBER_DEFECTS, devNumber, spoilDevNumber, type DevNumberDefect } from './devNumbers';
import { birthDateFor, makeIdCard } from './idCards';
import { chineseName, mobile, nation } from './names';
import { approverOf, buildAccounts, buildOrgs, COMMITTEE_ID, GRADE_BRANCH_ID, MAIN_BRANCH_ID } from './orgs';
import { createRng, type Rng } from './prng';

/** The archive states a generated member can be in (the host shows them through its records). */
export type GeneratedStatus = 'exempt' | 'notUploaded' | 'pending' | 'rejected' | 'certified';

export interface GenerateOptions {
  seed?: number;
  /** Members of the main 团支部 (the `tzb` account's); up to 5,000. */
  size?: number;
  /** Share of 2017+ members whose 发展团员编号 is defective. */
  defectRate?: number;
  defectKinds?: readonly DevNumberDefect[];
  today?: ChinaDate;
  variant?: Partial<Variant>;
}

export interface Generated {
  state: ReplicaState;
  /** What the generator made of each member, for tests that check the data itself. */
  truth: Map<string, { status: GeneratedStatus; defect?: DevNumberDefect }>;
}

export const MAX_SIZE = 5000;
const ARCHIVE_FROM: ChinaDate = '2020-01-01' as ChinaDate;
const FIRST_JOIN: ChinaDate = '2018-01-01' as ChinaDate;

export const REJECTION_REASONS = [
  '《入团志愿书》缺少第11、12页，请补齐后重新上传',
  '第5页介绍人意见缺少介绍人签名',
  '扫描件模糊不清，请逐页重新扫描',
  '发展团员编号与《入团志愿书》首页编号不一致',
  '上级团委审批意见处未加盖公章',
];

/** A seeded organisation with members in every state the guide names. */
export function generateReplicaData(opts: GenerateOptions = {}): Generated {
  const seed = opts.seed ?? 20200101;
  const size = Math.max(0, Math.min(MAX_SIZE, Math.floor(opts.size ?? 48)));
  const today = opts.today ?? chinaToday();
  const defectRate = opts.defectRate ?? 0.06;
  const rng = createRng(seed);
  const orgs = buildOrgs();
  const truth: Generated['truth'] = new Map();
  const state: ReplicaState = {
    version: 1,
    seed,
    generatedOn: today,
    variant: normaliseVariant({ ...DEFAULT_VARIANT, ...opts.variant }),
    orgs,
    accounts: buildAccounts(),
    members: [],
    records: [],
    files: [],
    messages: [],
    transfers: [],
    sessions: {},
    counters: { user: 1, record: 1, file: 1, message: 1, transfer: 1 },
  };

  const plan: { leagueId: string; count: number; cadre?: boolean }[] = [
    { leagueId: MAIN_BRANCH_ID, count: size },
    { leagueId: COMMITTEE_ID, count: 5, cadre: true },
    { leagueId: GRADE_BRANCH_ID, count: 2, cadre: true },
    ...orgs
      .filter(
        (o) =>
          o.leagueId !== MAIN_BRANCH_ID &&
          (o.leagueType === '01TZB' || o.leagueType === '06BYBTZB' || o.leagueType === '00DJZTZB'),
      )
      .map((o) => ({ leagueId: o.leagueId, count: rng.int(8, 16) })),
  ];
  for (const { leagueId, count, cadre } of plan) {
    for (let i = 0; i < count; i++) state.members.push(newMember(rng, state, leagueId, today, Boolean(cadre), i));
  }
  applyDevNumberDefects(rng, state.members, defectRate, opts.defectKinds ?? DEV_NUMBER_DEFECTS, truth);
  const seenPerOrg = new Map<string, number>();
  for (const m of state.members) {
    const seen = seenPerOrg.get(m.leagueId) ?? 0;
    if (m.joinLeagueTime >= ARCHIVE_FROM) seenPerOrg.set(m.leagueId, seen + 1);
    const status = chooseStatus(rng, m, today, state, seen);
    const t = truth.get(m.userId);
    truth.set(m.userId, { ...t, status });
    makeArchiveHistory(rng, state, m, status, today);
  }
  makeTransfers(rng, state, today);
  return { state, truth };
}

const CADRE_POSTS = ['书记', '副书记', '组织委员', '宣传委员', '文体委员'];

function newMember(
  rng: Rng,
  state: ReplicaState,
  leagueId: string,
  today: ChinaDate,
  isCadre: boolean,
  index: number,
): ReplicaMember {
  const sex = rng.chance(0.5) ? '男' : '女';
  const joinLeagueTime = joinDate(rng, today, index);
  const id = state.counters.user++;
  const year = Number(joinLeagueTime.slice(0, 4));
  return {
    userId: String(2_000_000 + id),
    name: chineseName(rng, sex),
    sex,
    nation: nation(rng),
    identityCardNo: makeIdCard(rng, birthDateFor(rng, joinLeagueTime), sex),
    mobile: mobile(rng),
    userCode: devNumber(year, 100_000 + id),
    joinLeagueTime,
    leagueId,
    isCadre,
    ...(isCadre ? { cadrePost: CADRE_POSTS[index % CADRE_POSTS.length] } : {}),
    createTime: dateTimeOn(
      minDate(addDays(joinLeagueTime, rng.int(1, 20)), today),
      rng.int(8, 21),
      rng.int(0, 59),
      rng.int(0, 59),
    ),
  };
}

/** 入团时间 from 2018 to today; a third within the last 45 days, so every deadline bucket shows up. */
function joinDate(rng: Rng, today: ChinaDate, index: number): ChinaDate {
  const recentDays = 45;
  if (index % 3 === 1 || rng.chance(0.1)) return addDays(today, -rng.int(0, recentDays));
  const span = Math.max(1, daysBetween(FIRST_JOIN, addDays(today, -recentDays)));
  return addDays(FIRST_JOIN, rng.int(0, span));
}

function minDate(a: ChinaDate, b: ChinaDate): ChinaDate {
  return a < b ? a : b;
}

function applyDevNumberDefects(
  rng: Rng,
  members: ReplicaMember[],
  rate: number,
  kinds: readonly DevNumberDefect[],
  truth: Generated['truth'],
): void {
  if (rate <= 0 || kinds.length === 0) return;
  const issued: string[] = [];
  for (const m of members) {
    if (rng.chance(rate)) {
      const defect = kinds[rng.int(0, kinds.length - 1)]!;
      const spoiled = spoilDevNumber(rng, m.userCode, defect, issued);
      if (spoiled !== null) {
        m.userCode = spoiled;
        truth.set(m.userId, { status: 'exempt', defect });
      }
    }
    issued.push(m.userCode);
  }
}

/** The first members of a list cover every state; the rest follow a mix by how recently they joined. */
function chooseStatus(
  rng: Rng,
  m: ReplicaMember,
  today: ChinaDate,
  state: ReplicaState,
  seen: number,
): GeneratedStatus {
  if (m.joinLeagueTime < ARCHIVE_FROM) return 'exempt';
  const needsApproval = approverOf(state.orgs, m.leagueId) !== null;
  const cycle: GeneratedStatus[] = needsApproval
    ? ['notUploaded', 'pending', 'rejected', 'certified']
    : ['notUploaded', 'certified'];
  if (seen < cycle.length) return cycle[seen]!;
  const recent = daysBetween(m.joinLeagueTime, today) <= 45;
  const r = rng.next();
  let status: GeneratedStatus = recent
    ? r < 0.55
      ? 'notUploaded'
      : r < 0.85
        ? 'pending'
        : r < 0.95
          ? 'rejected'
          : 'certified'
    : r < 0.7
      ? 'certified'
      : r < 0.82
        ? 'notUploaded'
        : r < 0.9
          ? 'pending'
          : 'rejected';
  if (!needsApproval && (status === 'pending' || status === 'rejected')) status = 'certified';
  return status;
}

function makeArchiveHistory(
  rng: Rng,
  state: ReplicaState,
  m: ReplicaMember,
  status: GeneratedStatus,
  today: ChinaDate,
): void {
  if (status === 'exempt' || status === 'notUploaded') return;
  const uploader = state.orgs.find((o) => o.leagueId === m.leagueId)!;
  const approver = approverOf(state.orgs, uploader.leagueId);
  const uploadedOn = minDate(addDays(m.joinLeagueTime, rng.int(3, 28)), today);
  const createTime = dateTimeOn(uploadedOn, rng.int(8, 21), rng.int(0, 59), rng.int(0, 59));
  const file = addGeneratedFile(state, m);
  const record: MemberRecord = {
    recordId: String(3_000_000 + state.counters.record++),
    userId: m.userId,
    fileId: file.fileId,
    uploaderLeagueId: uploader.leagueId,
    approverLeagueId: approver?.leagueId ?? null,
    status: status === 'pending' ? 1 : status === 'certified' ? 2 : 3,
    createTime,
    updateTime: createTime,
  };
  state.records.push(record);
  if (!approver) return;
  const auditMsg = pushMessage(state, auditRequestMessage(m, uploader, approver, record, createTime));
  if (status === 'pending') {
    auditMsg.readStatus = rng.chance(0.4) ? 1 : 0;
    return;
  }
  const auditTime = dateTimeOn(
    minDate(addDays(uploadedOn, rng.int(0, 6)), today),
    rng.int(8, 21),
    rng.int(0, 59),
    rng.int(0, 59),
  );
  const auditTimeFixed = auditTime < createTime ? createTime : auditTime;
  record.auditResult = status === 'certified' ? 1 : 0;
  if (status === 'rejected') record.auditOpinion = rng.pick(REJECTION_REASONS);
  record.auditTime = auditTimeFixed;
  record.updateTime = auditTimeFixed;
  Object.assign(auditMsg, { readStatus: 1, handleStatus: 3, handleTime: auditTimeFixed });
  const feedback = pushMessage(state, feedbackMessage(m, approver, uploader, record, auditTimeFixed));
  feedback.readStatus = status === 'certified' || rng.chance(0.5) ? 1 : 0;
}

function addGeneratedFile(state: ReplicaState, m: ReplicaMember): StoredFile {
  const fileId = String(5_000_000 + state.counters.file++);
  // Written on first view by the server: a reset of 5,000 members stays quick and small.
  const file: StoredFile = {
    fileId,
    fileName: `${m.name}-入团志愿书.pdf`,
    size: 0,
    pages: 12,
    path: `files/${fileId}.pdf`,
  };
  state.files.push(file);
  return file;
}

function pushMessage(state: ReplicaState, msg: Omit<ReplicaMessage, 'messageId'>): ReplicaMessage {
  const full = { messageId: String(7_000_000 + state.counters.message++), ...msg };
  state.messages.push(full);
  return full;
}

function makeTransfers(rng: Rng, state: ReplicaState, today: ChinaDate): void {
  const graduating = state.members.filter(
    (m) => state.orgs.find((o) => o.leagueId === m.leagueId)?.leagueType === '06BYBTZB',
  );
  const certifiedOrOld = graduating.filter(
    (m) => m.joinLeagueTime < ARCHIVE_FROM || state.records.some((r) => r.userId === m.userId && r.status === 2),
  );
  for (const [i, m] of certifiedOrOld.slice(0, 2).entries()) {
    const applyOn = addDays(today, -rng.int(3, 20));
    const t: ReplicaTransfer = {
      transferId: String(8_000_000 + state.counters.transfer++),
      userId: m.userId,
      name: m.name,
      fromLeagueId: m.leagueId,
      toLeagueName: rng.pick(['共青团演示大学委员会', '共青团演示理工学院委员会', '共青团演示职业技术学院委员会']),
      reason: '升学',
      applyTime: dateTimeOn(applyOn, 10, rng.int(0, 59)),
      status: i === 0 ? '已完成' : '审批中',
      ...(i === 0 ? { finishTime: dateTimeOn(addDays(applyOn, 2), 16, rng.int(0, 59)) } : {}),
    };
    state.transfers.push(t);
  }
}
