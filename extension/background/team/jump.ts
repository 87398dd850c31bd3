/**
 * From the popup to the member in 智慧团建: the host has no per-member address, so the
 * background opens (or brings forward) a 智慧团建 tab and leaves the member there for the page's
 * content script, which opens the right list and runs the host's own search
 * (extension/features/popup-jump.ts, with the sign-in prompt list's mechanism).
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../../messaging/client';
import type { Jump, MemberItem } from '../../messaging/teamViews';

const KEY = 'team.jumps';
/** A jump not taken within this time (the admin signed in much later, say) is dropped. */
const JUMP_TTL_MS = 10 * 60_000;
export const HOST_TABS = ['https://zhtj.youth.cn/zhtj/*', 'https://m.zhtj.youth.cn/zhtj/*'];
export const HOST_HOME = 'https://zhtj.youth.cn/zhtj/center/home';

async function readJumps(): Promise<Record<string, Jump>> {
  return ((await browser.storage.session.get(KEY))[KEY] as Record<string, Jump> | undefined) ?? {};
}

export function jumpFor(m: MemberItem, now: number): Jump {
  return {
    name: m.masked ? '' : m.name,
    devNumber: m.devNumber,
    orgName: m.orgName,
    isCadre: m.isCadre,
    own: m.own,
    at: now,
  };
}

export async function openMember(m: MemberItem, now = Date.now()): Promise<number> {
  const jump = jumpFor(m, now);
  if (!jump.devNumber && !jump.name)
    throw new Error('这名团员没有发展团员编号，姓名也未共享：请在智慧团建中按身份证号查询');
  const tabs = await browser.tabs.query({ url: HOST_TABS });
  const tab = tabs.find((t) => t.active) ?? tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  let tabId: number;
  if (tab?.id !== undefined) {
    tabId = tab.id;
    await save(tabId, jump);
    await browser.tabs.update(tabId, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
    // The page's script picks it up now; if the tab shows no known page, it does on the next one.
    await sendToTab(tabId, 'teamJumpNow', {}).catch(() => {});
  } else {
    const created = await browser.tabs.create({ url: HOST_HOME, active: true });
    tabId = created.id!;
    await save(tabId, jump);
  }
  return tabId;
}

async function save(tabId: number, jump: Jump): Promise<void> {
  const all = await readJumps();
  all[tabId] = jump;
  await browser.storage.session.set({ [KEY]: all });
}

/** The tab's jump, taken once. */
export async function takeJump(tabId: number | undefined, now = Date.now()): Promise<Jump | null> {
  if (tabId === undefined) return null;
  const all = await readJumps();
  const jump = all[tabId];
  if (!jump) return null;
  delete all[tabId];
  await browser.storage.session.set({ [KEY]: all });
  return now - jump.at <= JUMP_TTL_MS ? jump : null;
}
