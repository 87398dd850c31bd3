/**
 * The host's own words in an element, without what the extension added: its marks and bars all
 * carry a `laa-` class (extension/core/table.ts OWN_CLASS, extension/core/styles.ts).
 */
import type { Locator } from 'playwright-core';

export const EXTENSION_NODES = '[class^="laa-"], [class*=" laa-"], [data-laa-mark]';

/** Each matched element's text with the extension's nodes removed, whitespace collapsed. */
export function hostTexts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll(
    (els, own) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll(own).forEach((n) => n.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    EXTENSION_NODES,
  );
}
