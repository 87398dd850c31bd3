/**
 * How many times each vocabulary entry matches on the page showing now: what the contract test
 * checks against each entry's proof and what the page diagnosis reports. Self-contained (no
 * imports, no closures over module state) so a test can run it inside a page with
 * `page.evaluate(countTerms, …)`.
 */
import type { Term } from './term';

export function countTerms(vocabulary: Readonly<Record<string, Term>>, path: string): Record<string, number> {
  const norm = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '').replace(/[:：]$/, '');
  const found = new Map<string, Element[]>();
  const elementsOf = (id: string): Element[] => {
    const known = found.get(id);
    if (known) return known;
    const t = vocabulary[id];
    const out = new Set<Element>();
    found.set(id, []);
    if (t?.kind === 'selector') {
      const roots: ParentNode[] = t.within ? elementsOf(t.within) : [document];
      for (const root of roots) {
        try {
          for (const el of root.querySelectorAll(t.value)) out.add(el);
        } catch {
          /* a selector the browser cannot read matches nothing */
        }
      }
    }
    const list = [...out];
    found.set(id, list);
    return list;
  };
  const ownText = (el: Element) =>
    Array.from(el.childNodes, (n) => (n.nodeType === 3 ? (n.textContent ?? '') : '')).join('');
  const counts: Record<string, number> = {};
  for (const [id, t] of Object.entries(vocabulary)) {
    if (t.kind === 'selector') counts[id] = elementsOf(id).length;
    else if (t.kind === 'route') counts[id] = new RegExp(t.value).test(path) ? 1 : 0;
    else if (t.kind === 'pattern') {
      const re = new RegExp(t.value);
      counts[id] = elementsOf(t.within).filter((el) => re.test(el.textContent ?? '')).length;
    } else {
      const wanted = t.value.map(norm);
      const candidates = t.within ? elementsOf(t.within) : Array.from(document.body.querySelectorAll('*'));
      counts[id] = candidates.filter((el) => {
        const text = norm(t.within ? (el.textContent ?? '') : ownText(el));
        return t.match === 'includes' ? wanted.some((w) => text.includes(w)) : wanted.includes(text);
      }).length;
    }
  }
  return counts;
}
