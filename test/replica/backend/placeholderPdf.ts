import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/**
 * A stand-in for a generated member's scanned 《入团志愿书》: 12 A4 pages with ruled boxes and
 * the 编号 in digits. pdf-lib's standard fonts have no Chinese, so the labels are in Latin script.
 */
export async function placeholderForm(opts: { userCode: string; pages?: number }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = opts.pages ?? 12;
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 40, y: 40, width: 515, height: 762, borderColor: rgb(0.55, 0.1, 0.1), borderWidth: 1.5 });
    if (i === 1) page.drawText(`No. ${opts.userCode}`, { x: 380, y: 770, size: 14, font });
    page.drawText('RUTUAN ZHIYUANSHU (DEMO)', { x: 150, y: 700, size: 22, font, color: rgb(0.55, 0.1, 0.1) });
    for (let y = 640; y > 90; y -= 28)
      page.drawLine({ start: { x: 70, y }, end: { x: 525, y }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
    page.drawText(`${i} / ${pages}`, { x: 280, y: 55, size: 10, font });
  }
  return doc.save();
}
