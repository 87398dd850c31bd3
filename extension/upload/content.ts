/**
 * The form's content joins the picture report when it arrives (issue 14): one report, one verdict
 * (the engine's, over both), the content findings after the picture's.
 */
import type { AppliedLocalRule } from '../../shared/api/localRules';
import type { ContentReport, PreflightReport } from '../../shared/pdf/types';
import type { SendFn } from '../core/feature';

export function withContent(report: PreflightReport, content: ContentReport): PreflightReport {
  const { contentPending: _pending, ...rest } = report;
  return { ...rest, verdict: content.verdict, issues: [...report.issues, ...content.issues] };
}

/** How long a check waits for the committees' local rules before it starts without them. */
const RULES_WAIT_MS = 1000;

/**
 * Committees' rules for the admin's organisation, asked of the background once per page (none when
 * the team is not connected and none were kept). The picture verdict never waits long for them.
 */
export function rulesSource(send: SendFn): () => Promise<AppliedLocalRule[]> {
  let rules: Promise<AppliedLocalRule[]> | null = null;
  return () => {
    rules ??= send('teamLocalRules', {}).catch(() => []);
    return Promise.race([rules, new Promise<AppliedLocalRule[]>((r) => setTimeout(() => r([]), RULES_WAIT_MS))]);
  };
}
