/**
 * Invites for organisations below (create, copy, withdraw) and the tokens in use (revoke). A code
 * shows once: the worker keeps only its hash. An unused code can be withdrawn or lapses by itself;
 * a used one became a token, revoked here.
 */
import { useEffect, useState } from 'react';
import type { OrgView } from '../../../../shared/api/orgs';
import type { InviteCreated, InviteView, TokenInfo } from '../../../../shared/api/tenancy';
import type { TeamStatus } from '../../../messaging/teamViews';
import { sendToBackground } from '../../../messaging/client';
import { CopyButton, dateText, Message, ROLE_WORDS, useAction } from './ui';

export function Invites({ orgs, status }: { orgs: OrgView[]; status: TeamStatus }) {
  const [orgId, setOrgId] = useState(orgs.find((o) => o.id !== status.connection?.org.id)?.id ?? orgs[0]?.id ?? '');
  const [role, setRole] = useState<'branch' | 'committee'>('branch');
  const [created, setCreated] = useState<InviteCreated[]>([]);
  const [tokens, setTokens] = useState<TokenInfo[] | null>(null);
  const [invites, setInvites] = useState<InviteView[] | null>(null);
  const invite = useAction();
  const inviteAction = useAction();
  const tokenAction = useAction();
  const nameOf = (id: string) => orgs.find((o) => o.id === id)?.name ?? id;

  const loadTokens = async () => {
    const r = await sendToBackground('teamTokens', {});
    if (r.ok) setTokens(r.data);
  };
  const loadInvites = async () => {
    const r = await sendToBackground('teamInvites', {});
    if (r.ok) setInvites(r.data);
  };
  useEffect(() => {
    void loadTokens();
    void loadInvites();
  }, []);

  async function create() {
    const r = await invite.run(
      () => sendToBackground('teamCreateInvite', { orgId, role, ttlDays: 14 }),
      () => '已生成邀请码：复制后发给该组织的管理员（只显示这一次）',
    );
    if (r) {
      setCreated((xs) => [r, ...xs]);
      await loadInvites();
    }
  }

  async function withdraw(i: InviteView) {
    if (!confirm(`撤销发给“${i.orgName}”的邀请码？撤销后该邀请码不能再使用。`)) return;
    const r = await inviteAction.run(
      () => sendToBackground('teamRevokeInvite', { id: i.id }),
      () => `已撤销发给“${i.orgName}”的邀请码`,
    );
    if (r) await loadInvites();
  }

  async function revoke(t: TokenInfo) {
    if (!confirm(`撤销“${t.label}”（${nameOf(t.orgId)}）的令牌？该电脑将无法再同步，需要新的邀请码才能重新连接。`))
      return;
    const r = await tokenAction.run(
      () => sendToBackground('teamRevokeToken', { id: t.id }),
      () => `已撤销“${t.label}”的令牌`,
    );
    if (r) await loadTokens();
  }

  return (
    <div>
      <h3>邀请下级管理员</h3>
      <div className="box">
        <div className="row" style={{ alignItems: 'flex-end' }}>
          <label className="f" style={{ flex: 1 }}>
            组织
            <select value={orgId} onChange={(e) => setOrgId(e.target.value)} name="inviteOrg">
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.path.join(' / ') || o.name}
                </option>
              ))}
            </select>
          </label>
          <label className="f">
            权限
            <select value={role} onChange={(e) => setRole(e.target.value as 'branch' | 'committee')} name="inviteRole">
              <option value="branch">组织管理员（仅本组织）</option>
              <option value="committee">团委管理员（本级及下级）</option>
            </select>
          </label>
          <button type="button" className="btn primary" disabled={invite.busy || !orgId} onClick={() => void create()}>
            生成邀请码
          </button>
        </div>
        <Message msg={invite.msg} />
        {created.length > 0 && (
          <table style={{ marginTop: 10 }}>
            <tbody>
              {created.map((c) => (
                <tr key={c.code} data-invite={c.orgId}>
                  <td>
                    <span className="code invite-code" data-invite-code>
                      {c.code}
                    </span>
                  </td>
                  <td>
                    {nameOf(c.orgId)}
                    <div className="muted">
                      {ROLE_WORDS[c.role]} · {dateText(c.expiresAt)} 前有效
                    </div>
                  </td>
                  <td style={{ textAlign: 'right' }}>
                    <CopyButton
                      text={`团员电子档案助手 团队邀请\n同步服务地址：${status.connection?.baseUrl ?? ''}\n邀请码：${c.code}\n（${nameOf(c.orgId)}，${dateText(c.expiresAt)} 前有效，只能使用一次）`}
                      label="复制邀请信息"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">
          邀请码只能使用一次，14
          天内有效，到期未使用的会自动失效；发错了可以在下方撤销。换届交接时：先在下方撤销上一任的令牌，再给新管理员发邀请码。
        </p>
      </div>

      <h3>已发出的邀请码</h3>
      <div className="box">
        {!invites && <p className="muted">正在读取…</p>}
        {invites && invites.length === 0 && <p className="muted">还没有发出邀请码。</p>}
        {invites && invites.length > 0 && (
          <table>
            <thead>
              <tr>
                <th>组织与权限</th>
                <th>状态</th>
                <th>有效期至</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {invites.map((i) => (
                <tr key={i.id} data-invite-id={i.id} data-invite-state={i.state}>
                  <td>
                    {i.orgName}
                    <div className="muted">{ROLE_WORDS[i.role]}</div>
                  </td>
                  <td>
                    <span className={`pill ${INVITE_STATES[i.state].tone}`}>{INVITE_STATES[i.state].label}</span>
                  </td>
                  <td>{dateText(i.expiresAt)}</td>
                  <td style={{ textAlign: 'right' }}>
                    {i.state === 'open' && (
                      <button type="button" className="btn small danger" onClick={() => void withdraw(i)}>
                        撤销
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Message msg={inviteAction.msg} />
      </div>

      <h3>使用中的令牌</h3>
      <div className="box">
        {!tokens && <p className="muted">正在读取…</p>}
        {tokens && (
          <table>
            <thead>
              <tr>
                <th>电脑</th>
                <th>组织与权限</th>
                <th>有效期至</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} data-token={t.label}>
                  <td>
                    {t.label}
                    {t.id === status.connection?.tokenId && (
                      <span className="pill on" style={{ marginLeft: 6 }}>
                        本机
                      </span>
                    )}
                    {t.kind === 'feed' && (
                      <span className="pill" style={{ marginLeft: 6 }}>
                        日历订阅
                      </span>
                    )}
                  </td>
                  <td>
                    {nameOf(t.orgId)}
                    <div className="muted">{ROLE_WORDS[t.role]}</div>
                  </td>
                  <td>{t.revokedAt ? <span className="pill bad">已撤销</span> : dateText(t.expiresAt)}</td>
                  <td style={{ textAlign: 'right' }}>
                    {!t.revokedAt && t.id !== status.connection?.tokenId && (
                      <button type="button" className="btn small danger" onClick={() => void revoke(t)}>
                        撤销
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Message msg={tokenAction.msg} />
      </div>
    </div>
  );
}

const INVITE_STATES: Record<InviteView['state'], { label: string; tone: string }> = {
  open: { label: '未使用', tone: 'on' },
  used: { label: '已使用', tone: '' },
  expired: { label: '已过期', tone: '' },
  revoked: { label: '已撤销', tone: 'bad' },
};
