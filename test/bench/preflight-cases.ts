/**
 * The calibration's cases, as data: stains of every kind × strength × family at sizes around the
 * thresholds, seals of every kind, turned pages, and clean pages (covers, glued photos, yellowed
 * paper, grey and black-and-white scans) that must raise nothing. The calibration script runs them
 * through the engine; `npm test` runs a slice (test/e2e/preflight-marks.test.ts).
 */
import { STAIN_KINDS, STAIN_STRENGTHS, type StainKind, type StainStrength } from '../fixtures/browser/stains';
import type { Family, PageSpec } from '../fixtures/kit';
import { rng } from '../fixtures/browser/rng';

export const FAMILIES: { family: Family; role: 'tuned' | 'held out' }[] = [
  { family: 'scanner', role: 'tuned' },
  { family: 'scanapp', role: 'tuned' },
  { family: 'phone', role: 'held out' },
  { family: 'word', role: 'held out' },
];

/** Sizes (mm) each kind is drawn at: around the 10 mm and 30 mm steps, in the range the kind comes in. */
export const STAIN_SIZES: Record<StainKind, number[]> = {
  tint: [7, 14, 24, 45, 75],
  tide: [14, 24, 45, 80],
  ring: [40, 60, 75, 90],
  blot: [7, 12, 20, 35],
  smudge: [7, 14, 24, 45],
  tape: [25, 45, 70],
  foxing: [12, 20, 40],
};

/** What the size scale asks of a stain this big: nothing, a warning, or a failure. */
export function expectedFor(sizeMm: number): 'none' | 'warn' | 'fail' {
  return sizeMm >= 30 ? 'fail' : sizeMm >= 10 ? 'warn' : 'none';
}

/** Pages a stain may land on (the cover, a table, handwriting, the seal page) and a position on the sheet. */
const STAIN_PAGES = [1, 3, 4, 5, 7, 9, 11, 12];

export interface StainCase {
  kind: StainKind;
  strength: StainStrength;
  family: Family;
  size: number;
  spec: PageSpec;
}

export function stainCases(kinds: readonly StainKind[], strengths: readonly StainStrength[]): StainCase[] {
  const out: StainCase[] = [];
  for (const kind of kinds)
    for (const strength of strengths)
      for (const [f, { family }] of FAMILIES.entries())
        for (const [z, size] of STAIN_SIZES[kind].entries()) {
          // The same case keeps its seed whichever slice of the table is run.
          const seed = 1000 + STAIN_KINDS.indexOf(kind) * 1000 + STAIN_STRENGTHS.indexOf(strength) * 100 + f * 10 + z;
          const r = rng(seed);
          const margin = Math.min(60, size * 0.6 + 8);
          const x = margin + r() * (210 - 2 * margin),
            y = margin + 10 + r() * (297 - 2 * margin - 20);
          out.push({
            kind,
            strength,
            family,
            size,
            spec: {
              family,
              page: STAIN_PAGES[seed % STAIN_PAGES.length]!,
              seed: 200 + (seed % 37),
              stains: [{ kind, strength, x, y, size, seed }],
            },
          });
        }
  return out;
}

/** Clean pages: every family and every page of the form, with the things that must never be a stain. */
export interface CleanCase {
  label: string;
  base: Omit<PageSpec, 'page'>;
  /** Per-page changes (a photo on the 基本情况 page). */
  over?: Record<number, Partial<PageSpec>>;
}

const PHOTO = (colour: boolean, background: 'white' | 'blue' | 'red', seed: number) => ({
  3: { photo: { x: 150, y: 44, w: 33, h: 47, colour, background, seed } },
});

