/**
 * The printed 《入团志愿书》: its sections in printed order, the headings and labels each carries,
 * and how the known printings split them over 12 pages. Sources and the page-by-page wording are
 * in docs/booklet.md. The reader anchors on these words, never on positions: printings differ.
 */

export type SectionId =
  | 'cover'
  | 'instructions'
  | 'basics'
  | 'experience'
  | 'family'
  | 'course'
  | 'pledge'
  | 'introducers'
  | 'branchMeeting'
  | 'approval'
  | 'remarks';

export interface SectionSpec {
  id: SectionId;
  /** The section's name in the booklet's own words. */
  name: string;
  /** Printed headings that open the section (variants across printings; spaces dropped). */
  headings: readonly string[];
  /** Printed labels inside the section that identify it even without its heading. */
  labels: readonly string[];
}

/** In printed order, which is also the order the dates on them must follow (团课 → … → 审批). */
export const SECTIONS: readonly SectionSpec[] = [
  { id: 'cover', name: '封面', headings: ['入团志愿书'], labels: ['中国共产主义青年团', '编号', '姓名'] },
  {
    id: 'instructions',
    name: '填写说明',
    headings: ['填写说明', '填写入团志愿书的要求'],
    labels: ['钢笔', '字迹', '档案'],
  },
  {
    id: 'basics',
    name: '基本情况',
    headings: ['基本情况'],
    labels: ['姓名', '性别', '民族', '出生年月', '出生日期', '居民身份证号码', '籍贯', '文化程度'],
  },
  {
    id: 'experience',
    name: '本人经历',
    headings: ['本人经历', '本人简历'],
    labels: ['自何年何月', '至何年何月', '证明人'],
  },
  {
    id: 'family',
    name: '家庭主要成员',
    headings: ['家庭主要成员情况', '家庭主要成员及社会关系'],
    labels: ['与本人关系', '政治面貌', '工作单位及职务'],
  },
  {
    id: 'course',
    name: '团课学习记录',
    headings: ['团课学习记录', '团课学习情况'],
    labels: ['学习内容', '学时', '合计', '证明人'],
  },
  { id: 'pledge', name: '入团志愿', headings: ['入团志愿'], labels: ['本人签名', '申请人签名'] },
  {
    id: 'introducers',
    name: '入团介绍人意见',
    headings: ['入团介绍人意见', '介绍人意见'],
    labels: ['介绍人签名', '第一介绍人', '第二介绍人'],
  },
  {
    id: 'branchMeeting',
    name: '团支部大会决议',
    headings: ['团支部大会决议', '支部大会决议'],
    labels: ['应到会团员', '实到会团员', '赞成', '反对', '弃权', '支部书记签名'],
  },
  {
    id: 'approval',
    name: '上级团委审批意见',
    headings: ['上级团委审批意见'],
    labels: ['入团时间从', '算起', '审批人签名', '盖章'],
  },
  { id: 'remarks', name: '备注', headings: ['备注'], labels: ['入团誓词', '我志愿加入中国共产主义青年团'] },
];

export const SECTION_BY_ID: Readonly<Record<SectionId, SectionSpec>> = Object.fromEntries(
  SECTIONS.map((s) => [s.id, s]),
) as Record<SectionId, SectionSpec>;

export const sectionRank = (id: SectionId): number => SECTIONS.findIndex((s) => s.id === id);

export type PrintingId = 'A' | 'B';

export interface Printing {
  id: PrintingId;
  name: string;
  /** Page by page (index = page − 1), the sections that page carries, in order down the page. */
  pages: readonly (readonly SectionId[])[];
}

/**
 * A: the current printing as uploaded to 智慧团建 since 2020 (12 pages; docs/booklet.md §A).
 * B: the variant whose 入团志愿 ends, with the applicant's signature, on the page that opens the
 * 介绍人意见 (first introducer), the second introducer on the next page, and other label wording
 * (docs/booklet.md §B). Both keep one section order, so order is judged on sections, not pages.
 */
export const PRINTINGS: Readonly<Record<PrintingId, Printing>> = {
  A: {
    id: 'A',
    name: '团中央组织部制（2020 年起上传所用）',
    pages: [
      ['cover'],
      ['instructions'],
      ['basics'],
      ['experience'],
      ['family'],
      ['course'],
      ['pledge'],
      ['pledge'],
      ['introducers'],
      ['branchMeeting'],
      ['approval'],
      ['remarks'],
    ],
  },
  B: {
    id: 'B',
    name: '志愿续页与第一介绍人同页的印本',
    pages: [
      ['cover'],
      ['instructions'],
      ['basics'],
      ['experience'],
      ['family'],
      ['course'],
      ['pledge'],
      ['pledge', 'introducers'],
      ['introducers'],
      ['branchMeeting'],
      ['approval'],
      ['remarks'],
    ],
  },
};

/** Whether a run of pages' sections keeps the booklet's one order (repeats allowed: continuations). */
export function inBookletOrder(pages: readonly (readonly SectionId[])[]): boolean {
  let last = -1;
  for (const page of pages)
    for (const s of page) {
      const r = sectionRank(s);
      if (r < last) return false;
      last = r;
    }
  return true;
}
