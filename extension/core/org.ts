/** The organisation a page belongs to: the signed-in admin's, as the host's header names it. */
import type { OrgRef } from '../model/member';
import { isWord, sel } from '../host/terms';
import { squash } from './table';

export const UNNAMED_ORG = '本组织';

export function readSignedInOrg(doc: Document): OrgRef {
  const who = doc.querySelector(sel('org.signedIn'));
  if (who) {
    for (const n of who.childNodes) {
      if (n.nodeType !== 3) continue;
      const name = squash(n.textContent ?? '');
      if (name) return { name };
    }
  }
  return { name: UNNAMED_ORG };
}

/** The value the landing page's el-descriptions shows beside a label (组织类型, 团组织名称). */
export function readDetail(doc: Document, label: 'org.typeLabel' | 'org.nameLabel'): string | null {
  for (const el of doc.querySelectorAll(sel('descriptions.label'))) {
    if (!isWord(label, el.textContent ?? '')) continue;
    const value = el.nextElementSibling;
    if (value) return squash(value.textContent ?? '');
  }
  return null;
}
