/** Small pieces shared by the team sections of the options page. */
import { useState } from 'react';
import type { Reply } from '../../../messaging/teamViews';
import { errorText } from '../../../../shared/errorText';

export type Msg = { text: string; ok: boolean } | null;

export function Message({ msg }: { msg: Msg }) {
  if (!msg) return null;
  return (
    <p className={`msg ${msg.ok ? 'ok' : 'bad'}`} role="status">
      {msg.text}
    </p>
  );
}

/** Runs a background call, with a busy flag and its message; answers the data or null. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);
  async function run<T>(call: () => Promise<Reply<T>>, ok?: (data: T) => string): Promise<T | null> {
    setBusy(true);
    setMsg(null);
    try {
      const r = await call();
      if (!r.ok) {
        setMsg({ text: r.error, ok: false });
        return null;
      }
      if (ok) setMsg({ text: ok(r.data), ok: true });
      return r.data;
    } catch (err) {
      setMsg({ text: `操作失败：${errorText(err)}`, ok: false });
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, msg, setMsg, run };
}

export function CopyButton({ text, label = '复制' }: { text: string; label?: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="btn small"
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => {
            setDone(true);
            setTimeout(() => setDone(false), 1500);
          },
          () => setDone(false),
        )
      }
    >
      {done ? '已复制' : label}
    </button>
  );
}

export const ROLE_WORDS = { committee: '团委管理员（本级及下级）', branch: '组织管理员（仅本组织）' } as const;

export function dateText(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
}
