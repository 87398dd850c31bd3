/**
 * 修复通知 in the options page: the signed document in force (what it switches off, the words and
 * selectors it adds, why), the documents refused, and the address to fetch one from besides the
 * team's worker — the browser asks the admin to allow that address first.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { FEATURES } from '../../../features';
import { sendToBackground } from '../../../messaging/client';
import type { HotfixState } from '../../../messaging/health';

const labelOf = (id: string) => FEATURES.find((f) => f.id === id)?.label ?? id;
const when = (ms: number | null) => (ms ? new Date(ms).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '');

/** The address's origin, for the browser's permission prompt. */
function originPattern(url: string): string | null {
  try {
    return `${new URL(url).origin}/*`;
  } catch {
    return null;
  }
}

function InForce({ state }: { state: HotfixState }) {
  const { kept, effect } = state;
  if (!kept) return <p className="lead">目前没有修复通知。</p>;
  const disabled = Object.entries(effect.disabled);
  const words = Object.entries(effect.headerAliases);
  const selectors = Object.entries(effect.selectors);
  return (
    <div data-hotfix-kept={kept.serial}>
      <p>
        编号 {kept.serial}，有效至 {kept.expiresAt.slice(0, 10)}，来自 {kept.source}（最近确认：{when(kept.confirmedAt)}
        ）
      </p>
      {state.dormant && <p className="msg bad">{state.dormant}</p>}
      {effect.notices.map((n) => (
        <p key={n} className="msg ok">
          {n}
        </p>
      ))}
      {disabled.length > 0 && (
        <ul data-hotfix-disabled>
          {disabled.map(([id, why]) => (
            <li key={id}>
              暂停“{labelOf(id)}”：{why}
            </li>
          ))}
        </ul>
      )}
      {words.length > 0 && (
        <ul>
          {words.map(([id, texts]) => (
            <li key={id}>
              {id} 另认：{texts.join('、')}
            </li>
          ))}
        </ul>
      )}
      {selectors.length > 0 && (
        <ul>
          {selectors.map(([id, s]) => (
            <li key={id}>
              {id} 改用选择器 <code>{s}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function HotfixSection({ onChange }: { onChange: (s: HotfixState) => void }) {
  const [state, setState] = useState<HotfixState | null>(null);
  const [url, setUrl] = useState('');
  const [msg, setMsg] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const show = setState;
  useEffect(() => {
    void sendToBackground('hotfixState', {}).then((s) => {
      setState(s);
      setUrl(s.url ?? '');
    });
  }, []);
  useEffect(() => {
    if (state) onChange(state);
  }, [state, onChange]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setMsg(null);
    const clean = url.trim();
    if (clean) {
      const pattern = originPattern(clean);
      if (!pattern) return setMsg({ text: '地址格式不正确，应为 https:// 开头的完整网址', ok: false });
      // Asked here, on the admin's click: the browser shows its own prompt.
      const allowed = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
      if (!allowed) return setMsg({ text: '没有获得访问该地址的许可，地址未保存', ok: false });
    }
    setBusy(true);
    try {
      const r = await sendToBackground('hotfixSetUrl', { url: clean || null });
      if (!r.ok) return setMsg({ text: r.error, ok: false });
      show(r.state);
      setMsg({ text: clean ? '已保存，并已检查一次' : '已清除地址', ok: true });
    } finally {
      setBusy(false);
    }
  }

  async function refresh() {
    setBusy(true);
    try {
      show(await sendToBackground('hotfixRefresh', {}));
      setMsg({ text: '已检查', ok: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="hotfix-title" data-hotfix>
      <h2 id="hotfix-title">修复通知</h2>
      <p className="lead">
        智慧团建改版后，助手的发布者可以发出签名的修复通知：暂停出问题的功能、补充新的表头文字。助手每隔几小时从团队的同步服务（及下面的地址）获取，离线时沿用最近一份
        30 天；签名不对、已过期或编号更旧的通知会被忽略并列在下面。修复通知不能开启您关闭的功能。
      </p>
      <div className="box">
        {state ? <InForce state={state} /> : <p className="lead">正在读取…</p>}
        {state && state.refusals.length > 0 && (
          <>
            <h3>已忽略的通知</h3>
            <ul data-hotfix-refusals>
              {state.refusals.map((r) => (
                <li key={`${r.source}${r.at}`}>
                  {when(r.at)} · {r.source}：{r.message}
                </li>
              ))}
            </ul>
          </>
        )}
        <form className="row" onSubmit={(e) => void save(e)}>
          <input
            name="hotfixUrl"
            placeholder="另一个获取地址（可选），如 https://example.org/hotfix.json"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            style={{ flex: 1, minWidth: 260 }}
          />
          <button type="submit" className="btn" disabled={busy}>
            保存地址
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void refresh()}>
            立即检查
          </button>
        </form>
        {state?.checkedAt && <p className="lead">上次检查：{when(state.checkedAt)}</p>}
        {msg && (
          <p className={`msg ${msg.ok ? 'ok' : 'bad'}`} role="status">
            {msg.text}
          </p>
        )}
      </div>
    </section>
  );
}
