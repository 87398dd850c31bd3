/**
 * The host vocabulary: every selector, header text, route and host message the extension relies
 * on in 智慧团建's pages, as data. Each entry says whether it is known from the real host or a
 * guess, and which replica pages prove it (test/e2e/host-vocabulary.test.ts). Code reads it
 * through ../terms.ts, where a signed hotfix can add words or replace a selector.
 */
import type { Term } from '../term';
import { DIALOG_TERMS } from './dialogs';
import { LIST_TERMS } from './lists';
import { PAGE_TERMS } from './pages';

export const VOCABULARY = { ...PAGE_TERMS, ...LIST_TERMS, ...DIALOG_TERMS } as const satisfies Record<string, Term>;

export type TermId = keyof typeof VOCABULARY;
type Of<K extends Term['kind']> = { [I in TermId]: (typeof VOCABULARY)[I]['kind'] extends K ? I : never }[TermId];
export type SelectorId = Of<'selector'>;
export type TextsId = Of<'texts'>;
export type PatternId = Of<'pattern'>;
export type RouteId = Of<'route'>;
