/**
 * The vocabulary in use on this page: the entries of ./vocabulary, with what a signed hotfix
 * changed — more words for a texts entry, a selector replacing an entry's own. Applied once, when
 * the content script starts, before any page is judged.
 */
import { withoutSpaces } from '../../shared/domain/text';
import type { TextsTerm } from './term';
import { VOCABULARY, type PatternId, type RouteId, type SelectorId, type TermId, type TextsId } from './vocabulary';

export type { SelectorId, TextsId };

/** How host texts are compared: without spaces and a trailing colon (姓名： = 姓 名 = 姓名). */
export const normaliseWord = (s: string): string => withoutSpaces(s).replace(/[:：]$/, '');

const selectorOverrides = new Map<string, string>();
const extraWords = new Map<string, string[]>();
const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

const entry = (id: string) => (VOCABULARY as Record<string, (typeof VOCABULARY)[TermId] | undefined>)[id];

/** The entries that add words to `id` (`alias.*` with `aliasOf: id`). */
const aliasesOf = (id: string): TextsTerm[] =>
  Object.values(VOCABULARY).filter((t): t is TextsTerm & typeof t => 'aliasOf' in t && t.aliasOf === id);

export function sel(id: SelectorId): string {
  return selectorOverrides.get(id) ?? VOCABULARY[id].value;
}

/** Every word of a texts entry: its own, its aliases', a hotfix's. */
export function words(id: TextsId): readonly string[] {
  return cached(`words:${id}`, () => [
    ...VOCABULARY[id].value,
    ...aliasesOf(id).flatMap((a) => a.value),
    ...(extraWords.get(id) ?? []),
  ]);
}

const normalisedWords = (id: TextsId): ReadonlySet<string> =>
  cached(`norm:${id}`, () => new Set(words(id).map(normaliseWord)));

/** The text is one of the entry's words (spaces and a trailing colon aside). */
export function isWord(id: TextsId, text: string): boolean {
  return normalisedWords(id).has(normaliseWord(text));
}

/** The text contains one of the entry's words. */
export function hasWord(id: TextsId, text: string): boolean {
  const t = withoutSpaces(text);
  return [...normalisedWords(id)].some((w) => t.includes(w));
}

/** The entry's own first word: what the extension types or looks for when it acts as the admin would. */
export function firstWord(id: TextsId): string {
  return VOCABULARY[id].value[0];
}

/**
 * The element under `root` whose own text (not its children's) is one of the entry's words: a
 * heading found by what it says, whatever its class.
 */
export function byOwnText(root: ParentNode, id: TextsId): Element | null {
  for (const el of root.querySelectorAll('*')) {
    let own = '';
    for (const n of el.childNodes) if (n.nodeType === 3) own += n.textContent ?? '';
    if (own.trim() && isWord(id, own)) return el;
  }
  return null;
}

export function pattern(id: PatternId | RouteId): RegExp {
  return cached(`re:${id}`, () => new RegExp(VOCABULARY[id].value));
}

export interface HotfixApplied {
  applied: string[];
  ignored: { id: string; why: string }[];
}

/**
 * Takes a hotfix's words and selectors into the vocabulary. An unknown entry, a words change for
 * something that is not a texts entry, or a selector the browser cannot parse is left out and
 * said so; nothing else changes.
 */
export function applyHotfixTerms(
  change: { headerAliases: Record<string, readonly string[]>; selectors: Record<string, string> },
  canParse: (selector: string) => boolean,
): HotfixApplied {
  const out: HotfixApplied = { applied: [], ignored: [] };
  for (const [id, texts] of Object.entries(change.headerAliases)) {
    const t = entry(id);
    if (t?.kind !== 'texts' || 'aliasOf' in t) out.ignored.push({ id, why: '不是可以添加表头文字的词条' });
    else {
      extraWords.set(id, [...(extraWords.get(id) ?? []), ...texts]);
      out.applied.push(id);
    }
  }
  for (const [id, selector] of Object.entries(change.selectors)) {
    const t = entry(id);
    if (t?.kind !== 'selector') out.ignored.push({ id, why: '不是选择器词条' });
    else if (!canParse(selector)) out.ignored.push({ id, why: '选择器写法无效' });
    else {
      selectorOverrides.set(id, selector);
      out.applied.push(id);
    }
  }
  cache.clear();
  return out;
}

/** The vocabulary as the page uses it now (hotfix included): for the page diagnosis. */
export function vocabularyInUse(): Record<string, (typeof VOCABULARY)[TermId]> {
  const out: Record<string, (typeof VOCABULARY)[TermId]> = {};
  for (const [id, t] of Object.entries(VOCABULARY) as [TermId, (typeof VOCABULARY)[TermId]][]) {
    if (t.kind === 'selector') out[id] = { ...t, value: sel(id as SelectorId) } as never;
    else if (t.kind === 'texts' && !('aliasOf' in t))
      out[id] = { ...t, value: [...t.value, ...(extraWords.get(id) ?? [])] } as never;
    else out[id] = t;
  }
  return out;
}

/** Back to the shipped vocabulary (tests). */
export function resetHotfixTerms(): void {
  selectorOverrides.clear();
  extraWords.clear();
  cache.clear();
}
