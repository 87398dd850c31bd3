import type { IssueCode } from './types';

/**
 * The Chinese text of every preflight finding: what is wrong, in the guide's words, and what to do
 * next. Kept beside the rules so a code and its message never drift apart.
 */
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)}MB`;

export const MESSAGES = {
  empty: () => '文件是空的（0 字节）。请重新导出或扫描《入团志愿书》后再上传。',
  notPdf: (looksLike?: string) => {
    const what =
      looksLike === 'html'
        ? '这是一个网页文件（可能是下载失败时保存的错误页）'
        : looksLike === 'jpeg' || looksLike === 'png'
          ? '这是一张图片，只是扩展名改成了 .pdf'
          : looksLike === 'zip'
            ? '这是一个压缩包或 Word 文档'
            : '文件内容不是 PDF';
    return `${what}。请用扫描仪、扫描类 APP 或 Word“另存为 PDF”生成 1 份 PDF 文件后再上传。`;
  },
  corrupt: (why?: string) =>
    `文件已损坏，无法读取${why ? `（${why}）` : ''}。智慧团建会提示“读取文件内容失败”。请重新导出或重新扫描后再上传。`,
  corruptPage: () => '本页内容损坏，无法显示。请重新扫描本页后重新生成 PDF。',
  encrypted: () => '文件设置了打开密码，系统和审核人都无法打开。请去掉密码后重新导出 PDF。',
  tooLargeFail: (bytes: number) =>
    `文件 ${MB(bytes)}，超过 20M 上限，系统会拒收。请降低扫描分辨率（300dpi 即可）或压缩后再上传。`,
  tooLargeWarn: (bytes: number) =>
    `文件 ${MB(bytes)}，接近 20M 上限（按 2000 万字节计算已超出），可能被拒收。建议压缩到 19MB 以下。`,
  pageCountMissing: (pages: number, expected: number) =>
    `共 ${pages} 页，少了 ${expected - pages} 页；系统要求上传 ${expected} 页完整的《入团志愿书》。请补扫缺页并按顺序合成 1 份 PDF。`,
  pageCountSurplus: (pages: number, expected: number) =>
    `共 ${pages} 页，多了 ${pages - expected} 页；系统要求上传 ${expected} 页完整的《入团志愿书》。请删除多余的页面（空白页、重复页、其他材料）。`,
  hugeImage: (w: number, h: number) =>
    `本页图片尺寸异常（${w}×${h} 像素），系统会提示“图片像素异常”。请用 300dpi 重新扫描本页。`,
  notScanned: () =>
    '本页是直接录入的文字或绘图，不是扫描件或照片。§4.1 要求逐页扫描纸质《入团志愿书》：请扫描已签字盖章的纸质原件。',
  blankPage: () => '本页是空白页。请检查是否扫错了面或漏扫了内容，删除空白页或换成正确的页面。',
  blurryWarn: () => '本页有些模糊，审核时可能看不清。建议重新扫描本页（放平纸张、对好焦，300dpi）。',
  blurryFail: () => '本页模糊不清，审核会被退回（§4.1“不得模糊不清”）。请重新扫描或拍摄本页。',
  stainedWarn: (mm: number) =>
    `本页有约 ${Math.round(mm)}mm 的污渍（水渍、茶渍、杯印、墨迹、胶带或霉斑）。请确认没有遮挡内容；审核人可能视为污损。`,
  stainedFail: (mm: number) =>
    `本页有约 ${Math.round(mm)}mm 的大块污渍，审核会被退回（§4.1“不得污损”）。请换用干净的原件重新扫描；原件已污损时请与上级团委联系。`,
  stainedHiding: (mm: number) =>
    `本页有约 ${Math.round(mm)}mm 的深色污渍盖住了字迹，审核会被退回（§4.1“不得污损”）。请换用干净的原件重新扫描；原件已污损时请与上级团委联系。`,
  shadow: () =>
    '本页边缘有一片阴影（拍照时手机或手的影子），可能遮住内容。请在光线均匀处重新拍摄，或改用扫描仪、扫描类 APP。',
  duplicatePage: (other: number) =>
    `本页与第 ${other} 页是同一页纸，可能缺页或错页（§4.1）。请检查页序，换上漏扫的页面。`,
  sideways: () => '本页是横向的（侧放）。请把本页旋转为正向后重新生成 PDF。',
  upsideDown: () => '本页上下颠倒。请把本页旋转 180° 后重新生成 PDF。',
  skew: (deg: number) => `本页歪斜约 ${Math.abs(deg).toFixed(1)}°。建议放正纸张后重新扫描本页。`,
  lowResolutionWarn: (dpi: number) =>
    `本页分辨率约 ${Math.round(dpi)}dpi，低于档案扫描标准的 200dpi，小字可能看不清。建议用 300dpi 重新扫描。`,
  lowResolutionFail: (dpi: number) =>
    `本页分辨率只有约 ${Math.round(dpi)}dpi，文字已无法辨认，审核会被退回。请用 300dpi 重新扫描本页。`,
  backgroundBorder: () => '本页四周拍到了桌面等背景，不是整页纸张。请用扫描类 APP 裁剪到纸张边缘，或重新扫描本页。',
  noSeal: () =>
    '没有找到红色圆形公章。§4.2 要求确认《入团志愿书》已加盖公章：请确认上级团委已审批盖章，并彩色扫描盖章页。',
  noSealGrey: () => '这是黑白（灰度）扫描，无法确认红色公章。建议彩色扫描盖章页，便于审核。',
  numberMismatch: (onForm: string, inSystem: string) =>
    `首页编号 ${onForm} 与系统内发展团员编号 ${inSystem} 不一致（§5.8）。请核对后修改系统内编号，或确认上传的是本人的《入团志愿书》。`,
  numberUnreadable: () => '未能识别首页的发展团员编号（手写时常见）。请人工核对首页编号与系统内编号是否一致（§5.8）。',
  uncheckedPages: (n: number) => `页数过多，后面 ${n} 页未逐页检查。`,
} as const;

/** Each finding in a few words: the report's summary line and the 审批 checklist name findings by these. */
export const ISSUE_LABELS: Record<IssueCode, string> = {
  empty: '空文件',
  'not-pdf': '不是 PDF',
  corrupt: '文件损坏',
  encrypted: '设置了密码',
  'too-large': '文件过大',
  'page-count': '页数不对',
  'huge-image': '图片像素异常',
  'not-scanned': '不是扫描件',
  'blank-page': '空白页',
  'blurry-page': '模糊',
  'stained-page': '污损',
  shadow: '阴影',
  'duplicate-page': '重复页',
  orientation: '方向不对',
  skew: '歪斜',
  'low-resolution': '分辨率过低',
  'background-border': '未裁剪到纸张边缘',
  'no-seal': '未找到公章',
  'number-mismatch': '首页编号不一致',
  'number-unreadable': '首页编号未能识别',
  'number-format': '编号格式',
  'unchecked-pages': '部分页面未检查',
  'page-order': '页序不对',
  'page-missing': '缺页',
  'name-mismatch': '姓名不一致',
  'joined-mismatch': '入团时间不一致',
  'birth-mismatch': '出生年月不一致',
  underage: '年龄不足',
  overage: '超龄',
  'course-hours': '团课学时不足',
  'date-order': '日期顺序有误',
  'blank-field': '漏填',
  unsigned: '未签名',
  'content-unreadable': '内容未能识别',
  'local-rule': '本地规则',
};
