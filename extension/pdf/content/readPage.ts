import type { PageSectionFacts, ReadField, Rotation } from '../../../shared/pdf/content/facts';
import { SECTION_MARKS, type SectionId } from '../../../shared/pdf/content/sections';
import { CONFIDENCE, DETECTION, READER } from '../../../shared/pdf/content/thresholds';
import { fieldsOf, FIELD_SECTIONS, type FieldDraft } from './fields/index';
import { readColumn } from './column';
import { inkFraction, printedArea, sealOnly } from './ink';
import { canonical, readLines, sortLines, sureness, union, type Line } from './lines';
import type { TextBox } from './ocr/detect';
import { cropGrey, rotateGrey, type Grey, type Rect } from './ocr/grey';
import type { BaselineOcr, Ocr } from './ocr/models';
import type { OrdinaryOcr } from '../../../shared/pdf/types';
import { rereader } from './reread';
import { sectionOf } from './section';
import { STAGED } from './staged';

/**
 * Reads one page, reading only what is needed: its section from a strip across the top (its
 * tallest print first; the page turned when the strip reads as nothing: scanned upside down or
 * sideways), then — only on pages that carry fields — the rest of the page's text boxes, reading
 * lines short enough to be a label or an entry (a paragraph is never read, only seen to be there).
 */
export interface PageRead {
  section: PageSectionFacts;
  /** Fields with boxes in the upright page's pixels; `crop` is the region to show as evidence. */
  fields: (Omit<ReadField, 'box' | 'crop' | 'page'> & { box: Rect; crop: Rect })[];
  /** The page as read (turned upright). */
  upright: Grey;
}

/** Rotations tried, in order: as scanned, upside down, then either side. */
const TURNS: Rotation[] = [0, 180, 90, 270];

interface Strip {
  g: Grey;
  rotation: Rotation;
  rect: Rect;
  /** The page's printed area (its ink, a little paper around): the detector runs over nothing else. */
  area: Rect;
  boxes: TextBox[];
  lines: Line[];
  read: Set<TextBox>;
  /** Boxes below the strip, once detected. */
  below?: TextBox[];
}

export async function readPage(
  ocr: Ocr,
  page: Grey,
  pageNumber: number,
  textOf: readonly SectionId[] = [],
): Promise<PageRead> {
  let first: Strip | undefined;
  for (const rotation of TURNS) {
    const g = rotateGrey(page, rotation);
    const area = printedArea(g);
    const rect = { x: 0, y: 0, w: g.width, h: Math.round(g.height * DETECTION.stripFraction) };
    const boxes = await detectIn(ocr, g, rect, area);
    const strip: Strip = { g, rotation, rect, area, boxes, lines: [], read: new Set() };
    const found = await stripSection(ocr, strip);
    first ??= strip;
    if (found.section) return readFields(ocr, strip, pageNumber, found, textOf);
    // Text read surely is the right way up: turning the page would not name a section either.
    if (strip.lines.some((l) => l.text.length >= 3 && sureness(l) >= CONFIDENCE.value)) break;
    // A portrait page that reads as nothing is tried upside down only.
    if (rotation === 180 && g.width < g.height) break;
  }
  // No strip named a section (the cover prints its title mid-page): the rest of the page, as scanned.
  const strip = first!;
  const found = await restSection(ocr, strip);
  if (found.section) return readFields(ocr, strip, pageNumber, found, textOf);
  const section: PageSectionFacts = {
    page: pageNumber,
    section: null,
    confidence: found.confidence,
    rotation: strip.rotation,
    marks: found.marks,
  };
  return { section, fields: [], upright: strip.g };
}

/** Detector scale for a page: its longer side at READER's size. */
const scaleOf = (g: Grey) => Math.min(1, READER.detMaxSide / Math.max(g.width, g.height));

/**
 * Text boxes in a part `r` of the page (the strip, or below it) at the page's detector scale, in the
 * page's pixels; the model runs only over the printed `area` (the margins' paper holds no text).
 */
async function detectIn(ocr: Ocr, g: Grey, r: Rect, area: Rect): Promise<TextBox[]> {
  const part = cropGrey(g, r);
  const within = { x: area.x - r.x, y: area.y - r.y, w: area.w, h: area.h };
  const boxes = await ocr.detect(part, Math.round(Math.max(part.width, part.height) * scaleOf(g)), within);
  return boxes.map((b) => ({ ...b, x: b.x + r.x, y: b.y + r.y }));
}

