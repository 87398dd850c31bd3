import { groupIssues, keptFindings } from '../../shared/pdf/grouping';
import type { PreflightReport } from '../../shared/pdf/types';
import type { PreflightSummary } from '../messaging/preflight';

/**
 * What is kept of a report: the file's hash, size, pages, verdict, codes and the findings with their
 * pages (grouped as the panel shows them) — never the file, its pictures or the messages.
 */
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
    findings: keptFindings(groupIssues(report.issues)),
    ...(fix ? { fix } : {}),
  };
}
