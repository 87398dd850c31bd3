/**
 * `npm run -s profile:content`: where the content reader's time goes on a page, in Node (the
 * shipped models on onnxruntime-web's wasm, one thread, as in the extension's workers). The forms
 * are h14b's generator's (scanner, phone and scan-app families), made once in Chromium and cached;
 * each page's scan is decoded at reading size and read by extension/pdf/content/readPage.ts with its
 * model runs timed. CPU time of this process is printed beside wall time: on a loaded machine it
 * moves much less than wall time, so two versions of the reader compare fairly in the same minutes.
 * Prints per page: detector runs and ms, recogniser runs and ms, the section found; then totals, and
 * every field read (so a change that must not change readings can be diffed: PROFILE_FIELDS=1).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { detInput } from '../../extension/pdf/content/ocr/detect';
import { greyOf } from '../../extension/pdf/content/ocr/grey';
import type { Ocr } from '../../extension/pdf/content/ocr/models';
import { recLine } from '../../extension/pdf/content/ocr/recognise';
import { readPage } from '../../extension/pdf/content/readPage';
import { READER } from '../../shared/pdf/content/thresholds';
import { FIXTURE_CACHE, FixtureKit } from '../fixtures/kit';
import { CONTENT_FAMILIES, contentForm } from '../fixtures/content/generate';
import { launchWithExtension } from '../support/chromium';
import { nodeOcr } from '../support/ocrModels';

const FORMS = (process.env.PROFILE_FORMS ?? 'scanner-A-ukai:clean:71').split(',');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The forms' PDFs, generated once (Chromium draws them) and kept beside the fixture cache. */
async function formPdfs(): Promise<{ id: string; pdf: Uint8Array }[]> {
  const dir = join(FIXTURE_CACHE, 'profile');
  mkdirSync(dir, { recursive: true });
  const path = (id: string) => join(dir, `${id.replace(/[^\w-]/g, '_')}.pdf`);
  const missing = FORMS.filter((id) => !existsSync(path(id)));
  if (missing.length) {
    const b = await launchWithExtension();
    try {
      const kit = await FixtureKit.open(b.context);
      for (const id of missing) {
        const [family, defect, seed] = id.split(':');
        const f = CONTENT_FAMILIES.find((x) => x.id === family)!;
        const form = await contentForm(kit, f, defect as 'clean', Number(seed));
        writeFileSync(path(id), form.pdf);
      }
      await kit.close();
    } finally {
      await b.close();
    }
  }
  return FORMS.map((id) => ({ id, pdf: new Uint8Array(readFileSync(path(id))) }));
}

/** The JPEG scans in a generated PDF, in page order (each page is one full-page picture). */
function jpegsOf(pdf: Uint8Array): Uint8Array[] {
  const text = Buffer.from(pdf).toString('latin1');
  const out: Uint8Array[] = [];
  for (let at = text.indexOf('/DCTDecode'); at >= 0; at = text.indexOf('/DCTDecode', at + 1)) {
    const s = text.indexOf('stream', at);
    const start = s + (text[s + 6] === '\r' ? 8 : 7);
    const end = text.indexOf('endstream', start);
    out.push(pdf.slice(start, end));
  }
  return out;
}

async function greyAtReadingSize(jpeg: Uint8Array) {
  const meta = await sharp(jpeg).metadata();
  const shortPx = 210 * READER.pxPerMm;
  const scale = Math.min(1, shortPx / Math.min(meta.width!, meta.height!));
  const w = Math.round(meta.width! * scale),
    h = Math.round(meta.height! * scale);
  // In colour, as the extension's workers take it: the seal-free plane is made from it too.
  const { data } = await sharp(jpeg).resize(w, h).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return greyOf(data, w, h);
}

interface Tally {
  det: number;
  detMs: number;
  detCpu: number;
  recCpu: number;
  detPx: number;
  rec: number;
  recLines: number;
  recMs: number;
  /** Width of the recogniser's inputs (48 px high): its work grows with it. */
  recPx: number;
}

