/** Where a callback's error goes: the feature's `fail` (it stops alone), else the console. */
export type OnError = (error: unknown) => void;
const quiet: OnError = (e) => console.debug('[团员电子档案助手]', e);

/**
 * The element observer: calls back once for every element matching a selector, those present
 * now and those the host adds later (dialogs, re-rendered lists), until the signal aborts.
 */
export function observeElements<E extends Element = HTMLElement>(
  root: ParentNode & Node,
  selector: string,
  signal: AbortSignal,
  onElement: (el: E) => void,
  onError: OnError = quiet,
): void {
  if (signal.aborted) return;
  const seen = new WeakSet<Element>();
  const scan = () => {
    for (const el of root.querySelectorAll<E>(selector)) {
      if (seen.has(el)) continue;
      seen.add(el);
      try {
        onElement(el);
      } catch (e) {
        onError(e);
      }
    }
  };
  const mo = new MutationObserver((records) => {
    if (records.some((r) => r.addedNodes.length > 0 || r.type === 'characterData')) scan();
  });
  mo.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => mo.disconnect(), { once: true });
  scan();
}

/** Resolves with the first value `probe` finds, checking on every DOM change; null after the timeout. */
export function waitForElement<T>(
  root: Node,
  probe: () => T | null,
  signal: AbortSignal,
  timeoutMs = 10_000,
): Promise<T | null> {
  return new Promise((resolve) => {
    const first = probe();
    if (first) return resolve(first);
    let done = false;
    const finish = (v: T | null) => {
      if (done) return;
      done = true;
      mo.disconnect();
      clearTimeout(timer);
      resolve(v);
    };
    const mo = new MutationObserver(() => {
      const v = probe();
      if (v) finish(v);
    });
    mo.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['style', 'class'],
    });
    const timer = setTimeout(() => finish(probe()), timeoutMs);
    signal.addEventListener('abort', () => finish(null), { once: true });
  });
}

/** Calls `onChange` now and after every burst of DOM changes (coalesced), until the signal aborts. */
export function watchDom(root: Node, signal: AbortSignal, onChange: () => void, onError: OnError = quiet): void {
  if (signal.aborted) return;
  let queued = false;
  const run = () => {
    queued = false;
    if (signal.aborted) return;
    try {
      onChange();
    } catch (e) {
      onError(e);
    }
  };
  const mo = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    setTimeout(run, 0);
  });
  mo.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => mo.disconnect(), { once: true });
  run();
}
