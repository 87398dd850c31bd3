/** The team's organisation tree as this token sees it, and its import from CSV (committee admins). */
import { useState } from 'react';
import { ORG_TYPES, ORG_TYPE_NAMES } from '../../../../shared/domain/orgTypes';
import type { OrgView } from '../../../../shared/api/orgs';
import { sendToBackground } from '../../../messaging/client';
import { Message, useAction } from './ui';

function Branch({ org, children }: { org: OrgView; children: Map<string, OrgView[]> }) {
  const kids = children.get(org.id) ?? [];
  return (
    <li data-org-id={org.id}>
      {org.name}
      <span className="type">
        {ORG_TYPE_NAMES[org.type]}
        {org.leagueId ? ` · ${org.leagueId}` : ''}
      </span>
      {kids.length > 0 && (
        <ul className="tree">
          {kids.map((k) => (
            <Branch key={k.id} org={k} children={children} />
          ))}
        </ul>
      )}
    </li>
  );
}

const EXAMPLE =
  'id,name,type,parentId,leagueId\ng2,高二年级团总支,02TZZ,root,100120\nc23,高二（3）班团支部,01TZB,g2,100123';

export function OrgTree({ orgs, onChange }: { orgs: OrgView[]; onChange: () => void }) {
  const [csv, setCsv] = useState('');
  const { busy, msg, run } = useAction();
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string, OrgView[]>();
  for (const o of orgs)
    if (o.parentId && ids.has(o.parentId)) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
  const roots = orgs.filter((o) => !o.parentId || !ids.has(o.parentId));

  async function importCsv() {
    const r = await run(
      () => sendToBackground('teamImportOrgs', { csv }),
      (d) => `已导入：新增 ${d.created} 个，更新 ${d.updated} 个组织`,
    );
    if (r) {
      setCsv('');
      onChange();
    }
  }

  async function readFile(file: File | undefined) {
    if (file) setCsv(await file.text());
  }

  return (
    <div>
      <h3>组织树（{orgs.length} 个组织）</h3>
      <div className="box">
        <ul className="tree root">
          {roots.map((r) => (
            <Branch key={r.id} org={r} children={children} />
          ))}
        </ul>
        <details style={{ marginTop: 12 }}>
          <summary style={{ cursor: 'pointer', fontSize: 13, color: '#1d62c9' }}>导入或更新下级组织（CSV）</summary>
          <p className="muted" style={{ lineHeight: 1.7 }}>
            每行一个组织：编号 id、名称 name、类型 type（{ORG_TYPES.map((t) => `${t} ${ORG_TYPE_NAMES[t]}`).join('、')}
            ）、上级编号 parentId、智慧团建组织 ID
            leagueId（可空）。名称与智慧团建中的组织名称一致时，名单会自动归入对应组织。
          </p>
          <textarea rows={6} value={csv} placeholder={EXAMPLE} onChange={(e) => setCsv(e.target.value)} name="orgCsv" />
          <div className="row" style={{ marginTop: 8 }}>
            <input type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />
            <button
              type="button"
              className="btn primary"
              disabled={busy || !csv.trim()}
              onClick={() => void importCsv()}
              style={{ marginLeft: 'auto' }}
            >
              导入
            </button>
          </div>
        </details>
        <Message msg={msg} />
      </div>
    </div>
  );
}