function timed(ocr: Ocr, t: Tally): Ocr {
  return {
    async detect(g, maxSide, within) {
      const t0 = performance.now(),
        c0 = cpu();
      const r = await ocr.detect(g, maxSide, within);
      t.det++;
      t.detMs += performance.now() - t0;
      t.detCpu += cpu() - c0;
      const input = detInput(g, maxSide, within);
      t.detPx += input.width * input.height;
      return r;
    },
    async read(g, boxes, charset) {
      const t0 = performance.now(),
        c0 = cpu();
      const r = await ocr.read(g, boxes, charset);
      if (process.env.PROFILE_LINES)
        r.forEach((l, i) =>
          console.log(
            `  read ${Math.round(boxes[i]!.w)}×${Math.round(boxes[i]!.h)}@${Math.round(boxes[i]!.x)},${Math.round(boxes[i]!.y)} «${l.text}»`,
          ),
        );
      t.recCpu += cpu() - c0;
      t.rec++;
      t.recLines += boxes.length;
      t.recPx += boxes.reduce((n, b) => n + recLine(g, b).line.width, 0);
      t.recMs += performance.now() - t0;
      return r;
    },
  };
}

const ocr = await nodeOcr();
{
  const paper = { width: 64, height: 48, data: new Uint8Array(64 * 48).fill(255) };
  await ocr.detect(paper, 64);
  await ocr.read(paper, [{ x: 0, y: 0, w: 64, h: 48 }]);
}
const round = Math.round;
const all: Tally = { det: 0, detMs: 0, detCpu: 0, detPx: 0, rec: 0, recLines: 0, recMs: 0, recCpu: 0, recPx: 0 };
let wall = 0,
  cpuMs = 0;
const fields: string[] = [];
for (const { id, pdf } of await formPdfs()) {
  const jpegs = jpegsOf(pdf);
  for (let i = 0; i < jpegs.length; i++) {
    const g = await greyAtReadingSize(jpegs[i]!);
    const t: Tally = { det: 0, detMs: 0, detCpu: 0, detPx: 0, rec: 0, recLines: 0, recMs: 0, recCpu: 0, recPx: 0 };
    const c0 = cpu(),
      w0 = performance.now();
    const read = await readPage(timed(ocr, t), g, i + 1);
    const w = performance.now() - w0,
      c = cpu() - c0;
    wall += w;
    cpuMs += c;
    for (const k of Object.keys(all) as (keyof Tally)[]) all[k] += t[k];
    console.log(
      `${id} p${i + 1} ${read.section.section ?? '?'}@${read.section.rotation}: ${round(w)} ms (cpu ${round(c)}) · ` +
        `det ${t.det}× ${round(t.detMs)} ms (cpu ${round(t.detCpu)}, ${round(t.detPx / 1000)} kpx) · ` +
        `rec ${t.rec}× ${t.recLines} lines ${round(t.recPx)} px ${round(t.recMs)} ms (cpu ${round(t.recCpu)}) · ` +
        `${read.fields.length} fields`,
    );
    for (const f of read.fields)
      fields.push(
        `${id} p${i + 1} ${f.kind}:${f.role} = ${JSON.stringify(f.value)} (${f.confidence.toFixed(2)}) «${f.text}»`,
      );
  }
}
console.log(
  `total: ${round(wall)} ms (cpu ${round(cpuMs)}) · det ${all.det}× ${round(all.detMs)} ms (cpu ${round(all.detCpu)}) · ` +
    `rec ${all.rec}× ${all.recLines} lines ${round(all.recPx)} px ${round(all.recMs)} ms (cpu ${round(all.recCpu)}) · ` +
    `det ${round(all.detPx / 1000)} kpx · load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
);
if (process.env.PROFILE_FIELDS) for (const f of fields) console.log(f);
