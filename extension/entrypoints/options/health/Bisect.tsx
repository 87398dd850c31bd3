/**
 * 找出有问题的功能 in the options page: halves the features the admin has on until the one behind
 * a problem is found (see ./bisect.ts), the admin checking the 智慧团建 page after each step, then
 * puts the admin's own switches back. The search survives closing this page (storage.local).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { FEATURES } from '../../../features';
import { sendToBackground } from '../../../messaging/client';
import { featureOn } from '../../../model/settings';
import { answer, halfOn, isResult, startBisect, stepsFor, switchesFor, type Bisect as State } from './bisect';

const KEY = 'bisect';
const ALL = FEATURES.map((f) => f.id);
const labelOf = (id: string) => FEATURES.find((f) => f.id === id)?.label ?? id;

async function saveState(s: State | null): Promise<void> {
  if (s) await browser.storage.local.set({ [KEY]: s });
  else await browser.storage.local.remove(KEY);
}

/** Every feature's switch exactly as the admin had it (an unlisted feature was on). */
const restoreSwitches = (saved: Record<string, boolean>) =>
  Object.fromEntries(ALL.map((id) => [id, saved[id] !== false]));

export function Bisect({ onSwitches }: { onSwitches: () => void }) {
  const [state, setState] = useState<State | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void browser.storage.local.get(KEY).then((got) => setState((got[KEY] as State | undefined) ?? null));
  }, []);

  async function apply(next: State) {
    await sendToBackground('setSettings', { features: switchesFor(next, ALL) });
    await saveState(next);
    setState(next);
    onSwitches();
  }

  async function finish(culprit: string | null | undefined, s: State) {
    await sendToBackground('setSettings', { features: restoreSwitches(s.saved) });
    await saveState(null);
    setState(null);
    onSwitches();
    setDone(
      culprit === undefined
        ? '已结束，并恢复了您原来的功能开关。'
        : culprit
          ? `找到了：问题由“${labelOf(culprit)}”引起。已恢复您原来的功能开关；可在上方关闭该功能，并把“页面诊断”的结果发给负责维护的同事。`
          : '关闭全部功能后问题仍在：问题不是助手的功能引起的（可能是智慧团建本身）。已恢复您原来的功能开关。',
    );
  }

  async function begin() {
    setBusy(true);
    setDone(null);
    try {
      const [settings, hotfix] = await Promise.all([
        sendToBackground('getSettings', {}),
        sendToBackground('hotfixState', {}),
      ]);
      const enabled = ALL.filter((id) => featureOn(settings, id) && !hotfix.effect.disabled[id]);
      if (!enabled.length) return setDone('没有开启的功能，无需查找。');
      await apply(startBisect(enabled, settings.features));
    } finally {
      setBusy(false);
    }
  }

  async function reply(problemStill: boolean) {
    if (!state) return;
    setBusy(true);
    try {
      const next = answer(state, problemStill);
      if (isResult(next)) await finish(next.culprit, state);
      else await apply(next);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="bisect-title" data-bisect>
      <h2 id="bisect-title">找出有问题的功能</h2>
      <p className="lead">
        智慧团建页面显示不正常、而您怀疑是助手引起时：助手每次只开启一半功能，请刷新智慧团建页面后告诉它问题是否还在，最多{' '}
        {stepsFor(ALL.length)} 步就能找到是哪一项；结束后恢复您原来的设置。
      </p>
      <div className="box">
        {!state && (
          <div className="row">
            <button type="button" className="btn" disabled={busy} onClick={() => void begin()}>
              开始查找
            </button>
          </div>
        )}
        {state && (
          <>
            <p data-bisect-step>
              第 {state.asked + 1} 步（最多 {stepsFor(state.candidates.length) + state.asked} 步）：现在只开启了
              {halfOn(state).length ? `“${halfOn(state).map(labelOf).join('”“')}”` : '（没有开启任何功能）'}
              。请刷新智慧团建页面，问题还在吗？
            </p>
            <div className="row">
              <button type="button" className="btn" disabled={busy} onClick={() => void reply(true)}>
                问题还在
              </button>
              <button type="button" className="btn" disabled={busy} onClick={() => void reply(false)}>
                问题不见了
              </button>
              <button type="button" className="btn" disabled={busy} onClick={() => void finish(undefined, state)}>
                结束并恢复设置
              </button>
            </div>
          </>
        )}
        {done && (
          <p className="msg ok" role="status" data-bisect-result>
            {done}
          </p>
        )}
      </div>
    </section>
  );
}
