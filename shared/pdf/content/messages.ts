import { SECTION_NAMES, type SectionId } from './sections';

/**
 * The Chinese text of the content findings: what is wrong in the guide's and reviewers' words
 * (the phrases reviewers use when they send a file back are quoted in 【】), and who must correct
 * what. `read` formats what was read, for the evidence.
 */
const name = (s: SectionId) => `“${SECTION_NAMES[s]}”`;
const ymd = (d: string) => {
  const [y, m, day] = d.split('-');
  return day ? `${y}年${Number(m)}月${Number(day)}日` : `${y}年${Number(m)}月`;
};

export const CONTENT_MESSAGES = {
  read: (text: string) => `读到：${text}`,
  pageOrder: (page: number, section: SectionId, shouldBe: number) =>
    `第 ${page} 页是${name(section)}页，按《入团志愿书》的页序应为第 ${shouldBe} 页（错页）。请在页面编辑中调整页序后重新生成 PDF。`,
  pageMissing: (section: SectionId) =>
    `没有找到${name(section)}页（缺页，或同一页扫了两次）。请补扫这一页，按顺序重新生成 PDF。`,
  nameMismatch: (onForm: string, inSystem: string) =>
    `表上姓名“${onForm}”与系统内姓名“${inSystem}”不一致。请确认上传的是本人的《入团志愿书》，或由团支部核对后修改系统内姓名。`,
  nameDiffers: (a: string, b: string) =>
    `表上几处姓名不一致（“${a}”与“${b}”）。请核对封面、基本情况和申请人签名处的姓名。`,
  joinedMismatch: (meeting: string, joined: string) =>
    `【入团时间与支部大会通过时间不一致】团支部大会通过时间为 ${ymd(meeting)}，系统内入团时间为 ${ymd(joined)}。入团时间应为支部大会通过之日：请修改系统内入团时间，或核对表上日期。`,
  birthMismatch: (onForm: string, inSystem: string) =>
    `表上出生年月 ${ymd(onForm)} 与系统内出生日期 ${ymd(inSystem)} 不一致。请核对基本情况页和系统内信息。`,
  underage: (birth: string, meeting: string) =>
    `按出生年月 ${ymd(birth)}，团支部大会（${ymd(meeting)}）时申请人未满 14 周岁，不符合入团年龄（14 至 28 周岁）。请核对出生年月和支部大会日期。`,
  underageCourse: (birth: string, course: string) =>
    `第一次团课（${ymd(course)}）时申请人还未满 14 周岁（出生年月 ${ymd(birth)}）。请核对团课日期和出生年月。`,
  overage: (birth: string, meeting: string) =>
    `按出生年月 ${ymd(birth)}，团支部大会（${ymd(meeting)}）时申请人已超过 28 周岁。请核对出生年月和支部大会日期。`,
  courseHours: (hours: number) =>
    `【团课学习记录不足8学时】团课学时合计 ${hours}，不足 8 学时。请补足团课学习并如实填写学习记录。`,
  courseHoursDisagree: (rows: number, total: number) =>
    `团课各行学时相加为 ${rows}，“合计”栏写的是 ${total}，两者不一致${Math.min(rows, total) < 8 ? '，且可能不足 8 学时' : ''}。请核对团课学习记录。`,
  dateOrder: (earlier: string, earlierOn: string, later: string, laterOn: string) =>
    `【时间顺序不一致】${later}（${ymd(laterOn)}）早于${earlier}（${ymd(earlierOn)}）。应依次为团课学习、入团志愿、介绍人意见、支部大会、上级团委审批：请核对这两处日期。`,
  blankField: (what: string) =>
    what === '本人经历'
      ? '【本人经历填写不完整】“本人经历”未填写。请由申请人补填后重新扫描本页。'
      : `【基本信息未填写完整】“${what}”未填写。请补填后重新扫描本页。`,
  unsigned: (who: string) => `${who}签名处为空。请由${who}本人签名后重新扫描本页。`,
  contentUnreadable: (what: string) => `未能可靠读出${what}，未作判断。请人工核对。`,
  localRule: (words: string) => words,
} as const;
