/**
 * The team's own settings (the top committee only; others never see this part): whether the
 * worker keeps names at all, and which extension origins may talk to it besides the deployment's
 * ALLOWED_ORIGINS — e.g. a second browser's.
 */
import { useEffect, useState } from 'react';
import type { TeamStatus } from '../../../messaging/teamViews';
import { sendToBackground } from '../../../messaging/client';
import { Message, useAction } from './ui';

type Settings = { storeNames: boolean; allowedOrigins: string[] };

export function TenantSettings({ status }: { status: TeamStatus }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [origin, setOrigin] = useState('');
  const { busy, msg, run } = useAction();

  useEffect(() => {
    // Only the top committee may read them: for anyone else this part stays hidden.
    void sendToBackground('teamTenantSettings', {}).then((r) => r.ok && setSettings(r.data));
  }, []);
  if (!settings) return null;

  async function change(next: Partial<Settings>, done: string) {
    const r = await run(
      () => sendToBackground('teamTenantSettings', { change: next }),
      () => done,
    );
    if (r) setSettings(r);
  }

  const add = (o: string) =>
    change({ allowedOrigins: [...new Set([...settings.allowedOrigins, o.trim()])] }, `已允许 ${o.trim()}`);
  return (
    <div>
      <h3>团队设置（最上级团委）</h3>
      <div className="box">
        <label style={{ display: 'flex', gap: 8, alignItems: 'flex-start', fontSize: 13, cursor: 'pointer' }}>
          <input
            type="checkbox"
            checked={settings.storeNames}
            disabled={busy}
            name="tenantStoreNames"
            onChange={(e) => {
              if (
                !e.target.checked &&
                !confirm('关闭后同步服务将删除已保存的团员姓名，只保留脱敏姓名和加密摘要。确定吗？')
              )
                return;
              void change(
                { storeNames: e.target.checked },
                e.target.checked ? '同步服务将保存团员姓名' : '同步服务不再保存姓名，已保存的姓名已删除',
              );
            }}
          />
          <span>
            同步服务保存团员姓名
            <span className="muted" style={{ display: 'block' }}>
              关闭后整个团队只同步脱敏姓名（张*伟）和加密摘要，按完整姓名仍可查找。
            </span>
          </span>
        </label>
        <div style={{ marginTop: 12, fontSize: 13 }}>
          允许连接的扩展来源：
          {settings.allowedOrigins.length ? (
            settings.allowedOrigins.map((o) => (
              <code key={o} style={{ marginRight: 6 }}>
                {o}
              </code>
            ))
          ) : (
            <span className="muted">（仅部署时配置的 ALLOWED_ORIGINS）</span>
          )}
        </div>
        <div className="row" style={{ marginTop: 8 }}>
          <input
            type="text"
            placeholder="chrome-extension://…"
            value={origin}
            onChange={(e) => setOrigin(e.target.value)}
            style={{ flex: 1 }}
            name="allowedOrigin"
          />
          <button
            type="button"
            className="btn"
            disabled={busy || !origin.trim()}
            onClick={() => void add(origin).then(() => setOrigin(''))}
          >
            添加
          </button>
          {!settings.allowedOrigins.includes(status.origin) && (
            <button type="button" className="btn" disabled={busy} onClick={() => void add(status.origin)}>
              添加本扩展
            </button>
          )}
        </div>
        <Message msg={msg} />
      </div>
    </div>
  );
}
