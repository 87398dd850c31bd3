/**
 * An element of ours with a shadow root of its own and its CSS inside: the host's styles and ours
 * never meet. `marker` is the data attribute that finds it again (and tells our own DOM apart).
 */
export function shadowHost(doc: Document, marker: string, css: string): { host: HTMLDivElement; root: ShadowRoot } {
  const host = doc.createElement('div');
  host.className = 'laa-root';
  host.setAttribute(marker, '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
