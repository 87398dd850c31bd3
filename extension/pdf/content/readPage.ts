import type { PageSectionFacts, ReadField, Rotation } from '../../../shared/pdf/content/facts';
import { CONFIDENCE, DETECTION } from '../../../shared/pdf/content/thresholds';
import { fieldsOf, FIELD_SECTIONS, type FieldDraft, type Reread } from './fields';
import { canonical, readLines, sureness, union, type Line } from './lines';
import type { TextBox } from './ocr/detect';
import { cropGrey, rotateGrey, type Grey, type Rect } from './ocr/grey';
import type { Ocr } from './ocr/models';
import { sectionOf } from './section';
import { SECTION_MARKS } from '../../../shared/pdf/content/sections';

/**
 * Reads one page, reading only what is needed: its section from a strip across the top (turning
 * the page when the strip names nothing: a page scanned upside down or sideways), then — on the
 * pages that carry fields — the page's text boxes, recognising only lines short enough to be a
 * label or an entry (a paragraph of 入团志愿 is never read, only seen to be there).
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

export async function readPage(ocr: Ocr, page: Grey, pageNumber: number): Promise<PageRead> {
  let first: { g: Grey; rotation: Rotation; lines: Line[]; strip: Rect } | undefined;
  for (const rotation of TURNS) {
    const g = rotateGrey(page, rotation);
    const scale = DETECTION.pageMaxSide / Math.max(g.width, g.height);
    const strip = { x: 0, y: 0, w: g.width, h: Math.round(g.height * DETECTION.stripFraction) };
    const sg = cropGrey(g, strip);
    const boxes = await ocr.detect(sg, Math.round(Math.max(sg.width, sg.height) * scale));
    const { lines, found } = await stripSection(ocr, sg, boxes);
    first ??= { g, rotation, lines, strip };
    if (found.section) return readFields(ocr, g, pageNumber, rotation, lines, found, scale);
    // Text read surely is the right way up: turning the page would not name a section either.
    if (lines.some((l) => l.text.length >= 3 && sureness(l) >= CONFIDENCE.value)) break;
    // Sideways pages are rare; a portrait page that names nothing is tried upside down only.
    if (rotation === 180 && g.width < g.height) break;
  }
  // No strip named a section (the cover prints its title mid-page): the whole page, as scanned.
  const g = first!.g;
  const lines = await readShortLines(ocr, g, await ocr.detect(g, DETECTION.pageMaxSide));
  const found = sectionOf(lines);
  const read: PageRead = {
    section: {
      page: pageNumber,
      section: found.section,
      confidence: found.confidence,
      rotation: 0,
      marks: found.marks,
    },
    fields: [],
    upright: g,
  };
  if (found.section && FIELD_SECTIONS.has(found.section))
    read.fields = finish(g, await fieldsOf(found.section, lines, rereader(ocr, g)));
  return read;
}

async function readFields(
  ocr: Ocr,
  g: Grey,
  pageNumber: number,
  rotation: Rotation,
  stripLines: Line[],
  found: ReturnType<typeof sectionOf>,
  scale: number,
): Promise<PageRead> {
  const section = found.section!;
  const out: PageRead = {
    section: { page: pageNumber, section, confidence: found.confidence, rotation, marks: found.marks },
    fields: [],
    upright: g,
  };
  const heading = stripLines.find((l) =>
    SECTION_MARKS[section].heading.some((h) => canonical(l.text).includes(canonical(h))),
  );
  if (section === 'resume') {
    // 本人经历: only whether anything is written under the header row: boxes, no reading.
    const header = stripLines.filter((l) => l !== heading).reduce((m, l) => Math.max(m, l.box.y + l.box.h), 0);
    const boxes = await ocr.detect(g, Math.round(Math.max(g.width, g.height) * scale));
    const written = boxes.filter((b) => b.y > Math.max(header, heading ? heading.box.y + heading.box.h : 0) + 4);
    if (written.length === 0 && heading)
      out.fields.push(
        ...finish(g, [
          {
            kind: 'entry',
            role: '本人经历',
            text: '（空白）',
            value: 'empty',
            confidence: 0,
            box: heading.box,
            emptyRegion: {
              x: heading.box.x - g.width * 0.3,
              y: heading.box.y + heading.box.h * 3,
              w: g.width * 0.8,
              h: g.height * 0.3,
            },
          },
        ]),
      );
    return out;
  }
  if (!FIELD_SECTIONS.has(section)) return out;
  const boxes = await ocr.detect(g, Math.round(Math.max(g.width, g.height) * scale));
  const lines = await readShortLines(ocr, g, boxes);
  out.fields = finish(
    g,
    await fieldsOf(
      section,
      lines,
      rereader(ocr, g),
      lines.find((l) => heading && overlaps(l.box, heading.box)) ?? heading,
    ),
  );
  return out;
}

const rereader =
  (ocr: Ocr, g: Grey): Reread =>
  async (line, charset) => ({ ...(await ocr.read(g, line.box, charset)), box: line.box });

/**
 * The strip's section, reading its tallest boxes first (a heading is the largest print on the
 * page) and stopping once a heading word names a section: most pages need one or two readings.
 */
