import type { PreflightReport } from '../../shared/pdf/types';
import type { PreflightSummary } from '../messaging/preflight';

/** What is kept of a report: the file's hash, size, pages, verdict and codes — never the file or its pictures. */
export function summaryOf(report: PreflightReport, fix?: string): PreflightSummary {
  return {
    fileName: report.fileName,
    sha256: report.sha256,
    bytes: report.bytes,
    pages: report.pages,
    verdict: report.verdict,
    codes: [...new Set(report.issues.map((i) => i.code))],
    page1Number: report.page1Number?.value ?? null,
    sealPages: [...report.sealPages],
    ...(fix ? { fix } : {}),
  };
}
