/**
 * 页面诊断: a redacted structural snapshot of the page showing now, for the admin to send to
 * whoever maintains their deployment when the host changed under the extension — the tag and
 * class skeleton of the tables and dialogs, their header texts and column counts, which
 * vocabulary entries matched and which did not. Never a cell's contents, a name, a number or a
 * date: texts are kept only where they are the host's own labels, with every digit masked.
 */
import { browser } from 'wxt/browser';
import { DIAGNOSE_PAGE, type PageDiagnosis, type Skeleton } from '../messaging/health';
import { countTerms } from './count';
import { isWord, sel, vocabularyInUse, type TextsId } from './terms';

/** Digits masked (no 编号, 身份证号 or date survives), whitespace collapsed, length capped. */
export function redactText(text: string, max = 20): string {
  const t = text
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim()
    .replace(/\d/g, '#');
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** A class token as written, digits masked; anything that is not a plain class name is dropped. */
const cleanClass = (c: string) => (/^[A-Za-z_-][\w-]{0,60}$/.test(c) ? c.replace(/\d/g, '#') : null);

/** Our own nodes (marks, bar, panels) are not the host's structure. */
const isOwn = (el: Element) =>
  Array.from(el.classList).some((c) => c.startsWith('laa-')) || el.hasAttribute('data-laa-mark');

function signature(el: Element): string {
  const classes = Array.from(el.classList, cleanClass).filter(Boolean);
  return [el.tagName.toLowerCase(), ...classes].join('.');
}

/** Tags and classes, depth-limited, with runs of alike siblings folded into one line (×N). */
export function skeleton(el: Element, depth = 0, maxDepth = 9): Skeleton {
  const node: Skeleton = { tag: signature(el), count: 1, children: [] };
  if (depth >= maxDepth) return node;
  for (const child of el.children) {
    if (isOwn(child) || child.tagName === 'SCRIPT' || child.tagName === 'STYLE' || child.tagName === 'svg') continue;
    const last = node.children[node.children.length - 1];
    const s = skeleton(child, depth + 1, maxDepth);
    if (last && last.tag === s.tag && JSON.stringify(last.children) === JSON.stringify(s.children)) last.count++;
    else node.children.push(s);
  }
  return node;
}

/** A text kept only when it is one of the vocabulary's words; else only its length is said. */
function knownOrLength(text: string, ids: readonly TextsId[]): string {
  const t = text.trim();
  if (!t) return '';
  return ids.some((id) => isWord(id, t)) ? redactText(t) : `（未识别的文字，${t.length} 字）`;
}

function describeTable(el: Element): PageDiagnosis['tables'][number] {
  const header = el.querySelector(sel('table.header'));
  const leaf = header?.querySelectorAll('tr');
  const cells = leaf?.length ? Array.from(leaf[leaf.length - 1]!.children) : [];
  const rows = el.querySelector(sel('table.body'))?.querySelectorAll(sel('table.row')).length ?? 0;
  return {
    headers: cells.map((th) => redactText(th.textContent ?? '')),
    columns: cells.length,
    rows,
    skeleton: skeleton(el),
  };
}

const TITLE_WORDS: readonly TextsId[] = ['dialog.uploadTitle', 'dialog.reviewTitle'];
const LABEL_WORDS: readonly TextsId[] = [
  'descriptions.name',
  'descriptions.devNumber',
  'descriptions.joinedOn',
  'descriptions.org',
  'descriptions.idCard',
  'org.typeLabel',
  'org.nameLabel',
];
const BUTTON_WORDS: readonly TextsId[] = ['approval.approve', 'approval.reject', 'list.uploadButton', 'search.submit'];

function describeDialog(el: Element): PageDiagnosis['dialogs'][number] {
  return {
    title: knownOrLength(el.querySelector(sel('dialog.title'))?.textContent ?? '', TITLE_WORDS),
    labels: Array.from(el.querySelectorAll(sel('descriptions.label')), (l) =>
      knownOrLength(l.textContent ?? '', LABEL_WORDS),
    ),
    buttons: Array.from(el.querySelectorAll('button'), (b) => knownOrLength(b.textContent ?? '', BUTTON_WORDS)).filter(
      Boolean,
    ),
    skeleton: skeleton(el, 0, 7),
  };
}

export function diagnose(doc: Document, version: string): PageDiagnosis {
  const counts = countTerms(vocabularyInUse(), doc.location.pathname);
  const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
  return {
    tool: '团员电子档案助手 · 页面诊断',
    version,
    path: redactText(doc.location.pathname, 120),
    crumbs: Array.from(doc.querySelectorAll(sel('breadcrumb.item')), (c) => redactText(c.textContent ?? '')),
    matched: Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)),
    unmatched: Object.keys(counts).filter((id) => !counts[id]),
    tables: Array.from(doc.querySelectorAll(sel('table.root')), describeTable),
    dialogs: Array.from(doc.querySelectorAll(sel('dialog.root')))
      .filter(visible)
      .map(describeDialog),
    messageBoxes: Array.from(doc.querySelectorAll(sel('prompt.container')))
      .filter((b) => visible(b) && !b.querySelector(sel('dialog.root')))
      .map((b) => skeleton(b, 0, 6)),
  };
}

/** Answers the popup's 页面诊断 for this tab, until the content script ends. */
export function answerDiagnosis(signal: AbortSignal): void {
  const version = browser.runtime.getManifest().version;
  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== DIAGNOSE_PAGE) return undefined;
    return Promise.resolve(diagnose(document, version));
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
}
