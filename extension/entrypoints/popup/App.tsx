/**
 * The supervisor's popup: the deadline summary of the admin's organisation and everything below
 * it — from the team's worker when connected, from what this browser has seen otherwise, and it
 * says which — with every number one click from the members behind it.
 */
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { MemberList as List, SearchBy, Summary, TeamStatus } from '../../messaging/teamViews';
import { sendToBackground } from '../../messaging/client';
import { Diagnosis } from './Diagnosis';
import { agoText } from './look';
import { MemberList } from './MemberList';
import { KeyNumbers, OrgBars, Stats, Timeline, type Pick } from './Overview';
import { Search } from './Search';
import { RejectedList, SyncFooter } from './SyncFooter';

type View =
  | { kind: 'home' }
  | { kind: 'members'; title: string; list: List | null; error?: string }
  | { kind: 'rejected' }
  | { kind: 'diagnosis' };

const BY_WORDS: Record<SearchBy, string> = { name: '姓名', devNumber: '编号', idCard: '身份证号' };

function SourceTag({ s, status }: { s: Summary; status: TeamStatus | null }) {
  if (s.source === 'local')
    return (
      <span className="source local" data-source="local">
        本机数据
      </span>
    );
  if (s.stale)
    return (
      <span className="source stale" data-source="stale" title={s.note}>
        团队数据 · {agoText(s.fetchedAt)}的
      </span>
    );
  return (
    <span
      className="source worker"
      data-source="worker"
      title={status?.connection ? `同步服务：${status.connection.baseUrl}` : undefined}
    >
      团队数据
    </span>
  );
}

export function App() {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [view, setView] = useState<View>({ kind: 'home' });

  const load = useCallback(async () => {
    // The last numbers at once (when connected), the fresh ones as soon as the worker answers.
    const fresh = sendToBackground('teamSummary', {});
    const [st, last] = await Promise.all([
      sendToBackground('teamStatus', {}),
      sendToBackground('teamSummary', { cached: true }),
    ]);
    setStatus(st);
    if (last) setSummary((s) => s ?? last);
    setSummary(await fresh);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function pick(p: Pick) {
    setView({ kind: 'members', title: p.title, list: null });
    const list = await sendToBackground('teamMembers', p.query);
    setView({ kind: 'members', title: p.title, list });
  }

  async function search(by: SearchBy, q: string) {
    const title = `查找${BY_WORDS[by]}：${by === 'idCard' ? '（已加密比对）' : q}`;
    setView({ kind: 'members', title, list: null });
    const r = await sendToBackground('teamSearch', { by, q });
    setView(r.ok ? { kind: 'members', title, list: r.data } : { kind: 'members', title, list: null, error: r.error });
  }

  async function syncNow() {
    setStatus(await sendToBackground('teamSyncNow', {}));
    setSummary(await sendToBackground('teamSummary', {}));
  }

  const c = summary?.counters;
  const orgName = status?.connection?.org.name;
  return (
    <main>
      <header className="top">
        <div className="logo" aria-hidden>
          团
        </div>
        <div style={{ minWidth: 0 }}>
          <h1>团员电子档案助手</h1>
          <div className="sub">
            {summary && <SourceTag s={summary} status={status} />}{' '}
            {orgName ? `${orgName}及下级` : summary?.source === 'local' ? '本浏览器读取过的名单' : ''}
          </div>
        </div>
        <button type="button" className="gear" onClick={() => setView({ kind: 'diagnosis' })}>
          页面诊断
        </button>
        <button type="button" className="gear" onClick={() => void browser.runtime.openOptionsPage()}>
          设置
        </button>
      </header>

      {view.kind === 'home' && (
        <>
          <Search onSearch={(by, q) => void search(by, q)} />
          {summary?.note && <p className="note">{summary.note}</p>}
          {!summary && <p className="empty">正在读取…</p>}
          {summary && c && c.total === 0 && (
            <div className="card welcome">
              <b>还没有团员数据</b>
              {summary.source === 'local'
                ? '打开智慧团建的“团员电子数据库”或“下级支部团员电子数据库”，助手读取名单后，这里会显示各组织的上传时限。'
                : '团队中还没有同步上来的团员：各组织管理员打开名单后会自动同步。'}
            </div>
          )}
          {summary && c && c.total > 0 && (
            <>
              <KeyNumbers c={c} onPick={(p) => void pick(p)} />
              <OrgBars s={summary} onPick={(p) => void pick(p)} />
              <Timeline s={summary} onPick={(p) => void pick(p)} />
              <Stats s={summary} />
            </>
          )}
          <SyncFooter status={status} onRejected={() => setView({ kind: 'rejected' })} onSync={() => void syncNow()} />
        </>
      )}
      {view.kind === 'members' && (
        <MemberList title={view.title} list={view.list} error={view.error} onBack={() => setView({ kind: 'home' })} />
      )}
      {view.kind === 'diagnosis' && <Diagnosis onBack={() => setView({ kind: 'home' })} />}
      {view.kind === 'rejected' && (
        <RejectedList
          onBack={() => {
            setView({ kind: 'home' });
            void load();
          }}
        />
      )}
    </main>
  );
}
