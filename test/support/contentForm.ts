import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { KAI, KAI_GB, PRINT } from './textPicture';

/**
 * A filled-in 《入团志愿书》 for the content reader's development and benchmark, drawn in Node (SVG
 * rendered by librsvg through sharp): printed labels in Song, the applicant's entries in Kai with a
 * little jitter, blue or black ink. Interim: h14b's generator (test/fixtures/) replaces it with the
 * real booklet's layouts, families and defects.
 */
export interface FormValues {
  name: string;
  birth: string; // as written: 2008年3月
  idNumber: string;
  applicationDate: string;
  introducerDates: [string, string];
  meetingDate: string;
  approvalDate: string;
  courses: { date: string; topic: string; hours: string }[];
  total: string;
  signed: { applicant: boolean; introducers: [boolean, boolean]; secretary: boolean };
}

export const CLEAN_VALUES: FormValues = {
  name: '李晓明',
  birth: '2008年3月',
  idNumber: '110105200803120014',
  applicationDate: '2024年3月1日',
  introducerDates: ['2024年4月2日', '2024.4.3'],
  meetingDate: '2024年5月20日',
  approvalDate: '2024年6月3日',
  courses: [
    { date: '2023.10.8', topic: '团的性质和宗旨', hours: '2' },
    { date: '2023.11.12', topic: '团的光荣历史', hours: '2' },
    { date: '2023.12.10', topic: '团员的义务和权利', hours: '2' },
    { date: '2024.1.14', topic: '团的组织原则', hours: '2' },
  ],
  total: '8',
  signed: { applicant: true, introducers: [true, true], secretary: true },
};

type Run = { t: string; x: number; y: number; size: number; hand?: boolean; anchor?: 'middle' };

