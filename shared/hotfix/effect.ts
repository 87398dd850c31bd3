/**
 * What a hotfix document asks of one extension version, without the schema (zod stays out of the
 * content script, which receives only this). format.ts checks a document; this merges its rules.
 */

/** A rule as format.ts's schema leaves it (defaults filled in). */
export interface RuleData {
  versions: { min?: string | undefined; max?: string | undefined };
  disable: readonly { feature: string; reason: string }[];
  headerAliases: Readonly<Record<string, readonly string[]>>;
  selectors: Readonly<Record<string, string>>;
  notice?: string | undefined;
}

export interface PayloadData {
  serial: number;
  expiresAt: string;
  notice?: string | undefined;
  rules: readonly RuleData[];
}

/** `1.2.10` > `1.2.9`: dotted numbers compared part by part, a missing part counting as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

export function ruleApplies(rule: RuleData, version: string): boolean {
  const { min, max } = rule.versions;
  return (!min || compareVersions(version, min) >= 0) && (!max || compareVersions(version, max) <= 0);
}

/** What a document asks of one extension version: every rule for that version, merged. */
export interface HotfixEffect {
  serial: number;
  expiresAt: string;
  /** Feature id → why it is switched off (reasons of several rules joined). */
  disabled: Record<string, string>;
  /** Column entry id → extra header texts. */
  headerAliases: Record<string, string[]>;
  /** Entry id → the selector that replaces its own (a later rule wins). */
  selectors: Record<string, string>;
  notices: string[];
}

export function effectFor(payload: PayloadData, version: string): HotfixEffect {
  const effect: HotfixEffect = {
    serial: payload.serial,
    expiresAt: payload.expiresAt,
    disabled: {},
    headerAliases: {},
    selectors: {},
    notices: payload.notice ? [payload.notice] : [],
  };
  for (const rule of payload.rules) {
    if (!ruleApplies(rule, version)) continue;
    for (const { feature, reason } of rule.disable)
      effect.disabled[feature] = effect.disabled[feature] ? `${effect.disabled[feature]}；${reason}` : reason;
    for (const [entry, texts] of Object.entries(rule.headerAliases))
      effect.headerAliases[entry] = [...new Set([...(effect.headerAliases[entry] ?? []), ...texts])];
    Object.assign(effect.selectors, rule.selectors);
    if (rule.notice) effect.notices.push(rule.notice);
  }
  return effect;
}

/** Nothing changed: what the extension uses with no document (or none for its version). */
export const NO_EFFECT: HotfixEffect = {
  serial: 0,
  expiresAt: '',
  disabled: {},
  headerAliases: {},
  selectors: {},
  notices: [],
};
