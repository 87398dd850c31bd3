import { PDFDocument } from 'pdf-lib';
import { drawPrintedPage } from '../../fixtures/browser/booklet/pages';
import { loadFonts, vectorPen } from '../../fixtures/vectorPen';

/**
 * A stand-in for a generated member's 《入团志愿书》: the 12 printed pages of the booklet
 * (printing A, docs/booklet.md) typed as PDF text and rules, unfilled, with the 编号 on page 1.
 * It is not a scan, which is what the upload gate's tests rely on.
 */
export async function placeholderForm(opts: { userCode: string; pages?: number }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = loadFonts();
  const pages = opts.pages ?? 12;
  for (let i = 1; i <= pages; i++) {
    const pen = vectorPen(doc.addPage([595.28, 841.89]), fonts);
    const slots = drawPrintedPage(pen, 'A', ((i - 1) % 12) + 1, 'Noto Serif CJK SC');
    const number = slots.find((s) => s.field === 'devNumber');
    if (number?.kind === 'text' && opts.userCode) {
      pen.ctx.font = `${12 * 0.3528 * pen.k}px "Noto Serif CJK SC"`;
      pen.ctx.fillText(opts.userCode, number.x * pen.k, number.y * pen.k);
    }
  }
  return doc.save();
}
