/**
 * Every feature the extension adds to 智慧团建's pages, each with its switch (the feature's id).
 * A change applies from the next page the admin opens (or a refresh). A feature a hotfix paused
 * says so and why; its switch stays the admin's.
 */
import { useEffect, useState } from 'react';
import { FEATURES } from '../../features';
import { sendToBackground } from '../../messaging/client';
import type { HotfixEffect } from '../../../shared/hotfix/effect';
import { featureOn, type Settings } from '../../model/settings';

const box: React.CSSProperties = {
  border: '1px solid #EBEEF5',
  borderRadius: 4,
  padding: '4px 16px',
  background: '#fff',
};
const row: React.CSSProperties = {
  display: 'flex',
  gap: 12,
  alignItems: 'flex-start',
  padding: '12px 0',
  borderBottom: '1px solid #EBEEF5',
  cursor: 'pointer',
};

export function FeatureSwitches({ hotfix, reload }: { hotfix: HotfixEffect | null; reload: number }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  useEffect(() => {
    sendToBackground('getSettings', {})
      .then(setSettings)
      .catch(() => setMessage({ text: '读取设置失败：请重新打开此页', ok: false }));
  }, [reload]);

  async function toggle(id: string, on: boolean) {
    // The switch moves at once; the saved settings follow.
    setSettings((s) => (s ? { ...s, features: { ...s.features, [id]: on } } : s));
    try {
      setSettings(await sendToBackground('setSettings', { features: { [id]: on } }));
      setMessage({ text: '已保存：打开或刷新智慧团建页面后生效', ok: true });
    } catch {
      setMessage({ text: '保存失败：请重新打开此页后再试', ok: false });
    }
  }

  if (!settings) return <p style={{ color: '#909399' }}>{message?.text ?? '正在读取设置…'}</p>;
  return (
    <section aria-labelledby="features-title">
      <h2 id="features-title" style={{ fontSize: 16, fontWeight: 500 }}>
        在“智慧团建”页面上的功能
      </h2>
      <p style={{ color: '#909399', fontSize: 13 }}>
        关闭的功能不再改动页面；团员名单仍会记在本机，供弹出窗口和团队同步使用。
      </p>
      <div style={box}>
        {FEATURES.map((f) => (
          <label key={f.id} style={row} data-feature={f.id}>
            <input
              type="checkbox"
              checked={featureOn(settings, f.id)}
              onChange={(e) => void toggle(f.id, e.target.checked)}
              style={{ marginTop: 3 }}
            />
            <span>
              <span style={{ fontSize: 14 }}>{f.label}</span>
              <span style={{ display: 'block', fontSize: 12, color: '#606266', marginTop: 4, lineHeight: 1.6 }}>
                {f.description}
              </span>
              {hotfix?.disabled[f.id] && (
                <span data-hotfixed style={{ display: 'block', fontSize: 12, color: '#E6A23C', marginTop: 4 }}>
                  已由修复通知暂停：{hotfix.disabled[f.id]}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
      {message && (
        <p role="status" style={{ fontSize: 13, color: message.ok ? '#67C23A' : '#F56C6C' }}>
          {message.text}
        </p>
      )}
    </section>
  );
}
