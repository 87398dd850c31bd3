/**
 * A PDF's pages and the pictures on them, read with the preflight engine's own parser (the same
 * placement, resolution and rotation the check measured), with each picture's object number so
 * pdf-lib can replace it in place.
 */
import { readPageContent, type PlacedImage } from '../pdf/parser/content';
import type { PdfDocument } from '../pdf/parser/document';
import { readFileFacts } from '../pdf/quick';

export interface ScannedPage {
  /** 1-based. */
  page: number;
  widthPt: number;
  heightPt: number;
  /** The picture covering most of the page, when one does. */
  main?: PlacedImage;
  images: PlacedImage[];
  /** Text or vector drawing on the page (not only a scan). */
  drawn: boolean;
}

export interface ScannedPdf {
  doc: PdfDocument;
  pages: ScannedPage[];
  /** Raw (decrypted) bytes of a picture's stream. */
  raw(img: PlacedImage): Promise<Uint8Array>;
}

export async function scanPdf(bytes: Uint8Array, maxPages = 2000): Promise<ScannedPdf> {
  const quick = await readFileFacts(bytes, maxPages);
  if (quick.file.needsPassword) throw new Error('文件设置了打开密码，请先去掉密码');
  if (!quick.doc || !quick.file.pageCount)
    throw new Error(
      quick.file.isPdf
        ? `文件无法读取${quick.file.corruptReason ? `（${quick.file.corruptReason}）` : ''}`
        : '不是 PDF 文件',
    );
  if (quick.file.pageCount > quick.pages.length) throw new Error(`页数过多（${quick.file.pageCount} 页）`);
  const doc = quick.doc;
  const pages: ScannedPage[] = [];
  for (let i = 0; i < quick.pages.length; i++) {
    const c = await readPageContent(doc, quick.pages[i]!, i + 1);
    const main = c.images.reduce<PlacedImage | undefined>((a, b) => (!a || b.coverage > a.coverage ? b : a), undefined);
    pages.push({
      page: i + 1,
      widthPt: c.facts.widthPt,
      heightPt: c.facts.heightPt,
      ...(main && main.coverage >= 0.5 ? { main } : {}),
      images: c.images,
      drawn: c.facts.visibleTextOps > 0 || c.facts.vectorOps > 0,
    });
  }
  return { doc, pages, raw: (img) => doc.rawStream(img.stream) };
}

/** A picture that can be re-encoded from its own bytes: a plain JPEG in an indirect object. */
export function isPlainJpeg(img: PlacedImage): boolean {
  return (
    img.kind === 'jpeg' &&
    !!img.stream.ref &&
    img.components !== 4 &&
    !img.stream.dict.has('Decode') &&
    !img.stream.dict.has('SMask') &&
    !img.stream.dict.has('Mask')
  );
}