function rnd(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function pageRuns(page: number, v: FormValues): { runs: Run[]; lines: [number, number, number, number][] } {
  const runs: Run[] = [];
  const lines: [number, number, number, number][] = [];
  const title = (t: string) => runs.push({ t, x: 105, y: 28, size: 7, anchor: 'middle' });
  const label = (t: string, x: number, y: number) => runs.push({ t, x, y, size: 3.9 });
  const hand = (t: string, x: number, y: number, size = 5) => runs.push({ t, x, y, size, hand: true });
  const grid = (y0: number, cols: number[], rows: number, rowH: number) => {
    const x1 = cols[cols.length - 1]!;
    for (let r = 0; r <= rows; r++) lines.push([cols[0]!, y0 + r * rowH, x1, y0 + r * rowH]);
    for (const c of cols) lines.push([c, y0, c, y0 + rows * rowH]);
  };
  const signLine = (lbl: string, who: string | null, date: string, y: number) => {
    label(lbl, 110, y);
    if (who) hand(who, 138, y);
    hand(date, 140, y + 10, 4.6);
  };
  switch (page) {
    case 1:
      label('编号：202405123456', 130, 22);
      runs.push({ t: '入团志愿书', x: 105, y: 105, size: 13, anchor: 'middle' });
      runs.push({ t: '中国共产主义青年团', x: 105, y: 125, size: 6, anchor: 'middle' });
      label('姓名', 62, 200);
      lines.push([78, 202, 150, 202]);
      hand(v.name, 96, 199, 6);
      runs.push({ t: '共青团中央组织部制', x: 105, y: 262, size: 4.2, anchor: 'middle' });
      break;
    case 2:
      title('填写说明');
      [
        '一、本志愿书由申请入团的青年本人用钢笔如实填写，字迹要清楚。',
        '二、填写前应认真学习团章，端正入团动机。',
        '三、“本人经历”从上小学时填起，时间要衔接。',
        '四、入团介绍人须是团员，应认真负责地填写意见。',
      ].forEach((t, i) => label(t, 22, 50 + i * 11));
      break;
    case 3: {
      title('基本情况');
      const rows: [string, string][] = [
        ['姓名', v.name],
        ['性别', '男'],
        ['民族', '汉族'],
        ['出生年月', v.birth],
        ['籍贯', '北京市'],
        ['身份证号', v.idNumber],
        ['文化程度', '初中'],
        ['学校或单位', '北京市第一中学'],
      ];
      grid(42, [25, 55, 185], rows.length, 14);
      rows.forEach(([l, h], i) => {
        label(l, 27, 42 + i * 14 + 9);
        if (h) hand(h, 60, 42 + i * 14 + 10, l === '身份证号' ? 4.6 : 5);
      });
      break;
    }
    case 4:
      title('本人经历');
      grid(40, [22, 60, 160, 188], 8, 13);
      ['起止年月', '在何地何单位学习', '证明人'].forEach((t, i) => label(t, [24, 62, 162][i]!, 49));
      hand('2014.9—2020.7', 24, 63, 4.4);
      hand('北京市第一小学', 62, 63);
      hand('王老师', 162, 63);
      hand('2020.9—至今', 24, 76, 4.4);
      hand('北京市第一中学', 62, 76);
      hand('赵老师', 162, 76);
      break;
    case 5:
      title('家庭主要成员');
      grid(40, [22, 48, 68, 150, 188], 6, 15);
      ['姓名', '称谓', '工作单位及职务', '政治面貌'].forEach((t, i) => label(t, [24, 50, 70, 152][i]!, 50));
      hand('李建国', 24, 66);
      hand('父亲', 50, 66);
      hand('北京市某公司', 70, 66);
      hand('群众', 152, 66);
      break;
    case 6:
    case 7:
      title(page === 6 ? '入团志愿' : '入团志愿（续）');
      lines.push([22, 40, 188, 40], [22, 260, 188, 260]);
      [
        '我志愿加入中国共产主义青年团，',
        '坚决拥护中国共产党的领导，遵守团的章程，',
        '执行团的决议，履行团员义务。',
      ].forEach((t, i) => hand(t, 28, 56 + i * 12));
      if (page === 6) signLine('申请人签名：', v.signed.applicant ? v.name : null, v.applicationDate, 272);
      break;
    case 8: {
      title('团课学习记录');
      grid(40, [22, 56, 150, 170, 188], 7, 14);
      ['时间', '学习内容', '学时'].forEach((t, i) => label(t, [24, 58, 152][i]!, 49));
      v.courses.forEach((c, r) => {
        const y = 40 + (r + 1) * 14 + 10;
        hand(c.date, 24, y, 4.4);
        hand(c.topic, 58, y);
        hand(c.hours, 157, y);
      });
      label('合计', 58, 40 + 6 * 14 + 9);
      hand(v.total, 157, 40 + 6 * 14 + 10);
      break;
    }
    case 9:
      title('入团介绍人意见');
      [0, 1].forEach((i) => {
        const y = 40 + i * 110;
        lines.push([22, y, 188, y]);
        label(`介绍人${i ? '二' : '一'}意见：`, 26, y + 10);
        hand('该同学思想进步，学习努力，同意介绍入团。', 30, y + 26);
        signLine('介绍人签名：', v.signed.introducers[i] ? ['王芳', '陈刚'][i]! : null, v.introducerDates[i]!, y + 80);
      });
      break;
    case 10:
      title('团支部大会决议');
      label('应到会团员    人，实到会    人，表决结果：', 26, 52);
      hand('30', 52, 51);
      hand('28', 84, 51);
      hand('经支部大会讨论，同意接收为共青团员。', 30, 70);
      signLine('支部书记签名：', v.signed.secretary ? '张伟' : null, v.meetingDate, 220);
      break;
    case 11:
      title('上级团委审批意见');
      hand('同意接收为共青团员。', 30, 60);
      label('（盖章）', 150, 190);
      hand(v.approvalDate, 140, 232, 4.6);
      break;
    default:
      title('备注');
      label('入团誓词：', 26, 175);
      label('我志愿加入中国共产主义青年团，坚决拥护中国共产党的领导，', 26, 188);
  }
  return { runs, lines };
}

/** One page as an SVG in millimetres (210 × 297). */
export function pageSvg(page: number, v: FormValues, seed = 1, ink = '#1b2a80'): string {
  const r = rnd(seed * 97 + page);
  const { runs, lines } = pageRuns(page, v);
  const text = runs
    .map((x) => {
      const jitter = x.hand ? ` transform="rotate(${((r() - 0.5) * 2.4).toFixed(2)} ${x.x} ${x.y})"` : '';
      const font = x.hand ? (seed % 2 ? KAI : KAI_GB) : PRINT;
      const dy = x.hand ? (r() - 0.5) * 0.8 : 0;
      return `<text x="${x.x}" y="${(x.y + dy).toFixed(2)}" font-family="${font}" font-size="${x.size}" fill="${x.hand ? ink : '#161616'}"${x.anchor ? ` text-anchor="${x.anchor}"` : ''}${jitter}>${esc(x.t)}</text>`;
    })
    .join('');
  const rules = lines
    .map(([x1, y1, x2, y2]) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#222" stroke-width="0.3"/>`)
    .join('');
  const seal =
    page === 11
      ? '<circle cx="150" cy="192" r="20" fill="none" stroke="#d02030" stroke-width="1.2" opacity="0.8"/>'
      : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297"><rect width="210" height="297" fill="#f8f6ef"/>${rules}${text}${seal}</svg>`;
}

/** A page as a JPEG scan at `dpi`. */
export async function pageJpeg(page: number, v: FormValues, dpi = 300, seed = 1): Promise<Buffer> {
  const width = Math.round((210 / 25.4) * dpi);
  return sharp(Buffer.from(pageSvg(page, v, seed)), { density: (dpi * 96) / 96 })
    .resize({ width })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** The 12 pages as one PDF (each a full-page JPEG, A4); `order` lists the pages to draw, in file order. */
export async function formPdf(
  v: FormValues = CLEAN_VALUES,
  dpi = 300,
  order?: number[],
  seed = 1,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const page of order ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
    const img = await doc.embedJpg(await pageJpeg(page, v, dpi, seed));
    doc.addPage([595.28, 841.89]).drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return doc.save();
}
