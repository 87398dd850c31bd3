import type { Issue, Severity } from '../types';
import type { ContentIssueCode, Evidence } from './codes';
import type { ContentFacts, FieldKind, ReadField } from './facts';
import { CONFIDENCE } from './thresholds';

/** A reading a rule may fail a file on: it parsed, and every character it rests on was read surely. */
export const isSure = (f: ReadField): boolean => f.value !== null && f.confidence >= CONFIDENCE.value;

/** `fail` when every reading the finding rests on is sure, else `warn`. */
export const severityOf = (fields: readonly ReadField[]): Severity => (fields.every(isSure) ? 'fail' : 'warn');

export function evidenceOf(facts: ContentFacts, fields: readonly ReadField[]): Evidence[] {
  return fields.map((f) => ({
    page: f.page,
    box: f.box,
    crop: f.crop === undefined ? '' : (facts.crops[f.crop] ?? ''),
    read: f.text,
  }));
}

export function issue(
  facts: ContentFacts,
  code: ContentIssueCode,
  severity: Severity,
  message: string,
  fields: readonly ReadField[],
): Issue {
  const page = fields[0]?.page;
  return { code, severity, ...(page ? { page } : {}), message, evidence: evidenceOf(facts, fields) };
}

/** Fields of a kind that parsed to a value. */
export function valued(facts: ContentFacts, kind: FieldKind, role?: string): ReadField[] {
  return facts.fields.filter((f) => f.kind === kind && f.value !== null && (role === undefined || f.role === role));
}