async function stripSection(
  ocr: Ocr,
  g: Grey,
  boxes: TextBox[],
): Promise<{ lines: Line[]; found: ReturnType<typeof sectionOf> }> {
  const order = boxes.filter((b) => b.w < g.width * 0.6).sort((a, b) => b.h - a.h);
  const lines: Line[] = [];
  let found = sectionOf(lines);
  for (const box of order) {
    lines.push(...(await readLines(ocr, g, [box])));
    found = sectionOf(lines);
    if (found.section && found.marks.some((m) => SECTION_MARKS[found.section!].heading.includes(m))) break;
  }
  return { lines: lines.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x), found };
}

const overlaps = (a: Rect, b: Rect) =>
  Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y);

/** Lines no wider than a label and its entry: a paragraph line (over 60 % of the page) is not read. */
async function readShortLines(ocr: Ocr, g: Grey, boxes: TextBox[]): Promise<Line[]> {
  const short = boxes.filter((b) => b.w < g.width * 0.6 || b.h > g.height * 0.03);
  return readLines(ocr, g, short);
}

/** Empty entries checked against the ink in their space; each field given its evidence region. */
function finish(g: Grey, drafts: FieldDraft[]): PageRead['fields'] {
  return drafts.map(({ emptyRegion, ...f }) => {
    const crop = pad(emptyRegion ? union(f.box, emptyRegion) : f.box, f.box.h * 0.6, g);
    if (!emptyRegion) return { ...f, crop };
    const ink = inkFraction(g, emptyRegion);
    // Writing the detector missed (faint, tiny) is still writing: unsure, and then no finding.
    return ink < 0.002
      ? { ...f, confidence: 0.95, crop }
      : ink < 0.01
        ? { ...f, confidence: 0.5, crop }
        : { ...f, value: 'signed', confidence: 0.5, crop };
  });
}

function pad(r: Rect, by: number, g: Grey): Rect {
  const x = Math.max(0, r.x - by),
    y = Math.max(0, r.y - by);
  return { x, y, w: Math.min(g.width, r.x + r.w + by) - x, h: Math.min(g.height, r.y + r.h + by) - y };
}

/**
 * Share of a region's pixels that are ink (clearly darker than its paper), rows crossed by a long
 * dark run (a printed rule, the signature's underline) left out.
 */
export function inkFraction(g: Grey, r: Rect): number {
  const c = cropGrey(g, r);
  const sorted = Uint8Array.from(c.data).sort();
  const paper = sorted[Math.floor(sorted.length * 0.9)] ?? 255;
  const cut = paper * 0.6;
  let ink = 0,
    counted = 0;
  for (let y = 0; y < c.height; y++) {
    let run = 0,
      longest = 0,
      dark = 0;
    for (let x = 0; x < c.width; x++) {
      const d = c.data[y * c.width + x]! < cut;
      run = d ? run + 1 : 0;
      if (run > longest) longest = run;
      if (d) dark++;
    }
    if (longest > c.width * 0.3) continue;
    ink += dark;
    counted += c.width;
  }
  return counted ? ink / counted : 0;
}