export const CLEAN_FORMS: CleanCase[] = [
  {
    label: 'scanner 300 dpi colour, colour photo',
    base: { family: 'scanner', seed: 31 },
    over: PHOTO(true, 'blue', 1),
  },
  { label: 'scanner 400 dpi colour', base: { family: 'scanner', seed: 32, dpi: 400 }, over: PHOTO(true, 'white', 2) },
  {
    label: 'scanner 200 dpi grey, b/w photo',
    base: { family: 'scanner', seed: 33, dpi: 200, colour: false },
    over: PHOTO(false, 'white', 3),
  },
  {
    label: 'scanner, yellowed paper, red-title cover',
    base: { family: 'scanner', seed: 39, paper: [236, 222, 186], cover: 'red' },
    over: PHOTO(true, 'red', 4),
  },
  {
    label: 'scan app 200 dpi, red-title cover',
    base: { family: 'scanapp', seed: 34, cover: 'red' },
    over: PHOTO(true, 'blue', 5),
  },
  {
    label: 'scan app, black and white',
    base: { family: 'scanapp', seed: 40, bw: true, colour: false },
    over: PHOTO(false, 'white', 6),
  },
  {
    label: 'scan app, yellowed paper',
    base: { family: 'scanapp', seed: 41, paper: [240, 226, 192] },
    over: PHOTO(true, 'white', 7),
  },
  {
    label: 'phone photo, cropped, red-title cover',
    base: { family: 'phone', seed: 35, cover: 'red' },
    over: PHOTO(true, 'blue', 8),
  },
  { label: 'phone photo, q 0.7', base: { family: 'phone', seed: 36, quality: 0.7 }, over: PHOTO(false, 'white', 9) },
  {
    label: 'phone photo, yellowed paper',
    base: { family: 'phone', seed: 42, paper: [238, 220, 184] },
    over: PHOTO(true, 'red', 10),
  },
  { label: 'phone photo, grey', base: { family: 'phone', seed: 43, colour: false }, over: PHOTO(false, 'blue', 11) },
  {
    label: 'Word of photos, black-title cover',
    base: { family: 'word', seed: 37, cover: 'black' },
    over: PHOTO(true, 'white', 12),
  },
  { label: 'Word of photos, grey', base: { family: 'word', seed: 38, colour: false }, over: PHOTO(false, 'white', 13) },
  {
    label: 'Word of photos, yellowed paper',
    base: { family: 'word', seed: 44, paper: [234, 220, 188] },
    over: PHOTO(true, 'blue', 14),
  },
];

/** Seals of every kind on the 上级团委 page (its own seal left off): shape × ink × strength, and where stamped. */
export type SealPlace = 'clear' | 'text' | 'signature' | 'edge';
export interface SealCase {
  shape: 'round' | 'oval';
  ink: 'red' | 'purple';
  alpha: number;
  place: SealPlace;
  family: Family;
  spec: PageSpec;
}

export const SEAL_ALPHAS = [0.1, 0.15, 0.2, 0.3, 0.5, 0.85];
const PLACES: Record<SealPlace, { x: number; y: number }> = {
  clear: { x: 140, y: 150 },
  text: { x: 90, y: 68 },
  signature: { x: 150, y: 221 },
  // Cut by the sheet's right edge: a quarter of it off the page.
  edge: { x: 201, y: 150 },
};

export function sealCases(): SealCase[] {
  const out: SealCase[] = [];
  for (const [f, { family }] of FAMILIES.entries())
    for (const shape of ['round', 'oval'] as const)
      for (const ink of ['red', 'purple'] as const) {
        const cases: [number, SealPlace][] = [
          ...SEAL_ALPHAS.map((a) => [a, 'clear'] as [number, SealPlace]),
          [0.5, 'text'],
          [0.5, 'signature'],
          [0.5, 'edge'],
        ];
        for (const [k, [alpha, place]] of cases.entries()) {
          const seed = 5000 + f * 100 + (shape === 'oval' ? 50 : 0) + (ink === 'purple' ? 20 : 0) + k;
          const size = shape === 'round' ? { w: 42, h: 42 } : { w: 44, h: 30 };
          out.push({
            shape,
            ink,
            alpha,
            place,
            family,
            spec: {
              family,
              page: 11,
              seed: 400 + (seed % 23),
              seals: false,
              stamps: [{ ...PLACES[place], ...size, ink, alpha, angle: (rng(seed)() - 0.5) * 30, seed }],
            },
          });
        }
      }
  return out;
}

/** Forms without any seal, with things a seal check might take for one: red titles, brown rings, red photo backgrounds. */
export const SEAL_LESS: CleanCase[] = [
  { label: 'scanner, red-title cover', base: { family: 'scanner', seed: 61, seals: false, cover: 'red' } },
  { label: 'scanner 200 dpi, noisy', base: { family: 'scanner', seed: 62, dpi: 200, noise: 18, seals: false } },
  {
    label: 'scan app, cup ring and red photo',
    base: { family: 'scanapp', seed: 63, seals: false },
    over: {
      ...PHOTO(true, 'red', 21),
      11: { stains: [{ kind: 'ring', strength: 'heavy', x: 120, y: 150, size: 45, seed: 63 }] },
    },
  },
  { label: 'phone, red-title cover', base: { family: 'phone', seed: 64, seals: false, cover: 'red' } },
  {
    label: 'phone q 0.6, rust tint',
    base: { family: 'phone', seed: 65, quality: 0.6, seals: false },
    over: { 10: { stains: [{ kind: 'tint', strength: 'heavy', x: 100, y: 150, size: 45, seed: 65 }] } },
  },
  { label: 'Word, yellowed paper', base: { family: 'word', seed: 66, seals: false, paper: [236, 220, 184] } },
];