/**
 * The strip's section, reading its tallest boxes first (a heading is the largest print on the
 * page) and stopping once a heading word names a section: most pages need one or two readings.
 */
async function stripSection(ocr: Ocr, strip: Strip): Promise<ReturnType<typeof sectionOf>> {
  const order = readable(strip.boxes, strip.g).sort((a, b) => b.h - a.h);
  let found = sectionOf(strip.lines);
  for (const box of order) {
    strip.read.add(box);
    strip.lines.push(...(await readLines(ocr, strip.g, [box])));
    found = sectionOf(strip.lines);
    if (namedByHeading(found)) break;
  }
  return found;
}

/** Whether the section found rests on one of its heading words (most pages need one or two readings). */
const namedByHeading = (found: ReturnType<typeof sectionOf>) =>
  !!found.section && found.marks.some((m) => SECTION_MARKS[found.section!].heading.includes(m));

/**
 * Text boxes not read yet: the strip's others and everything below it (found once: the section
 * may be named from below the strip, and the page's fields read after).
 */
async function restBoxes(ocr: Ocr, strip: Strip): Promise<TextBox[]> {
  const { g, rect, area } = strip;
  if (!strip.below) {
    // Below the strip, overlapping it a little so a line on its edge is whole in one of the two.
    const top = Math.round(rect.h * 0.8);
    const found = await detectIn(ocr, g, { x: 0, y: top, w: g.width, h: g.height - top }, area);
    strip.below = found.filter((b) => b.y + b.h / 2 > rect.h);
  }
  return [...strip.boxes, ...strip.below].filter((b) => !strip.read.has(b));
}

/**
 * The page's lines outside what the strip already read: only the readable ones, and on a page read
 * in stages (staged.ts) only those its rules need — or `everything`, for a local rule.
 */
async function readRest(ocr: Ocr, strip: Strip, section: SectionId, everything: boolean): Promise<Line[]> {
  // A seal's own characters are not read: no rule takes a value from them (and a signature line
  // with only a seal on it must not read as signed).
  const rest = (await restBoxes(ocr, strip)).filter((b) => !sealOnly(strip.g, b));
  const read = (boxes: readonly TextBox[]) => readLines(ocr, strip.g, boxes);
  if (everything) return read(rest);
  const staged = STAGED[section];
  return staged ? staged(read, strip.g, strip.lines, readable(rest, strip.g)) : read(readable(rest, strip.g));
}

/**
 * The section of a page whose strip named none, from the rest of the page read tallest print
 * first (a title is the largest print on its page) until a heading names it, as the strip is. A
 * page that shows none of the booklet's printed words in its first READER.restReads readings is not
 * read further (a photo, a certificate, a page of something else). What is read joins the strip's.
 */
async function restSection(ocr: Ocr, strip: Strip): Promise<ReturnType<typeof sectionOf>> {
  const order = readable(await restBoxes(ocr, strip), strip.g).sort((a, b) => b.h - a.h);
  let found = sectionOf(strip.lines);
  let n = 0;
  for (const box of order) {
    if (n++ >= READER.restReads && found.marks.length === 0) break;
    strip.read.add(box);
    strip.lines.push(...(await readLines(ocr, strip.g, [box])));
    found = sectionOf(strip.lines);
    if (namedByHeading(found)) break;
  }
  return found;
}

/**
 * Everything read on a page, for a committee's local rule. Its confidence is the 10th percentile
 * of its characters' probabilities: a page of handwriting always has a few doubtful characters,
 * and the rule itself forgives one wrong character in six.
 */
function sectionText(section: SectionId, lines: Line[], g: Grey): FieldDraft {
  const text = lines.map((l) => l.text).join('');
  const probs = lines.flatMap((l) => l.probs).sort((a, b) => a - b);
  const box = lines.length ? lines.map((l) => l.box).reduce(union) : { x: 0, y: 0, w: g.width, h: g.height };
  return {
    kind: 'sectionText',
    role: section,
    text,
    value: text,
    confidence: probs[Math.floor(probs.length / 10)] ?? 0,
    box,
  };
}

/**
 * Boxes worth reading: not a paragraph line (wider than 60 % of the page, or longer than a
 * label and its entry — READER.maxAspect — which only a sentence is).
 */
