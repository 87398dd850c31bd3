/**
 * Builds an xlsx for the member-list export (features/list-export.ts). Loaded in a hidden frame
 * only when the admin asks for Excel, so exceljs never enters the host page's injected script.
 * Answers only its parent frame, with the bytes of the workbook.
 */
import ExcelJS from 'exceljs';

interface XlsxRequest {
  type: 'xlsx';
  headers: string[];
  records: Record<string, string>[];
  sheet: string;
}

export async function buildWorkbook(req: Pick<XlsxRequest, 'headers' | 'records' | 'sheet'>): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '团员电子档案助手';
  const ws = wb.addWorksheet(req.sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || '团员');
  ws.columns = req.headers.map((h) => ({ header: h, key: h, width: Math.max(10, h.length * 2 + 4) }));
  for (const r of req.records) ws.addRow(req.headers.map((h) => r[h] ?? ''));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // exceljs answers with a Buffer view in the browser build: hand over a plain ArrayBuffer.
  const out = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  return out instanceof ArrayBuffer ? out : new Uint8Array(out).buffer;
}

window.addEventListener('message', (e: MessageEvent) => {
  if (e.source !== window.parent) return;
  const req = e.data as XlsxRequest;
  if (req?.type !== 'xlsx' || !Array.isArray(req.headers) || !Array.isArray(req.records)) return;
  buildWorkbook(req)
    .then((bytes) => window.parent.postMessage({ type: 'xlsx', bytes }, e.origin, [bytes]))
    .catch((err: Error) =>
      window.parent.postMessage({ type: 'error', error: `生成 Excel 失败：${err.message}` }, e.origin),
    );
});
if (window.parent !== window) window.parent.postMessage({ type: 'ready' }, '*');
