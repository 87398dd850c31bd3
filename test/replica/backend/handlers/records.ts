import { PDFDocument } from 'pdf-lib';
import { approverOf, subtreeIds } from '../../data/orgs';
import { auditRequestMessage, feedbackMessage } from '../../messages';
import type { MemberRecord, ReplicaMessage, StoredFile } from '../../model';
import { chinaDateTime } from '../../time';
import { deny, endpoint, file, num, page, refuse, text, type SignedIn } from '../api';
import { archiveState, latestRecord, memberRow, orgById } from '../views';
import { memberInScope } from './members';

/** `maxMemberRecordFileSize: 20 // MB`, read as MiB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const FORM_PAGES = 12;

export const UPLOAD_MESSAGES = {
  type: (ext: string) => `文件类型${ext}不正确`,
  size: '上传文件不能大于20M',
  unreadable: '读取文件内容失败，请检查文件是否符合规范',
  pages: '必须上传12页完整的电子版《入团志愿书》',
  underReview: '团员电子档案审批中,不能重复发起',
  // The two below are the replica's own words: the real ones are not public.
  certified: '该团员已完成团员身份认证，如需变更电子版《入团志愿书》，请提出修改申请（经上级团委审批同意后重新提交）',
  exempt: '2020年以前入团的团员无需上传电子版《入团志愿书》',
  noFile: '请选择要上传的文件',
  mismatch: '团员信息与所选团员不一致，请刷新页面后重试',
} as const;

async function countPages(bytes: Uint8Array): Promise<number | null> {
  try {
    return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  } catch {
    return null;
  }
}

/** 上传档案 / 替换档案: the back end's checks, in the order it makes them. */
const upload = endpoint('csrf', async (ctx) => {
  const { store, input, session } = ctx;
  const state = store.state;
  const m = memberInScope(ctx, text(input, 'userId'));
  if (
    text(input, 'leagueId') !== m.leagueId ||
    text(input, 'name') !== m.name ||
    text(input, 'userCode') !== m.userCode
  )
    refuse(UPLOAD_MESSAGES.mismatch);
  const f = file(input, 'recordfile');
  if (!f || f.size === 0) return refuse(UPLOAD_MESSAGES.noFile);
  const dot = f.name.lastIndexOf('.');
  const ext = dot >= 0 ? f.name.slice(dot) : f.name;
  if (ext.toLowerCase() !== '.pdf') refuse(UPLOAD_MESSAGES.type(ext));
  if (f.size > MAX_FILE_BYTES) refuse(UPLOAD_MESSAGES.size);
  const current = archiveState(m, latestRecord(state, m.userId));
  if (current === 'pending') refuse(UPLOAD_MESSAGES.underReview);
  if (current === 'certified') refuse(UPLOAD_MESSAGES.certified);
  if (current === 'exempt') refuse(UPLOAD_MESSAGES.exempt);
  const bytes = new Uint8Array(await f.arrayBuffer());
  const pages = await countPages(bytes);
  if (pages === null) refuse(UPLOAD_MESSAGES.unreadable);
  if (pages !== FORM_PAGES) refuse(UPLOAD_MESSAGES.pages);

  const now = chinaDateTime(ctx.now);
  const fileId = store.nextId('file', 5_000_000);
  const stored: StoredFile = { fileId, fileName: f.name, size: f.size, pages: pages!, path: `files/${fileId}.pdf` };
  store.writeFile(stored, bytes);
  state.files.push(stored);
  // The uploading organisation is the admin's own (§3.2.1 / §3.2.2), not necessarily the member's.
  const approver = approverOf(state.orgs, session.org.leagueId);
  const record: MemberRecord = {
    recordId: store.nextId('record', 3_000_000),
    userId: m.userId,
    fileId,
    uploaderLeagueId: session.org.leagueId,
    approverLeagueId: approver?.leagueId ?? null,
    status: approver ? 1 : 2,
    createTime: now,
    updateTime: now,
  };
  state.records.push(record);
  if (approver)
    state.messages.push({
      messageId: store.nextId('message', 7_000_000),
      ...auditRequestMessage(m, session.org, approver, record, now),
    });
  store.save();
  return { fileId, fileUrl: `/v1/center/memberRecord/file?fileId=${fileId}`, needsApproval: Boolean(approver) };
});

