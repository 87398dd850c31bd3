/**
 * The sections of the printed 《入团志愿书》, as the reader tells pages apart. Names are the
 * booklet's own headings; the list, the order and the wording of each printing are established
 * from public sources in docs/booklet.md. A page's section is found from the words printed on it,
 * never from where it sits in the file.
 */
export const SECTION_IDS = [
  'cover',
  'instructions',
  'basicInfo',
  'resume',
  'family',
  'application',
  'courses',
  'introducers',
  'branchMeeting',
  'approval',
  'remarks',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** The heading as printed, and how messages name the section. */
export const SECTION_NAMES: Record<SectionId, string> = {
  cover: '封面',
  instructions: '填写说明',
  basicInfo: '基本情况',
  resume: '本人经历',
  family: '家庭主要成员',
  application: '入团志愿',
  courses: '团课学习记录',
  introducers: '入团介绍人意见',
  branchMeeting: '团支部大会决议',
  approval: '上级团委审批意见',
  remarks: '备注',
};

/**
 * Printed words that tell a section: `heading` words are its title (any one, read in the page's
 * top strip, names the section); `labels` are words printed in its fields (two or more, anywhere,
 * also name it). Several spellings per section because printings differ (docs/booklet.md).
 */
export const SECTION_MARKS: Record<SectionId, { heading: string[]; labels: string[] }> = {
  cover: { heading: ['入团志愿书'], labels: ['中国共产主义青年团', '编号', '共青团中央'] },
  instructions: {
    heading: ['填写说明', '填表说明', '填写入团志愿书的要求', '说明'],
    labels: ['钢笔', '如实填写', '忠实地填写', '字迹'],
  },
  basicInfo: {
    heading: ['基本情况', '申请人基本情况'],
    labels: ['姓名', '性别', '民族', '出生年月', '出生日期', '籍贯', '身份证号', '文化程度', '学历'],
  },
  resume: {
    heading: ['本人经历', '本人简历', '个人简历'],
    labels: ['自何年何月', '至何年何月', '起止年月', '起始年月', '证明人'],
  },
  family: {
    heading: ['家庭主要成员', '主要社会关系', '家庭成员'],
    labels: ['与本人关系', '称谓', '政治面貌', '工作单位'],
  },
  application: { heading: ['入团志愿'], labels: ['本人签名', '申请人签名', '申请人'] },
  courses: {
    heading: ['团课学习记录', '团课学习情况', '团课学习', '学习记录', '团课'],
    labels: ['学时', '合计', '学习内容'],
  },
  introducers: {
    heading: ['入团介绍人意见', '介绍人意见'],
    labels: ['介绍人签名', '第一介绍人', '第二介绍人', '介绍人'],
  },
  branchMeeting: {
    heading: ['团支部大会决议', '支部大会决议', '团支部大会'],
    labels: ['应到会团员', '实到会', '应到', '实到', '赞成', '反对', '弃权', '支部书记签名', '团支部书记'],
  },
  approval: {
    heading: ['上级团委审批意见', '审批意见', '上级团委'],
    labels: ['入团时间从', '算起', '盖章', '审批人签名', '审批'],
  },
  remarks: { heading: ['备注'], labels: ['入团誓词', '誓词'] },
};

/**
 * Orders of sections known in printings (a section may fill more than one page in a row, e.g. a
 * continuation of 入团志愿). `page-order` fires only when the pages fit none of these. Both known
 * printings keep one order (团课学习记录 before 入团志愿, as the dates on them run) and differ in
 * how the sections share pages and in wording: docs/booklet.md §A and §B.
 */
const BOOKLET_ORDER: SectionId[] = [
  'cover',
  'instructions',
  'basicInfo',
  'resume',
  'family',
  'courses',
  'application',
  'introducers',
  'branchMeeting',
  'approval',
  'remarks',
];

export const PRINTINGS: { id: string; source: string; order: SectionId[] }[] = [
  { id: 'A', source: 'docs/booklet.md §A: the printing uploaded to 智慧团建 since 2020', order: BOOKLET_ORDER },
  { id: 'B', source: 'docs/booklet.md §B: 入团志愿 ends on the first introducer’s page', order: BOOKLET_ORDER },
];
