/**
 * The reviewer's §4.2 checklist and the 不同意 reasons it yields: pure, from the member's basic
 * info as the 审批 dialog shows it and the reviewer's check of the PDF (its finding codes). The
 * name, 入团时间, dates and entries come from the form's content when it was read (issue 14);
 * what was not read surely stays for the reviewer. Reasons open with the reviewers' own phrases.
 */
import { checkDevNumber } from '../../shared/domain/devNumber';
import type { ChinaDate } from '../../shared/domain/types';
import type { ReviewerPhrase } from '../../shared/domain/approval';
import { findingLabel, type KeptFinding } from '../../shared/pdf/grouping';

export type ItemId = 'name' | 'devNumber' | 'joinedOn' | 'seal' | 'pages' | 'clarity' | 'dates' | 'filled';
/** ok / problem: the check saw it; unknown: for the reviewer's eyes. */
export type ItemState = 'ok' | 'problem' | 'unknown';

export interface Basics {
  name: string;
  devNumber: string | null;
  joinedOn: ChinaDate | null;
}

/** What the reviewer's check kept of the file (extension/background/preflight.ts's record). */
export interface CheckResult {
  pages: number | null;
  verdict: 'pass' | 'warn' | 'fail';
  codes: string[];
  page1Number: string | null;
  /** Pages where the check saw a seal (absent in older records: then no finding means one was seen). */
  sealPages?: number[];
  /** Each finding with its pages, worst first (absent in older records: then the codes alone are named). */
  findings?: KeptFinding[];
  /** The form's content was read: its findings are among the codes and findings. */
  contentRead?: boolean;
}

export interface ChecklistItem {
  id: ItemId;
  label: string;
  /** The system's value, or what the check found. */
  detail: string;
  auto: ItemState;
  /** The reason for 不同意 when the item is a problem (editable once placed in the host's box). */
  reason: string;
}

export const FORM_PAGES = 12;

const PAGE_CODES = ['page-count', 'duplicate-page', 'blank-page', 'unchecked-pages'];
const CLARITY_CODES = [
  'blurry-page',
  'stained-page',
  'low-resolution',
  'not-scanned',
  'huge-image',
  'background-border',
  'shadow',
  'orientation',
  'skew',
];
const UNREADABLE = ['empty', 'not-pdf', 'corrupt', 'encrypted'];

/** The seal item's state and what it says. */
function sealState(
  check: CheckResult | null,
  unreadable: boolean,
  noSeal: boolean,
): { detail: string; auto: ItemState } {
  if (!check) return { detail: '待检查', auto: 'unknown' };
  if (unreadable) return { detail: '文件无法读取', auto: 'problem' };
  if (noSeal) return { detail: '未找到红色圆形公章', auto: 'problem' };
  if (!check.sealPages) return { detail: '找到公章', auto: 'ok' };
  // No finding and no seal seen: no page could be looked at (typed pages, broken images).
  if (check.sealPages.length === 0) return { detail: '没有可检查的扫描页面，请人工核对', auto: 'unknown' };
  return { detail: `第 ${check.sealPages.join('、')} 页找到公章`, auto: 'ok' };
}

/** A reason opening with the reviewers' phrase: “时间顺序不一致：…”. */
const says = (phrase: ReviewerPhrase, detail: string) => `${phrase}：${detail}`;

/**
 * An item the form's content decides: problem on a sure finding, for the reviewer on an unsure one
 * or when anything could not be read, ok when the content was read and nothing was found.
 */
function fromContent(check: CheckResult | null, codes: readonly string[]): { detail: string; auto: ItemState } {
  if (!check?.contentRead) return { detail: '请人工核对', auto: 'unknown' };
  const found = (check.findings ?? []).filter((f) => codes.includes(f.code) && f.severity !== 'info');
  if (found.some((f) => f.severity === 'fail')) return { detail: found.map(findingLabel).join('、'), auto: 'problem' };
  if (found.length) return { detail: `${found.map(findingLabel).join('、')}（未能确定，请人工核对）`, auto: 'unknown' };
  if (check.codes.includes('content-unreadable')) return { detail: '部分内容未能读出，请人工核对', auto: 'unknown' };
  return { detail: '与表上所写一致', auto: 'ok' };
}

