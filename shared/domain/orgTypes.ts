/**
 * 智慧团建's organisation types: the codes its API uses, the names its pages show (docs/host.md),
 * and what a type means for the rules. No zod here: the content script imports these.
 */
export const ORG_TYPES = ['01TZB', '02TZZ', '03TW', '04TGW', '06BYBTZB', '00DJZTZB'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_NAMES: Readonly<Record<OrgType, string>> = {
  '01TZB': '团支部',
  '02TZZ': '团总支',
  '03TW': '团委',
  '04TGW': '团工委',
  '06BYBTZB': '毕业班团支部',
  '00DJZTZB': '独立团支部',
};

export function isOrgType(x: unknown): x is OrgType {
  return typeof x === 'string' && (ORG_TYPES as readonly string[]).includes(x);
}

/** The type a page names (组织类型 on the landing page), or undefined for any other word. */
export function orgTypeNamed(name: string): OrgType | undefined {
  return ORG_TYPES.find((t) => ORG_TYPE_NAMES[t] === name.trim());
}

/** A 毕业班团支部's members are graduating: certified before their relation is transferred (§4.4, §5.4). */
export function membersGraduate(type: OrgType | null | undefined): boolean {
  return type === '06BYBTZB';
}

/**
 * The type an organisation's own name gives away, where a list shows only the name (所在团组织):
 * a 毕业班 in the name is a 毕业班团支部. Other types are not guessed from names.
 */
export function orgTypeInName(name: string): OrgType | undefined {
  return /毕业班/.test(name) ? '06BYBTZB' : undefined;
}
