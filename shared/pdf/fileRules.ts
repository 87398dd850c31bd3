import type { FileFacts, PageStructureFacts } from './facts';
import { MESSAGES } from './messages';
import { HUGE_IMAGE_PIXELS, HUGE_IMAGE_SIDE, MAX_BYTES, SAFE_BYTES } from './thresholds';
import type { Issue } from './types';

/**
 * The file-level checks (§3.2.1, §4.1): the ones 智慧团建's own back end makes. When the file
 * cannot be opened, nothing page-level follows: `stop` says so.
 */
export function fileIssues(file: FileFacts, expectedPages: number): { issues: Issue[]; stop: boolean } {
  const issues: Issue[] = [];
  if (file.bytes === 0) return { issues: [{ code: 'empty', severity: 'fail', message: MESSAGES.empty() }], stop: true };
  if (file.bytes > MAX_BYTES)
    issues.push({ code: 'too-large', severity: 'fail', message: MESSAGES.tooLargeFail(file.bytes) });
  else if (file.bytes > SAFE_BYTES)
    issues.push({ code: 'too-large', severity: 'warn', message: MESSAGES.tooLargeWarn(file.bytes) });
  if (!file.isPdf) {
    issues.push({ code: 'not-pdf', severity: 'fail', message: MESSAGES.notPdf(file.looksLike) });
    return { issues, stop: true };
  }
  if (file.needsPassword) {
    issues.push({ code: 'encrypted', severity: 'fail', message: MESSAGES.encrypted() });
    return { issues, stop: true };
  }
  if (file.corrupt || file.pageCount === null) {
    issues.push({ code: 'corrupt', severity: 'fail', message: MESSAGES.corrupt(file.corruptReason) });
    return { issues, stop: true };
  }
  if (file.pageCount !== expectedPages) {
    const message =
      file.pageCount < expectedPages
        ? MESSAGES.pageCountMissing(file.pageCount, expectedPages)
        : MESSAGES.pageCountSurplus(file.pageCount, expectedPages);
    issues.push({ code: 'page-count', severity: 'fail', message });
  }
  return { issues, stop: file.pageCount === 0 };
}

/** An image no one scans: refuse it before anything tries to decode it. */
export function isHugeImage(img: { width: number; height: number }): boolean {
  return img.width * img.height > HUGE_IMAGE_PIXELS || img.width > HUGE_IMAGE_SIDE || img.height > HUGE_IMAGE_SIDE;
}

export function hugeImageIssues(structure: readonly PageStructureFacts[]): Issue[] {
  const issues: Issue[] = [];
  for (const p of structure) {
    const huge = p.images.find(isHugeImage);
    if (huge)
      issues.push({
        code: 'huge-image',
        severity: 'fail',
        page: p.page,
        message: MESSAGES.hugeImage(huge.width, huge.height),
      });
  }
  return issues;
}
