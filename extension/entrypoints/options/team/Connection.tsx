/**
 * Joining the team's sync service with the worker's address and an invite code; renewing the
 * token; leaving. The token and the hashing key stay in the background: this page never sees them.
 */
import { useState } from 'react';
import { ORG_TYPE_NAMES } from '../../../../shared/domain/orgTypes';
import type { TeamStatus } from '../../../messaging/teamViews';
import { sendToBackground } from '../../../messaging/client';
import { CopyButton, dateText, Message, ROLE_WORDS, useAction } from './ui';

function SyncState({ status }: { status: TeamStatus }) {
  const { sync } = status;
  const queued = sync.waiting.rows + sync.waiting.requests;
  return (
    <dl className="kv" style={{ marginTop: 12 }} data-sync-state>
      <dt>上次同步</dt>
      <dd>{sync.lastSyncAt ? new Date(sync.lastSyncAt).toLocaleString('zh-CN') : '尚未同步'}</dd>
      <dt>待同步</dt>
      <dd data-waiting={queued}>{queued ? `${queued} 项（保存在本机，连上后自动补传）` : '无'}</dd>
      {sync.unplaced > 0 && (
        <>
          <dt>待组织导入</dt>
          <dd>
            {sync.unplaced} 条记录所在的组织不在团队组织树中：{sync.unplacedOrgs.join('、')}
            。请上级团委在下方“组织树”中导入这些组织，导入后自动补传。
          </dd>
        </>
      )}
      {sync.waiting.rejected > 0 && (
        <>
          <dt>被拒绝</dt>
          <dd>{sync.waiting.rejected} 项，详情见工具栏弹出窗口底部</dd>
        </>
      )}
      {sync.lastError && (
        <>
          <dt>最近的问题</dt>
          <dd style={{ color: '#b7791f' }}>{sync.lastError}</dd>
        </>
      )}
    </dl>
  );
}

export function Connection({ status, onChange }: { status: TeamStatus; onChange: (s: TeamStatus) => void }) {
  const [baseUrl, setBaseUrl] = useState('');
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const { busy, msg, setMsg, run } = useAction();
  const conn = status.connection;

  async function join(e: React.FormEvent) {
    e.preventDefault();
    const s = await run(() => sendToBackground('teamConnect', { baseUrl, code, label }));
    if (s?.connection) {
      setCode('');
      setMsg({ text: `已连接：${s.connection.org.name}（${ROLE_WORDS[s.connection.role]}）`, ok: true });
      onChange(s);
    }
  }

  async function leave() {
    const waiting = status.sync.waiting.rows + status.sync.waiting.requests;
    const warn = waiting ? `\n还有 ${waiting} 项尚未同步，会保留在本机，重新连接同一团队后补传。` : '';
    if (!confirm(`断开与团队的连接并撤销本机令牌？${warn}\n已读取的团员名单仍保留在本机。`)) return;
    const r = await run(
      () => sendToBackground('teamDisconnect', { revoke: true }),
      (d) => (d.warning ? `已断开。${d.warning}` : '已断开并撤销本机令牌'),
    );
    if (r) onChange(await sendToBackground('teamStatus', {}));
  }

  async function renew() {
    const s = await run(
      () => sendToBackground('teamRenew', {}),
      (d) => `已续期至 ${dateText(d.connection?.expiresAt)}`,
    );
    if (s) onChange(s);
  }

  async function syncNow() {
    onChange(await sendToBackground('teamSyncNow', {}));
  }

  return (
    <section aria-labelledby="team-connection">
      <h2 id="team-connection">团队同步</h2>
      <p className="lead">
        连接上级团委部署的同步服务后，团队中各组织的上传时限汇总到一起：上级能看到下级的进度，提醒和审批记录共享。不连接也能完整使用（本机模式）。
      </p>
      <div className="box">
        {conn ? (
          <>
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <div>
                <span className="pill on">已连接</span> <b data-connected-org>{conn.org.name}</b>
                <span className="muted">（{ORG_TYPE_NAMES[conn.org.type]}）</span>
              </div>
              <div className="row">
                <button type="button" className="btn" onClick={() => void syncNow()}>
                  立即同步
                </button>
                <button type="button" className="btn" disabled={busy} onClick={() => void renew()}>
                  续期一年
                </button>
                <button type="button" className="btn danger" disabled={busy} onClick={() => void leave()}>
                  断开连接
                </button>
              </div>
            </div>
            <dl className="kv" style={{ marginTop: 12 }}>
              <dt>团队</dt>
              <dd>{conn.tenant.name}</dd>
              <dt>权限</dt>
              <dd data-role={conn.role}>{ROLE_WORDS[conn.role]}</dd>
              <dt>本机名称</dt>
              <dd>{conn.label}</dd>
              <dt>同步服务</dt>
              <dd>
                <code>{conn.baseUrl}</code>
              </dd>
              <dt>令牌有效期至</dt>
              <dd>{dateText(conn.expiresAt)}</dd>
            </dl>
            <SyncState status={status} />
          </>
        ) : (
          <form onSubmit={(e) => void join(e)}>
            <div className="grid2">
              <label className="f">
                同步服务地址
                <input
                  type="url"
                  required
                  placeholder="https://sync.example.org"
                  value={baseUrl}
                  onChange={(e) => setBaseUrl(e.target.value)}
                  name="baseUrl"
                />
              </label>
              <label className="f">
                邀请码（上级管理员提供，只能用一次）
                <input
                  type="text"
                  required
                  placeholder="XXXXX-XXXXX-XXXXX-XXXXX"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  name="code"
                  autoComplete="off"
                  spellCheck={false}
                />
              </label>
            </div>
            <div className="row" style={{ marginTop: 10, alignItems: 'flex-end' }}>
              <label className="f" style={{ flex: 1 }}>
                本机名称（在团队的令牌列表和审计记录中显示）
                <input
                  type="text"
                  required
                  placeholder="如：张老师的办公电脑"
                  value={label}
                  onChange={(e) => setLabel(e.target.value)}
                  name="label"
                />
              </label>
              <button type="submit" className="btn primary" disabled={busy}>
                {busy ? '正在连接…' : '连接团队'}
              </button>
            </div>
            <p className="muted" style={{ marginTop: 12, lineHeight: 1.7 }}>
              连接成功后会显示邀请码对应的组织和权限。若提示无法连接，请把本扩展的来源{' '}
              <code data-origin>{status.origin}</code> <CopyButton text={status.origin} />{' '}
              交给部署同步服务的管理员，加入同步服务的 ALLOWED_ORIGINS（或由最上级团委在团队设置中添加）。
            </p>
          </form>
        )}
        <Message msg={msg} />
      </div>
    </section>
  );
}
