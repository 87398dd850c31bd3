import sharp from 'sharp';
import type { Grey } from '../../extension/pdf/content/ocr/grey';

/** Kai (handwriting-like) and Song (print) faces installed with the fonts the tests rely on. */
export const KAI = 'AR PL UKai CN';
export const KAI_GB = 'AR PL KaitiM GB';
export const PRINT = 'Noto Serif CJK SC';

export interface TextRun {
  text: string;
  x: number;
  y: number;
  size: number;
  font?: string;
  colour?: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * A small greyscale picture with text drawn on paper (SVG rendered by librsvg through sharp, with
 * the system's CJK fonts): the reader's unit tests read crops like these instead of whole pages.
 */
export async function textPicture(width: number, height: number, runs: TextRun[], rule?: number): Promise<Grey> {
  const body = runs
    .map(
      (r) =>
        `<text x="${r.x}" y="${r.y}" font-family="${r.font ?? KAI}" font-size="${r.size}" fill="${r.colour ?? '#1b2a80'}">${escape(r.text)}</text>`,
    )
    .join('');
  const line = rule ? `<line x1="0" y1="${rule}" x2="${width}" y2="${rule}" stroke="#222" stroke-width="2"/>` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f7f4ec"/>${line}${body}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}
