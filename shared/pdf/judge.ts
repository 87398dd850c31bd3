import { findDuplicatePages } from './duplicates';
import type { PreflightFacts } from './facts';
import { fileIssues, hugeImageIssues } from './fileRules';
import { MESSAGES } from './messages';
import { judgeNumber, numberFormatIssues } from './numberRules';
import { isBlank, pixelIssues, structureIssues } from './pageRules';
import { GREYSCALE_MAX_CHROMA } from './thresholds';
import type { Issue, PreflightReport, Verdict } from './types';

/** `fail` if any check fails, else `warn` if any warns, else `pass`; `info` never counts. */
export function verdictOf(issues: readonly Issue[]): Verdict {
  if (issues.some((i) => i.severity === 'fail')) return 'fail';
  if (issues.some((i) => i.severity === 'warn')) return 'warn';
  return 'pass';
}

/** The file-level verdict alone (type, size, encryption, page count): the quick answer. */
export function judgeQuick(facts: Pick<PreflightFacts, 'file' | 'expectedPages'>): {
  verdict: Verdict;
  issues: Issue[];
} {
  const { issues } = fileIssues(facts.file, facts.expectedPages);
  return { verdict: verdictOf(issues), issues };
}

/** The whole report from what the engine measured. */
export function judge(facts: PreflightFacts): PreflightReport {
  const { issues, stop } = fileIssues(facts.file, facts.expectedPages);
  const sealPages: number[] = [];
  let page1Number: PreflightReport['page1Number'];
  if (!stop) {
    issues.push(...hugeImageIssues(facts.structure));
    const structural = new Set<number>();
    for (const s of facts.structure) {
      const found = structureIssues(s);
      issues.push(...found);
      // A typed or empty page has no scan to judge further.
      if (found.some((i) => i.code === 'not-scanned' || i.code === 'blank-page' || i.code === 'corrupt'))
        structural.add(s.page);
    }
    const pixels = facts.pixels.filter((p) => p !== null && !structural.has(p.page));
    for (const p of pixels) {
      if (!p) continue;
      issues.push(...pixelIssues(p));
      if (p.seal) sealPages.push(p.page);
    }
    for (const d of findDuplicatePages(pixels, isBlank))
      issues.push({ code: 'duplicate-page', severity: 'fail', page: d.page, message: MESSAGES.duplicatePage(d.of) });

    const analysed = pixels.filter((p) => p !== null);
    if (analysed.length > 0 && sealPages.length === 0) {
      const grey = analysed.every((p) => p!.chromaP99 < GREYSCALE_MAX_CHROMA);
      issues.push(
        grey
          ? { code: 'no-seal', severity: 'info', message: MESSAGES.noSealGrey() }
          : { code: 'no-seal', severity: 'fail', message: MESSAGES.noSeal() },
      );
    }
    for (const page of facts.brokenPages ?? [])
      issues.push({ code: 'corrupt', severity: 'fail', page, message: MESSAGES.corruptPage() });
    if (facts.uncheckedPages > 0)
      issues.push({
        code: 'unchecked-pages',
        severity: 'info',
        message: MESSAGES.uncheckedPages(facts.uncheckedPages),
      });

    const number = judgeNumber(facts.number, facts.member?.devNumber);
    issues.push(...number.issues);
    page1Number = number.page1Number;
  }
  issues.push(...numberFormatIssues(facts.member));
  issues.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return {
    fileName: facts.fileName,
    verdict: verdictOf(issues),
    issues,
    pages: facts.file.pageCount,
    bytes: facts.file.bytes,
    sha256: facts.sha256,
    ...(page1Number ? { page1Number } : {}),
    sealPages,
    thumbnails: facts.thumbnails,
    ms: facts.ms,
  };
}