function recordView(ctx: SignedIn, r: MemberRecord) {
  const state = ctx.store.state;
  const m = state.members.find((x) => x.userId === r.userId)!;
  const f = state.files.find((x) => x.fileId === r.fileId);
  return {
    ...r,
    member: memberRow(state, m),
    uploaderLeagueFullName: orgById(state, r.uploaderLeagueId)?.leagueFullName ?? '',
    fileName: f?.fileName ?? '',
    fileUrl: `/v1/center/memberRecord/file?fileId=${r.fileId}`,
  };
}

/** 下级团员电子档案审批: the records this committee approves. */
const auditList = endpoint('csrf', (ctx) => {
  const own = ctx.session.org.leagueId;
  const status = num(ctx.input, 'status', -1);
  const name = text(ctx.input, 'name');
  const state = ctx.store.state;
  const found = state.records
    .filter((r) => r.approverLeagueId === own && (status === -1 || r.status === status))
    .filter((r) => !name || state.members.find((m) => m.userId === r.userId)?.name.includes(name))
    .sort((a, b) => a.status - b.status || Number(b.recordId) - Number(a.recordId));
  const p = page(found, ctx.input);
  return { ...p, list: p.list.map((r) => recordView(ctx, r)) };
});

function recordFor(ctx: SignedIn, recordId: string): MemberRecord {
  const r = ctx.store.state.records.find((x) => x.recordId === recordId);
  if (!r) return deny('该审批不存在');
  const own = ctx.session.org.leagueId;
  const ids = subtreeIds(ctx.store.state.orgs, own);
  if (r.approverLeagueId !== own && !ids.has(r.uploaderLeagueId)) deny();
  return r;
}

/** The 审批 dialog's content: basic info with the 身份证号 in clear, and the file. */
const recordDetail = endpoint('csrf', (ctx) => {
  const r = recordFor(ctx, text(ctx.input, 'recordId'));
  const m = ctx.store.state.members.find((x) => x.userId === r.userId)!;
  return { ...recordView(ctx, r), identityCardNo: m.identityCardNo };
});

/** 同意 / 不同意 (§3.3.1): auditResult 1 / 0; 不同意 needs a written auditOpinion. */
const audit = endpoint('csrf', (ctx) => {
  const { store, input, session } = ctx;
  const state = store.state;
  const r = recordFor(ctx, text(input, 'recordId'));
  if (r.approverLeagueId !== session.org.leagueId) deny();
  if (r.status !== 1) refuse('该团员电子档案已审批，无需重复审批');
  const result = text(input, 'auditResult');
  if (result !== '0' && result !== '1') refuse('请选择审批结果');
  const opinion = text(input, 'auditOpinion');
  if (result === '0' && !opinion) refuse('请填写审批意见');
  const now = chinaDateTime(ctx.now);
  Object.assign(r, { status: result === '1' ? 2 : 3, auditResult: Number(result), auditTime: now, updateTime: now });
  if (opinion) r.auditOpinion = opinion.slice(0, 500);
  for (const msg of state.messages) {
    if (msg.businessId === r.recordId && msg.messageType === 11)
      Object.assign(msg, { handleStatus: 3, readStatus: 1, handleTime: now } satisfies Partial<ReplicaMessage>);
  }
  const m = state.members.find((x) => x.userId === r.userId)!;
  const uploader = orgById(state, r.uploaderLeagueId)!;
  state.messages.push({
    messageId: store.nextId('message', 7_000_000),
    ...feedbackMessage(m, session.org, uploader, r, now),
  });
  store.save();
  return { recordId: r.recordId, status: r.status };
});

/** GET …/memberRecord/file?fileId=…[&download=1]: the approver, the uploader and the orgs above the member may read it. */
export function fileInScope(ctx: SignedIn, fileId: string): StoredFile {
  const state = ctx.store.state;
  const f = state.files.find((x) => x.fileId === fileId);
  const r = state.records.find((x) => x.fileId === fileId);
  if (!f || !r) return deny('文件不存在');
  recordFor(ctx, r.recordId);
  return f;
}

export const recordEndpoints = {
  'memberRecord/upload': upload,
  'memberRecord/auditList': auditList,
  'memberRecord/detail': recordDetail,
  'memberRecord/audit': audit,
};