/** The 不同意 reason for what was left blank or unsigned: the reviewers' phrases the findings carry. */
function filledReason(check: CheckResult | null): string {
  const found = (check?.findings ?? []).filter((f) => ['blank-field', 'course-hours', 'unsigned'].includes(f.code));
  const phrases = [...new Set(found.flatMap((f) => (f.phrase ? [f.phrase] : [])))];
  const unsigned = found.filter((f) => f.code === 'unsigned');
  const parts = [
    ...phrases,
    ...(unsigned.length ? [`第 ${[...new Set(unsigned.flatMap((f) => f.pages))].join('、')} 页签名不全`] : []),
  ];
  return parts.length
    ? `${parts.join('；')}：请补填、补签后重新扫描上传。`
    : says('基本信息未填写完整', '请补填后重新扫描上传。');
}

export function checklist(b: Basics, check: CheckResult | null): ChecklistItem[] {
  const has = (c: string) => !!check?.codes.includes(c);
  const unreadable = !!check && UNREADABLE.some(has);
  const seen = (problem: boolean): ItemState =>
    !check || unreadable ? (unreadable ? 'problem' : 'unknown') : problem ? 'problem' : 'ok';

  const formatFindings =
    b.devNumber && b.joinedOn ? checkDevNumber(b.devNumber, b.joinedOn).filter((f) => f.severity === 'error') : [];
  let devAuto: ItemState = 'unknown';
  let devDetail = `系统内：${b.devNumber || '（空）'}`;
  if (check && has('number-mismatch') && check.page1Number) {
    devAuto = 'problem';
    devDetail += `；首页：${check.page1Number}`;
  } else if (check?.page1Number && b.devNumber && check.page1Number === b.devNumber.replace(/\s/g, '')) {
    devAuto = 'ok';
    devDetail += '；首页编号一致';
  } else if (check && has('number-unreadable')) {
    devDetail += '；首页编号未能识别，请人工核对';
  }
  if (formatFindings.length) {
    devAuto = 'problem';
    devDetail += `；${formatFindings[0]!.message}`;
  }

  const pageProblem = PAGE_CODES.some(has) || (check?.pages != null && check.pages !== FORM_PAGES);
  const clarityProblem = CLARITY_CODES.some(has);
  return [
    {
      id: 'name',
      label: '姓名与系统一致',
      ...withSystem(`系统内：${b.name}`, fromContent(check, ['name-mismatch'])),
      reason: `《入团志愿书》上的姓名与系统内姓名（${b.name}）不一致，请核对后重新上传。`,
    },
    {
      id: 'devNumber',
      label: '发展团员编号与首页一致（§5.8）',
      detail: devDetail,
      auto: devAuto,
      reason:
        devAuto === 'problem' && check?.page1Number && has('number-mismatch')
          ? `《入团志愿书》首页的发展团员编号（${check.page1Number}）与系统内编号（${b.devNumber}）不一致，请核对后修改系统内编号或上传本人的《入团志愿书》（§5.8）。`
          : `发展团员编号有误${formatFindings[0] ? `：${formatFindings[0].message}` : ''}，请核对《入团志愿书》首页编号并修改后重新上传（§5.8）。`,
    },
    {
      id: 'joinedOn',
      label: '入团时间与系统一致',
      ...withSystem(`系统内：${b.joinedOn ?? '（空）'}`, fromContent(check, ['joined-mismatch'])),
      reason: says(
        '入团时间与支部大会通过时间不一致',
        `《入团志愿书》中支部大会通过的日期与系统内入团时间（${b.joinedOn ?? '空'}）不一致，请核对。`,
      ),
    },
    {
      id: 'seal',
      label: '已加盖公章（§4.2）',
      ...sealState(check, unreadable, has('no-seal')),
      reason: says(
        '上级团委审批意见未盖章',
        '《入团志愿书》未见上级团委审批公章，请盖章后彩色扫描、重新上传（§4.2）。',
      ),
    },
    {
      id: 'pages',
      label: `${FORM_PAGES} 页完整，无缺页、错页（§4.1）`,
      detail: !check
        ? '待检查'
        : unreadable
          ? '文件无法读取'
          : `共 ${check.pages ?? '?'} 页${describePages(check, has)}`,
      auto: seen(pageProblem),
      reason: unreadable
        ? '上传的文件无法打开，请重新扫描生成 1 份 PDF 后上传（§4.1）。'
        : `《入团志愿书》不完整${check?.pages != null && check.pages !== FORM_PAGES ? `（共 ${check.pages} 页，应为 ${FORM_PAGES} 页）` : ''}${has('duplicate-page') ? '，有重复页或错页' : ''}${has('blank-page') ? '，有空白页' : ''}，请补齐并按顺序扫描后重新上传（§4.1）。`,
    },
    {
      id: 'clarity',
      label: '逐页扫描，清晰、无污损（§4.1）',
      detail: !check ? '待检查' : unreadable ? '文件无法读取' : clarityProblem ? describeClarity(check) : '未发现问题',
      auto: seen(clarityProblem),
      reason: `《入团志愿书》${(check && describeClarity(check)) || '部分页面模糊或污损'}，请扫描纸质原件（300dpi）后重新上传（§4.1）。`,
    },
    {
      id: 'dates',
      label: '日期顺序合理（团课→入团志愿→介绍人意见→支部大会→上级审批）',
      ...fromContent(check, ['date-order']),
      reason: says(
        '时间顺序不一致',
        '《入团志愿书》中各环节的日期顺序有误（应依次为团课学习、本人志愿、介绍人意见、支部大会、上级团委审批），请核实后重新上传。',
      ),
    },
    {
      id: 'filled',
      label: '填写完整（基本信息、本人经历、团课不少于 8 学时、签名）',
      ...fromContent(check, ['blank-field', 'course-hours', 'unsigned']),
      reason: filledReason(check),
    },
  ];
}

