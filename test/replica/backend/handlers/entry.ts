import ExcelJS from 'exceljs';
import { isValidIdCard, normaliseIdCard } from '../../../../shared/domain/idCard';
import { isChinaDate } from '../../../../shared/domain/chinaDate';
import type { ReplicaMember, ReplicaState, Sex } from '../../model';
import { subtreeIds } from '../../data/orgs';
import { chinaDateTime, toChinaDate } from '../../time';
import { deny, endpoint, file, refuse, text, type SignedIn } from '../api';

/** The front end's 发展团员编号 checks, with its own messages (docs/host.md). */
export const ENTRY_MESSAGES = {
  devNumberRequired: '2017年以后发展的团员,发展团员编号必填',
  devNumberFormat: '发展团员编号格式错误',
  devNumberYear: '发展团员编号前四位必须与入团年份相同',
  devNumberTaken: '发展团员编号已被占用',
  // The replica's own words below.
  nameRequired: '请输入姓名',
  idCardInvalid: '身份证号格式错误',
  idCardTaken: '该身份证号已录入系统',
  joinDateInvalid: '请选择入团时间',
  joinDateFuture: '入团时间不能晚于今天',
  tooYoung: '入团年龄不符合规定',
} as const;

export interface NewMemberFields {
  name: string;
  sex: string;
  nation: string;
  identityCardNo: string;
  mobile: string;
  joinLeagueTime: string;
  userCode: string;
}

/** The first problem with a new member, or null. */
export function checkNewMember(state: ReplicaState, f: NewMemberFields, today: string): string | null {
  if (!f.name) return ENTRY_MESSAGES.nameRequired;
  const id = normaliseIdCard(f.identityCardNo);
  if (!isValidIdCard(id)) return ENTRY_MESSAGES.idCardInvalid;
  if (state.members.some((m) => m.identityCardNo === id)) return ENTRY_MESSAGES.idCardTaken;
  if (!isChinaDate(f.joinLeagueTime)) return ENTRY_MESSAGES.joinDateInvalid;
  if (f.joinLeagueTime > today) return ENTRY_MESSAGES.joinDateFuture;
  const year = Number(f.joinLeagueTime.slice(0, 4));
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const minAge = year >= 2017 ? 13 : 12;
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const birthdayPassed = f.joinLeagueTime.slice(5) >= `${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}`;
  if (year - by - (birthdayPassed ? 0 : 1) < minAge) return ENTRY_MESSAGES.tooYoung;
  const code = f.userCode;
  if (year >= 2017 && !code) return ENTRY_MESSAGES.devNumberRequired;
  if (code) {
    if (!/^\d{12}$/.test(code)) return ENTRY_MESSAGES.devNumberFormat;
    if (year >= 2019 && code.slice(0, 4) !== String(year)) return ENTRY_MESSAGES.devNumberYear;
    if (year < 2019 && year >= 2017 && !/^201[78]/.test(code)) return ENTRY_MESSAGES.devNumberFormat;
    if (state.members.some((m) => m.userCode === code)) return ENTRY_MESSAGES.devNumberTaken;
  }
  return null;
}

function addMember(ctx: SignedIn, f: NewMemberFields, leagueId: string): ReplicaMember {
  const state = ctx.store.state;
  const m: ReplicaMember = {
    userId: ctx.store.nextId('user', 2_000_000),
    name: f.name,
    sex: (f.sex === '女'
      ? '女'
      : f.sex === '男'
        ? '男'
        : Number(normaliseIdCard(f.identityCardNo)[16]) % 2
          ? '男'
          : '女') as Sex,
    nation: f.nation || '汉族',
    identityCardNo: normaliseIdCard(f.identityCardNo),
    mobile: f.mobile,
    userCode: f.userCode,
    joinLeagueTime: f.joinLeagueTime as ReplicaMember['joinLeagueTime'],
    leagueId,
    isCadre: false,
    createTime: chinaDateTime(ctx.now),
  };
  state.members.push(m);
  return m;
}

function targetOrg(ctx: SignedIn): string {
  const leagueId = text(ctx.input, 'leagueId') || ctx.session.org.leagueId;
  if (!subtreeIds(ctx.store.state.orgs, ctx.session.org.leagueId).has(leagueId)) deny();
  return leagueId;
}

const fieldsFrom = (get: (name: keyof NewMemberFields) => string): NewMemberFields => ({
  name: get('name'),
  sex: get('sex'),
  nation: get('nation'),
  identityCardNo: get('identityCardNo'),
  mobile: get('mobile'),
  joinLeagueTime: get('joinLeagueTime'),
  userCode: get('userCode'),
});

/** 团员录入, one member. */
const add = endpoint('csrf', (ctx) => {
  const leagueId = targetOrg(ctx);
  const f = fieldsFrom((n) => text(ctx.input, n));
  const problem = checkNewMember(ctx.store.state, f, toChinaDate(ctx.now));
  if (problem) refuse(problem);
  const m = addMember(ctx, f, leagueId);
  ctx.store.save();
  return { userId: m.userId, needsArchive: m.joinLeagueTime >= '2020-01-01' };
});

/** The spreadsheet template's columns, in order. */
export const TEMPLATE_COLUMNS: readonly (readonly [keyof NewMemberFields, string])[] = [
  ['name', '姓名'],
  ['sex', '性别'],
  ['nation', '民族'],
  ['identityCardNo', '身份证号'],
  ['mobile', '手机号码'],
  ['joinLeagueTime', '入团时间'],
  ['userCode', '发展团员编号'],
];

export async function importTemplate(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('团员信息');
  ws.addRow(TEMPLATE_COLUMNS.map(([, label]) => label));
  ws.addRow([
    '示例（导入前删除此行）',
    '男',
    '汉族',
    '110105200801010011',
    '13800000000',
    '2024-05-20',
    '202411000001',
  ]);
  ws.columns.forEach((c) => (c.width = 18));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
}

/** 批量导入: every valid row is entered; the answer says how many joined in 2020 or later (§5.1). */
const batchImport = endpoint('csrf', async (ctx) => {
  const leagueId = targetOrg(ctx);
  const f = file(ctx.input, 'file');
  if (!f) return refuse('请选择要导入的文件');
  if (!/\.xlsx$/i.test(f.name)) refuse('请使用下载的模板（.xlsx）导入');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await f.arrayBuffer()) as ArrayBuffer);
  } catch {
    refuse('读取文件内容失败，请检查文件是否符合规范');
  }
  const ws = wb.worksheets[0];
  if (!ws) return refuse('文件中没有工作表');
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
  const colOf = new Map(TEMPLATE_COLUMNS.map(([key, label]) => [key, header.indexOf(label)]));
  if ([...colOf.values()].some((i) => i < 0)) refuse('模板格式不正确，请下载最新模板');
  const failures: { row: number; name: string; message: string }[] = [];
  let successCount = 0;
  let newMemberCount = 0;
  const today = toChinaDate(ctx.now);
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const fields = fieldsFrom((n) => cellText(row.getCell(colOf.get(n)!).value));
    if (!fields.name && !fields.identityCardNo) continue;
    const problem = checkNewMember(ctx.store.state, fields, today);
    if (problem) {
      failures.push({ row: r, name: fields.name, message: problem });
      continue;
    }
    const m = addMember(ctx, fields, leagueId);
    successCount++;
    if (m.joinLeagueTime >= '2020-01-01') newMemberCount++;
  }
  ctx.store.save();
  return { successCount, failures, newMemberCount };
});

export const entryEndpoints = { 'tuanyuan/add': add, 'tuanyuan/import': batchImport };
