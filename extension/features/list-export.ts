/**
 * Exports the rows as seen, with what the marks mean as columns: CSV with a UTF-8 BOM (so Excel
 * and WPS read the Chinese headers), or xlsx built by exceljs in an extension page loaded only
 * when asked — exceljs never enters what is injected into the host page.
 */
import { browser } from 'wxt/browser';
import { button } from '../core/bar';
import { defineFeature } from '../core/feature';
import { PAGE_LABELS } from '../model/pages';
import type { MemberRow } from '../core/rows';
import { EXPORT_HEADERS, exportRecord, NumbersSeen, type ExportRecord } from './verdicts';
import type { ChinaDate } from '../../shared/domain/types';

const cell = (v: string) =>
  /[",\r\n]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v;

/** CSV text, BOM first, CRLF line ends; formula-like cells are defused. */
export function toCsv(records: readonly ExportRecord[]): string {
  const lines = [EXPORT_HEADERS.join(','), ...records.map((r) => EXPORT_HEADERS.map((h) => cell(r[h])).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function download(doc: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Builds the xlsx in the extension's export page (a hidden frame), which posts the bytes back. */
async function buildXlsx(doc: Document, records: ExportRecord[], sheet: string): Promise<ArrayBuffer> {
  const src = browser.runtime.getURL('/export.html');
  const origin = new URL(src).origin;
  const frame = doc.createElement('iframe');
  frame.className = 'laa-root';
  frame.style.display = 'none';
  frame.src = src;
  try {
    return await new Promise<ArrayBuffer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('生成 Excel 超时')), 30_000);
      const onMessage = (e: MessageEvent) => {
        if (e.origin !== origin || e.source !== frame.contentWindow) return;
        const data = e.data as { type?: string; bytes?: ArrayBuffer; error?: string };
        if (data.type === 'ready')
          frame.contentWindow!.postMessage({ type: 'xlsx', headers: [...EXPORT_HEADERS], records, sheet }, origin);
        if (data.type === 'xlsx' || data.type === 'error') {
          clearTimeout(timer);
          window.removeEventListener('message', onMessage);
          if (data.bytes) resolve(data.bytes);
          else reject(new Error(data.error ?? '生成 Excel 失败'));
        }
      };
      window.addEventListener('message', onMessage);
      doc.body.append(frame);
    });
  } finally {
    frame.remove();
  }
}

function fileName(pageLabel: string, today: ChinaDate, ext: string): string {
  return `${pageLabel}-${today}.${ext}`;
}

export default defineFeature({
  id: 'list-export',
  label: '导出本页',
  description:
    '把列表中看到的团员连同检查结果导出为 Excel（xlsx）或 CSV（带 BOM，Excel、WPS 可直接打开），表头为中文。',
  pages: ['memberDatabase', 'subordinateDatabase', 'cadreDatabase', 'transfer'],
  init({ lists, doc, visit }) {
    const seen = new NumbersSeen();
    let latest: { rows: readonly MemberRow[]; today: ChinaDate; hidden: (r: MemberRow) => boolean } | null = null;
    const label = PAGE_LABELS[visit.pageType];
    const records = () =>
      latest ? latest.rows.filter((r) => !latest!.hidden(r)).map((r) => exportRecord(r, latest!.today, seen)) : [];
    const placed = new WeakSet<HTMLElement>();
    lists.onPass((pass) => {
      seen.add(pass.rows);
      latest = { rows: pass.rows, today: pass.today, hidden: pass.isHidden };
      const section = pass.section(80);
      if (placed.has(section)) return;
      placed.add(section);
      const msg = doc.createElement('span');
      msg.className = 'laa-msg';
      const csv = button(doc, '导出 CSV', () => {
        download(
          doc,
          new Blob([toCsv(records())], { type: 'text/csv;charset=utf-8' }),
          fileName(label, pass.today, 'csv'),
        );
      });
      const xlsx = button(doc, '导出 Excel', () => {
        msg.className = 'laa-msg';
        msg.textContent = '正在生成…';
        buildXlsx(doc, records(), label)
          .then((bytes) => {
            download(
              doc,
              new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
              fileName(label, pass.today, 'xlsx'),
            );
            msg.textContent = '';
          })
          .catch((e: Error) => {
            msg.className = 'laa-msg laa-msg--danger';
            msg.textContent = `${e.message}，请改用“导出 CSV”`;
          });
      });
      section.append(csv, xlsx, msg);
    });
  },
});