/** The system's value, then what the content check said of it. */
function withSystem(system: string, c: { detail: string; auto: ItemState }): { detail: string; auto: ItemState } {
  return { detail: c.detail === '请人工核对' ? system : `${system}；${c.detail}`, auto: c.auto };
}

/** Duplicate and blank pages, named by page when the record has them. */
function describePages(check: CheckResult, has: (c: string) => boolean): string {
  if (check.findings) {
    const found = check.findings.filter((f) => f.code === 'duplicate-page' || f.code === 'blank-page');
    return found.length ? `，${found.map(findingLabel).join('、')}` : '';
  }
  return `${has('duplicate-page') ? '，有重复页' : ''}${has('blank-page') ? '，有空白页' : ''}`;
}

/** The clarity findings: with their pages as the report groups them (“第 3 页污损、第 1–12 页分辨率过低”), else by code. */
function describeClarity(check: CheckResult): string {
  if (check.findings)
    return check.findings
      .filter((f) => CLARITY_CODES.includes(f.code) && f.severity !== 'info')
      .map(findingLabel)
      .join('、');
  const codes = check.codes;
  const words: [string, string][] = [
    ['not-scanned', '有页面不是扫描件'],
    ['blurry-page', '有页面模糊'],
    ['stained-page', '有页面污损'],
    ['low-resolution', '分辨率过低'],
    ['huge-image', '有页面图片像素异常'],
    ['background-border', '有页面未裁剪到纸张边缘'],
    ['shadow', '有页面有阴影'],
    ['orientation', '有页面方向颠倒或横置'],
    ['skew', '有页面歪斜'],
  ];
  return words
    .filter(([c]) => codes.includes(c))
    .map(([, w]) => w)
    .join('、');
}

/**
 * The 不同意 reason from the items marked (or found) as problems, numbered, ready to edit.
 * The reviewer's own choice wins over the check's.
 */
export function rejectionReason(items: readonly ChecklistItem[], marks: Partial<Record<ItemId, ItemState>>): string {
  const problems = items.filter((i) => (marks[i.id] ?? i.auto) === 'problem');
  if (!problems.length) return '';
  if (problems.length === 1) return problems[0]!.reason;
  return problems.map((p, i) => `${i + 1}. ${p.reason}`).join('\n');
}
