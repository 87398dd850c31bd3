/**
 * §4.5: changing an uploaded 《入团志愿书》 needs the upper committee's approval. An organisation's
 * admin asks here (choosing the member from the team's records); the committee above approves or
 * rejects with a reason (§3.3.1), and the decision is kept in the team's audit log.
 */
import { useEffect, useState } from 'react';
import type { MemberItem, ModificationItem, TeamStatus } from '../../../messaging/teamViews';
import { sendToBackground } from '../../../messaging/client';
import { Message, useAction } from './ui';

const STATUS = { open: '待审批', approved: '已同意', rejected: '已驳回' } as const;

function who(m: ModificationItem): string {
  if (!m.member) return m.memberKey;
  return `${m.member.name}（${m.member.devNumber ?? '无编号'}）· ${m.member.orgName}`;
}

function Decide({ item, onDone }: { item: ModificationItem; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const { busy, msg, run } = useAction();
  async function decide(decision: 'approve' | 'reject') {
    const r = await run(
      () =>
        sendToBackground('teamDecideModification', {
          id: item.id,
          decision,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        }),
      (d) =>
        d.state === 'sent'
          ? decision === 'approve'
            ? '已同意'
            : '已驳回'
          : d.state === 'queued'
            ? `已记录，连上同步服务后自动提交${d.message ? `（${d.message}）` : ''}`
            : `同步服务拒绝了这个决定：${d.message}`,
    );
    if (r?.state === 'sent') onDone();
  }
  return (
    <div style={{ marginTop: 6 }}>
      <div className="row">
        <input
          type="text"
          placeholder="审批意见（驳回时必填）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          style={{ flex: 1 }}
          name="decisionReason"
        />
        <button type="button" className="btn primary small" disabled={busy} onClick={() => void decide('approve')}>
          同意
        </button>
        <button
          type="button"
          className="btn danger small"
          disabled={busy || !reason.trim()}
          title={reason.trim() ? '' : '驳回须写明理由'}
          onClick={() => void decide('reject')}
        >
          驳回
        </button>
      </div>
      <Message msg={msg} />
    </div>
  );
}

function RequestForm({ onDone }: { onDone: () => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<MemberItem[] | null>(null);
  const [chosen, setChosen] = useState<MemberItem | null>(null);
  const [reason, setReason] = useState('');
  const { busy, msg, setMsg, run } = useAction();

  async function find() {
    setChosen(null);
    const by = /^\d{6,}$/.test(q.trim()) ? 'devNumber' : 'name';
    const r = await sendToBackground('teamSearch', { by, q });
    if (!r.ok) return setMsg({ text: r.error, ok: false });
    setFound(r.data.source === 'worker' ? r.data.members : []);
    if (r.data.source !== 'worker') setMsg({ text: '暂时无法连接同步服务：修改申请需要连上后提交', ok: false });
  }

  async function submit() {
    if (!chosen) return;
    const r = await run(
      () => sendToBackground('teamRequestModification', { memberKey: chosen.key, reason }),
      () => '已提交，等待上级团委审批',
    );
    if (r) {
      setReason('');
      setChosen(null);
      setFound(null);
      setQ('');
      onDone();
    }
  }

  return (
    <div className="box" style={{ marginTop: 10 }}>
      <div className="row">
        <input
          type="text"
          placeholder="团员姓名或发展团员编号"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ flex: 1 }}
          name="modMember"
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void find())}
        />
        <button type="button" className="btn" onClick={() => void find()} disabled={!q.trim()}>
          查找团员
        </button>
      </div>
      {found && !found.length && <p className="muted">没有找到：请确认该团员的名单已同步到团队。</p>}
      {found && found.length > 0 && (
        <div style={{ marginTop: 8 }}>
          {found.slice(0, 10).map((m) => (
            <label
              key={m.key}
              style={{ display: 'flex', gap: 8, fontSize: 13, padding: '3px 0', cursor: 'pointer' }}
              data-mod-member={m.key}
            >
              <input type="radio" name="modChosen" checked={chosen?.key === m.key} onChange={() => setChosen(m)} />
              {m.name}（{m.devNumber ?? '无编号'}）· {m.orgName} · 入团 {m.joinedOn}
            </label>
          ))}
        </div>
      )}
      {chosen && (
        <div style={{ marginTop: 8 }}>
          <textarea
            rows={2}
            placeholder="申请理由：如“首页发展团员编号与系统不一致，需重新扫描上传”"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            name="modReason"
            style={{ fontFamily: 'inherit' }}
          />
          <div className="row" style={{ marginTop: 6, justifyContent: 'flex-end' }}>
            <button
              type="button"
              className="btn primary"
              disabled={busy || reason.trim().length < 2}
              onClick={() => void submit()}
            >
              提交修改申请
            </button>
          </div>
        </div>
      )}
      <Message msg={msg} />
    </div>
  );
}

export function Modifications({ status }: { status: TeamStatus }) {
  const [items, setItems] = useState<ModificationItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const ownOrg = status.connection?.org.id;
  const load = async () => {
    const r = await sendToBackground('teamModifications', {});
    if (r.ok) setItems(r.data);
    else setError(r.error);
  };
  useEffect(() => {
    void load();
  }, []);

  const open = items?.filter((m) => m.status === 'open') ?? [];
  const decided = items?.filter((m) => m.status !== 'open').slice(0, 10) ?? [];
  return (
    <div>
      <h3>
        电子档案修改申请（§4.5）
        <button type="button" className="btn small" style={{ marginLeft: 10 }} onClick={() => setAsking(!asking)}>
          {asking ? '收起' : '提出修改申请'}
        </button>
      </h3>
      {asking && <RequestForm onDone={() => void load()} />}
      <div className="box" style={{ marginTop: 10 }} data-modifications>
        {error && <p className="msg bad">{error}</p>}
        {!items && !error && <p className="muted">正在读取…</p>}
        {items && !open.length && <p className="muted">没有待审批的修改申请。</p>}
        {open.map((m) => (
          <div key={m.id} style={{ padding: '8px 0', borderBottom: '1px solid #ebeef5' }} data-modification={m.id}>
            <div style={{ fontSize: 13 }}>
              <b>{who(m)}</b> <span className="pill warn">{STATUS[m.status]}</span>
            </div>
            <div className="muted">
              理由：{m.reason} · {new Date(m.requestedAt).toLocaleString('zh-CN')} · {m.requestedBy}
            </div>
            {status.connection?.role === 'committee' && m.orgId !== ownOrg ? (
              <Decide item={m} onDone={() => void load()} />
            ) : (
              <div className="muted">等待上级团委审批</div>
            )}
          </div>
        ))}
        {decided.length > 0 && (
          <details style={{ marginTop: 10 }}>
            <summary style={{ cursor: 'pointer', fontSize: 13, color: '#1d62c9' }}>最近已处理的申请</summary>
            {decided.map((m) => (
              <div key={m.id} style={{ padding: '6px 0', fontSize: 13 }} data-modification={m.id}>
                {who(m)} <span className={`pill ${m.status === 'approved' ? 'on' : 'bad'}`}>{STATUS[m.status]}</span>
                {m.decisionReason && <span className="muted"> 审批意见：{m.decisionReason}</span>}
              </div>
            ))}
          </details>
        )}
      </div>
    </div>
  );
}
