import type { FileFacts } from '../../shared/pdf/facts';
import { PdfDocument, type PageRef } from './parser/document';
import { PdfStructureError } from './parser/objects';
import { findStartXref } from './parser/xref';

/** What the bytes are when they are not a PDF: the message names it. */
export function sniff(bytes: Uint8Array): FileFacts['looksLike'] {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (bytes[0] === 0x89 && head.startsWith('\u0089png')) return 'png';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<head') || head.includes('<body'))
    return 'html';
  const sample = bytes.subarray(0, 512);
  if (sample.length > 0 && sample.every((c) => c === 9 || c === 10 || c === 13 || c >= 32)) return 'text';
  return 'unknown';
}

function findHeader(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length, 1024);
  for (let i = 0; i + 5 <= limit; i++)
    if (
      bytes[i] === 0x25 &&
      bytes[i + 1] === 0x50 &&
      bytes[i + 2] === 0x44 &&
      bytes[i + 3] === 0x46 &&
      bytes[i + 4] === 0x2d
    )
      return i;
  return -1;
}

export interface QuickResult {
  file: FileFacts;
  doc?: PdfDocument;
  pages: PageRef[];
}

/**
 * The file-level facts: type, size, encryption, page count — read straight from the structure
 * (xref, trailer, page tree), without pdf.js and without touching any image.
 */
export async function readFileFacts(input: Uint8Array, maxPages: number): Promise<QuickResult> {
  const file: FileFacts = {
    bytes: input.length,
    isPdf: false,
    corrupt: false,
    needsPassword: false,
    ownerPasswordOnly: false,
    pageCount: null,
  };
  if (input.length === 0) return { file, pages: [] };
  const header = findHeader(input);
  if (header < 0) return { file: { ...file, looksLike: sniff(input) }, pages: [] };
  file.isPdf = true;
  // Offsets count from the header when junk precedes it (as viewers assume).
  const bytes = header > 0 ? input.subarray(header) : input;
  // No startxref in the tail: the file was cut off (an interrupted download or copy).
  if (findStartXref(bytes) === null)
    return { file: { ...file, corrupt: true, corruptReason: '文件不完整，可能在下载或复制时被截断' }, pages: [] };
  const opened = await PdfDocument.open(bytes);
  if (opened.kind === 'corrupt') return { file: { ...file, corrupt: true, corruptReason: opened.reason }, pages: [] };
  if (opened.kind === 'needsPassword') return { file: { ...file, needsPassword: true }, pages: [] };
  file.ownerPasswordOnly = opened.ownerPasswordOnly;
  try {
    const { count, pages } = await opened.doc.pages(maxPages);
    if (count === 0) return { file: { ...file, corrupt: true, corruptReason: '没有页面' }, pages: [] };
    file.pageCount = count;
    return { file, doc: opened.doc, pages };
  } catch (e) {
    return {
      file: { ...file, corrupt: true, corruptReason: e instanceof PdfStructureError ? e.message : '页面树无法读取' },
      pages: [],
    };
  }
}