function readable(boxes: TextBox[], g: Grey): TextBox[] {
  return boxes.filter((b) => b.w < g.width * 0.6 && b.w < b.h * READER.maxAspect);
}

async function readFields(
  ocr: Ocr,
  strip: Strip,
  pageNumber: number,
  found: ReturnType<typeof sectionOf>,
  textOf: readonly SectionId[],
): Promise<PageRead> {
  const section = found.section!;
  const { g } = strip;
  const out: PageRead = {
    section: { page: pageNumber, section, confidence: found.confidence, rotation: strip.rotation, marks: found.marks },
    fields: [],
    upright: g,
  };
  const heading = strip.lines.find((l) =>
    SECTION_MARKS[section].heading.some((h) => canonical(l.text).includes(canonical(h))),
  );
  if (section === 'resume' && heading) out.fields = finish(g, [resumeEntry(g, strip, heading)]);
  const wholeText = textOf.includes(section);
  if (!FIELD_SECTIONS.has(section) && !wholeText) return out;
  const lines = sortLines([...strip.lines, ...(await readRest(ocr, strip, section, wholeText))]);
  if (FIELD_SECTIONS.has(section)) {
    const reread = rereader(ocr, g);
    out.fields = finish(g, await readColumn(g, await fieldsOf(section, lines, reread, g.height, heading), reread));
  }
  if (wholeText) out.fields.push(...finish(g, [sectionText(section, lines, g)]));
  return out;
}

/**
 * 本人经历: only whether anything is written under the table's header row — the ink below the
 * strip is checked, nothing is read.
 */
function resumeEntry(g: Grey, strip: Strip, heading: Line): FieldDraft {
  // The header row: the first row of print under the heading (起止年月 …); entries start below it.
  const under = strip.boxes.filter((b) => b.y > heading.box.y + heading.box.h);
  const rowTop = Math.min(...under.map((b) => b.y));
  const row = under.filter((b) => b.y < rowTop + heading.box.h * 0.5);
  const top = row.length ? Math.max(...row.map((b) => b.y + b.h)) : heading.box.y + heading.box.h * 3;
  const region = { x: g.width * 0.08, y: top + heading.box.h * 0.2, w: g.width * 0.84, h: g.height * 0.35 };
  return {
    kind: 'entry',
    role: '本人经历',
    text: '（空白）',
    value: 'empty',
    confidence: 0,
    box: heading.box,
    emptyRegion: region,
  };
}

/**
 * PP-OCR's ordinary pipeline, the benchmark's baseline: the detector on the whole page at its
 * default size, then every line found recognised. Returns how many lines were read.
 */
export async function ordinaryOcr(ocr: BaselineOcr, g: Grey, lines: OrdinaryOcr): Promise<number> {
  const boxes = await ocr.detect(g, DETECTION.defaultMaxSide);
  return (lines === 'ppocr' ? await ocr.readAsPpocr(g, boxes) : await readLines(ocr, g, boxes)).length;
}

/** Empty entries checked against the ink in their space; each field given its evidence region. */
function finish(g: Grey, drafts: FieldDraft[]): PageRead['fields'] {
  return drafts.map(({ emptyRegion, ...f }) => {
    if (f.kind === 'courseColumn') return { ...f, crop: pad(f.box, 0, g) };
    const crop = pad(emptyRegion ? union(f.box, emptyRegion) : f.box, f.box.h * 0.6, g);
    if (!emptyRegion) return { ...f, crop };
    const ink = inkFraction(g, emptyRegion, f.box.h * 1.5);
    if (ink < READER.emptyInk) return { ...f, confidence: 0.95, crop };
    // Some ink where nothing was read: faint or tiny writing, or a speck. Neither empty nor written.
    if (ink < READER.someInk) return { ...f, value: null, text: '（看不清）', confidence: 0, crop };
    return { ...f, value: f.kind === 'signature' ? 'signed' : 'filled', text: '（有字迹）', confidence: 0.5, crop };
  });
}

function pad(r: Rect, by: number, g: Grey): Rect {
  const x = Math.max(0, r.x - by),
    y = Math.max(0, r.y - by);
  return { x, y, w: Math.min(g.width, r.x + r.w + by) - x, h: Math.min(g.height, r.y + r.h + by) - y };
}
