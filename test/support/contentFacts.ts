import type { ContentFacts, FieldKind, PageSectionFacts, ReadField } from '../../shared/pdf/content/facts';
import { PRINTINGS } from '../../shared/pdf/content/sections';

/**
 * Hand-made reader output for the content rules' unit tests: a clean, consistent form (every
 * page's section known, every field read surely), to be spoiled one reading at a time.
 */
export const CLEAN_MEMBER = { name: '李晓明', joinedOn: '2024-05-20', birthDate: '2008-03-12' };

let n = 0;
export function field(
  kind: FieldKind,
  value: string | number | null,
  page: number,
  extra: Partial<ReadField> = {},
): ReadField {
  n++;
  return {
    kind,
    value,
    text: String(value ?? '？'),
    confidence: 0.98,
    page,
    box: { x: 0.1, y: (n % 20) / 25, w: 0.3, h: 0.03 },
    ...extra,
  };
}

/** 12 pages in the first printing's order (入团志愿 over two pages). */
export function cleanPages(): PageSectionFacts[] {
  const order = PRINTINGS[0]!.order;
  const sections = [...order.slice(0, 6), 'application' as const, ...order.slice(6)];
  return sections.map((section, i) => ({ page: i + 1, section, confidence: 0.95, rotation: 0, marks: [] }));
}

export function cleanFacts(): ContentFacts {
  return {
    pages: cleanPages(),
    fields: [
      field('name', '李晓明', 1, { role: 'cover' }),
      field('name', '李晓明', 3, { role: 'basicInfo' }),
      field('birth', '2008-03', 3),
      field('idBirth', '2008-03-12', 3, { text: '110105********1234' }),
      field('courseDate', '2023-10-08', 8, { role: '1' }),
      field('courseHours', 2, 8, { role: '1' }),
      field('courseDate', '2023-11-12', 8, { role: '2' }),
      field('courseHours', 2, 8, { role: '2' }),
      field('courseDate', '2023-12-10', 8, { role: '3' }),
      field('courseHours', 2, 8, { role: '3' }),
      field('courseDate', '2024-01-14', 8, { role: '4' }),
      field('courseHours', 2, 8, { role: '4' }),
      field('courseTotal', 8, 8),
      field('courseColumn', 'complete', 8),
      field('applicationDate', '2024-03-01', 7),
      field('name', '李晓明', 7, { role: 'applicant' }),
      field('signature', 'signed', 7, { role: '申请人' }),
      field('entry', 'filled', 6, { role: '入团志愿' }),
      field('entry', 'filled', 4, { role: '本人经历' }),
      field('introducerDate', '2024-04-02', 9, { role: '1' }),
      field('introducerDate', '2024-04-03', 9, { role: '2' }),
      field('signature', 'signed', 9, { role: '介绍人1' }),
      field('signature', 'signed', 9, { role: '介绍人2' }),
      field('entry', 'filled', 9, { role: '介绍人意见' }),
      field('meetingDate', '2024-05-20', 10),
      field('attendance', 30, 10, { role: '应到' }),
      field('attendance', 28, 10, { role: '实到' }),
      field('signature', 'signed', 10, { role: '团支部书记' }),
      field('approvalDate', '2024-06-03', 11),
    ],
    crops: [],
    unreadPages: [],
    ms: { total: 0 },
  };
}

/** The clean facts with the fields matching `pick` changed. */
export function spoiled(pick: (f: ReadField) => boolean, change: Partial<ReadField>): ContentFacts {
  const f = cleanFacts();
  f.fields = f.fields.map((x) => (pick(x) ? { ...x, ...change } : x));
  return f;
}
