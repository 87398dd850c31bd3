import { canonical, findLabel, type Line } from '../lines';
import { type FieldDraft, entrySpace, allLabels, writingBetween } from './draft';
import { signature } from './signature';

export function application(lines: Line[], heading: Line | undefined, pageHeight: number): FieldDraft[] {
  const sign = findLabel(lines, ['本人签名', '申请人签名', '申请人']);
  const out: FieldDraft[] = [];
  if (sign) out.push(...signature(lines, sign, '申请人', 'applicationDate'));
  // 入团志愿 itself, on its first page only (a continuation may rightly be empty): whether the
  // space under the heading is written on. Its lines are sentences, never read: the ink decides.
  if (heading && !/续/.test(heading.text)) {
    const top = heading.box.y + heading.box.h * 2;
    const bottom = sign ? sign.line.box.y - sign.line.box.h : pageHeight * 0.9;
    const region = { x: heading.box.x - heading.box.w * 1.5, y: top, w: heading.box.w * 4, h: bottom - top };
    if (region.h > 0 && writingBetween(lines, top, bottom, ['入团志愿']).length === 0)
      out.push(entrySpace('入团志愿', heading.box, region));
  }
  // Printing B: the first introducer's opinion shares the page that ends 入团志愿.
  return [...out, ...introducers(lines)];
}

export function introducers(lines: Line[]): FieldDraft[] {
  const out: FieldDraft[] = [];
  const signs = allLabels(lines, ['介绍人签名', '介绍人签字']).sort((a, b) => a.line.box.y - b.line.box.y);
  signs.forEach((s, i) => {
    const n = ordinalAbove(lines, s.line) ?? i + 1;
    const opinion = opinionAbove(lines, s.line, signs[i - 1]?.line);
    if (opinion) out.push(opinion);
    out.push(...signature(lines, s, `介绍人${n}`, 'introducerDate', String(n)));
  });
  return out;
}

/**
 * An introducer's opinion: the space between its printed 介绍人意见 label and its 介绍人签名 line.
 * Its lines are sentences, never read: the ink there decides (readPage's check), as for 入团志愿.
 */
function opinionAbove(lines: Line[], sign: Line, previousSign?: Line): FieldDraft | undefined {
  const label = lines
    .filter((l) => l.box.y + l.box.h <= sign.box.y && (!previousSign || l.box.y > previousSign.box.y))
    .filter((l) => /介绍入.{0,3}意见/.test(canonical(l.text)))
    .sort((a, b) => b.box.y - a.box.y)[0];
  if (!label) return undefined;
  const h = label.box.h;
  const top = label.box.y + h * 1.5;
  const bottom = sign.box.y - sign.box.h * 0.5;
  if (bottom - top < h * 2) return undefined;
  const region = {
    x: label.box.x,
    y: top,
    w: Math.max(sign.box.x + sign.box.w - label.box.x, label.box.w),
    h: bottom - top,
  };
  return entrySpace('介绍人意见', label.box, region);
}

/** Which introducer a signature belongs to: the nearest 第一/第二介绍人, 介绍人（一）/（二）, 介绍人一/二 above it. */
function ordinalAbove(lines: Line[], sign: Line): number | undefined {
  const above = lines
    .filter((l) => l.box.y + l.box.h <= sign.box.y + sign.box.h * 0.2)
    .sort((a, b) => b.box.y - a.box.y);
  for (const l of above) {
    const t = canonical(l.text);
    if (!t.includes('介绍入')) continue;
    if (/第一介绍|介绍入一|介绍入\(?一/.test(t.replace(/[（）]/g, ''))) return 1;
    if (/第二介绍|介绍入二|介绍入\(?二/.test(t.replace(/[（）]/g, ''))) return 2;
  }
  return undefined;
}
