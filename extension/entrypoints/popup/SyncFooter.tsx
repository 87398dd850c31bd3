/** The sync state in one quiet line: last sync, what waits, the last error, refused requests. */
import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import type { RejectedView, TeamStatus } from '../../messaging/teamViews';
import { sendToBackground } from '../../messaging/client';
import { agoText } from './look';

export function SyncFooter({
  status,
  onRejected,
  onSync,
}: {
  status: TeamStatus | null;
  onRejected: () => void;
  onSync: () => void;
}) {
  if (!status) return null;
  const { connection, sync } = status;
  if (!connection) {
    return (
      <footer className="foot">
        <span className="dot off" />
        <span>本机模式：数据只保存在本浏览器</span>
        <button type="button" style={{ marginLeft: 'auto' }} onClick={() => void browserOptions()}>
          连接团队
        </button>
      </footer>
    );
  }
  const queued = sync.waiting.rows + sync.waiting.requests;
  const bad = sync.needsAuth || !!sync.lastError;
  return (
    <footer className="foot" data-sync>
      <span className={`dot ${bad ? 'bad' : ''}`} />
      <span title={sync.lastSyncAt ? new Date(sync.lastSyncAt).toLocaleString('zh-CN') : undefined}>
        同步于 {agoText(sync.lastSyncAt)}
      </span>
      {queued > 0 && <span data-waiting={queued}>· 待同步 {queued} 项</span>}
      {sync.unplaced > 0 && (
        <span className="warn" title={`这些组织尚不在团队组织树中：${sync.unplacedOrgs.join('、')}`}>
          · {sync.unplaced} 条待组织导入
        </span>
      )}
      {sync.needsAuth && <span className="warn">· 令牌失效，请在设置页续期或重新连接</span>}
      {!sync.needsAuth && sync.lastError && (
        <span className="warn" title={sync.lastError}>
          · 暂未连上，稍后自动重试
        </span>
      )}
      {sync.waiting.rejected > 0 && (
        <button type="button" className="warn" onClick={onRejected}>
          · {sync.waiting.rejected} 项被拒绝
        </button>
      )}
      <button type="button" style={{ marginLeft: 'auto' }} onClick={onSync}>
        立即同步
      </button>
    </footer>
  );
}

function browserOptions() {
  return browser.runtime.openOptionsPage();
}

export function RejectedList({ onBack }: { onBack: () => void }) {
  const [items, setItems] = useState<RejectedView[] | null>(null);
  useEffect(() => {
    void sendToBackground('teamRejected', {}).then(setItems);
  }, []);
  async function dismiss(seq: number) {
    await sendToBackground('teamDismissRejected', { seq });
    setItems((xs) => xs?.filter((x) => x.seq !== seq) ?? null);
  }
  return (
    <>
      <div className="list-head">
        <button type="button" className="back" onClick={onBack}>
          ‹ 返回
        </button>
        <h2>同步服务拒绝的内容</h2>
      </div>
      <p className="note">
        这些内容同步服务没有接受（同一批的其他内容已同步），不会自动重发。请按提示在智慧团建中核对后重新读取名单；读过说明后可移除。
      </p>
      {items && !items.length && <p className="empty">没有被拒绝的内容</p>}
      {!!items?.length && (
        <ul className="members">
          {items.map((r) => (
            <li key={r.seq} className="rejected-item">
              <div className="what">{r.label}</div>
              {r.rows ? (
                <ul className="rows">
                  {r.rows.map((row, i) => (
                    <li key={i} data-refused-row>
                      <div className="what">{row.label}</div>
                      <div className="msg">{row.message}</div>
                    </li>
                  ))}
                </ul>
              ) : (
                <div className="msg">{r.message}</div>
              )}
              <button type="button" onClick={() => void dismiss(r.seq)}>
                知道了，移除
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
