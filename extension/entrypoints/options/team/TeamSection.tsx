/**
 * The options page's team part: the connection, reminders and what is shared, and — for
 * committee admins — the team itself: organisation tree, invites, tokens, modification requests,
 * and the local rules every admin sees.
 */
import { useCallback, useEffect, useState } from 'react';
import type { OrgView } from '../../../../shared/api/orgs';
import type { TeamStatus } from '../../../messaging/teamViews';
import { sendToBackground } from '../../../messaging/client';
import { Connection } from './Connection';
import { Invites } from './Invites';
import { LocalRules } from './LocalRules';
import { Modifications } from './Modifications';
import { OrgTree } from './OrgTree';
import { Sharing } from './Sharing';
import { TenantSettings } from './TenantSettings';
import './team.css';

function TeamAdmin({ status }: { status: TeamStatus }) {
  const [orgs, setOrgs] = useState<OrgView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (refresh: boolean) => {
    const r = await sendToBackground('teamOrgs', { refresh });
    if (r.ok) setOrgs(r.data);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void load(true);
  }, [load]);
  const committee = status.connection?.role === 'committee';
  return (
    <section aria-labelledby="team-admin">
      <h2 id="team-admin">{committee ? '团队管理' : '本组织'}</h2>
      <p className="lead">
        {committee
          ? '管理本级及下级组织：组织树、邀请下级管理员、使用中的令牌，以及下级提出的电子档案修改申请。'
          : '提出电子档案修改申请，查看审批结果。'}
      </p>
      {error && <p className="msg bad">{error}</p>}
      {committee && orgs && <OrgTree orgs={orgs} onChange={() => void load(true)} />}
      {committee && orgs && <Invites orgs={orgs} status={status} />}
      <Modifications status={status} />
      <LocalRules status={status} />
      {committee && <TenantSettings status={status} />}
    </section>
  );
}

export function TeamSection() {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  useEffect(() => {
    void sendToBackground('teamStatus', {}).then(setStatus);
  }, []);
  if (!status) return null;
  return (
    <div className="team">
      <Connection status={status} onChange={setStatus} />
      <Sharing status={status} key={status.connection?.tenant.id ?? 'local'} />
      {status.connection && <TeamAdmin status={status} key={status.connection.tokenId} />}
    </div>
  );
}

export { Backup } from './Backup';
