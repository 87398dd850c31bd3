/** The summary: the key numbers, a stacked bar per organisation (worst first), the next 30 days. */
import { useState } from 'react';
import type { Counters } from '../../../shared/domain/urgency';
import type { MemberQuery, OrgSummary, Summary } from '../../messaging/teamViews';
import { BAR_SEGMENTS, needing, shortDay, weekday } from './look';

export interface Pick {
  query: MemberQuery;
  title: string;
}

function Tile(props: { n: number; label: string; sub?: string; tone?: 'red' | 'orange'; onPick: () => void }) {
  const zero = props.n === 0;
  return (
    <button
      type="button"
      className={`tile ${zero ? 'zero' : (props.tone ?? '')}`}
      disabled={zero}
      onClick={props.onPick}
      data-tile={props.label}
    >
      <div className="n">{props.n}</div>
      <div className="l">{props.label}</div>
      {props.sub && <div className="s">{props.sub}</div>}
    </button>
  );
}

export function KeyNumbers({ c, onPick }: { c: Counters; onPick: (p: Pick) => void }) {
  const late = c.overdue + c.maybeOverdue;
  return (
    <section className="card" aria-label="需处理">
      <h2>
        需处理 <span className="hint">2020年起入团的团员 {needing(c)} 人</span>
      </h2>
      <div className="tiles">
        <Tile
          n={late}
          label="已逾期"
          sub={c.maybeOverdue ? `含可能逾期 ${c.maybeOverdue}` : undefined}
          tone="red"
          onPick={() => onPick({ query: { bucket: 'late' }, title: '已逾期（含可能逾期）' })}
        />
        <Tile
          n={c.dueToday}
          label="今日截止"
          tone="orange"
          onPick={() => onPick({ query: { bucket: 'dueToday' }, title: '今日截止' })}
        />
        <Tile
          n={c.within3}
          label="3日内到期"
          tone="orange"
          onPick={() => onPick({ query: { bucket: 'within3' }, title: '3日内到期' })}
        />
        <Tile
          n={c.notUploaded}
          label="尚未上传"
          onPick={() => onPick({ query: { bucket: 'notUploaded' }, title: '尚未上传' })}
        />
        <Tile
          n={c.rejected}
          label="认证不通过"
          tone="red"
          onPick={() => onPick({ query: { bucket: 'rejected' }, title: '认证不通过' })}
        />
        <Tile
          n={c.pending}
          label="待审批"
          onPick={() => onPick({ query: { bucket: 'pending' }, title: '已上传待审批' })}
        />
      </div>
    </section>
  );
}

function Bar({ org, onPick }: { org: OrgSummary; onPick: (p: Pick) => void }) {
  const c = org.own;
  const width = Math.max(1, needing(c));
  return (
    <div className="bar-row" data-org={org.name}>
      <button
        type="button"
        className="name"
        title={`${org.name}：查看需处理的团员`}
        onClick={() =>
          onPick({ query: { orgId: org.id, ownOnly: true, bucket: 'owed' }, title: `${org.name} · 需处理` })
        }
      >
        {org.name}
      </button>
      <div
        className="bar"
        role="img"
        aria-label={BAR_SEGMENTS.filter((s) => c[s.bucket])
          .map((s) => `${s.label} ${c[s.bucket]}`)
          .join('，')}
      >
        {BAR_SEGMENTS.filter((s) => c[s.bucket] > 0).map((s) => (
          <button
            key={s.bucket}
            type="button"
            data-segment={s.bucket}
            title={`${s.label} ${c[s.bucket]} 人`}
            style={{ width: `${(100 * c[s.bucket]) / width}%`, background: s.color }}
            onClick={() =>
              onPick({ query: { orgId: org.id, ownOnly: true, bucket: s.bucket }, title: `${org.name} · ${s.label}` })
            }
          />
        ))}
      </div>
      <span className="total">{needing(c)}</span>
    </div>
  );
}

const SHOWN = 8;

export function OrgBars({ s, onPick }: { s: Summary; onPick: (p: Pick) => void }) {
  const [all, setAll] = useState(false);
  const orgs = s.orgs.filter((o) => needing(o.own) > 0);
  if (!orgs.length) return null;
  const shown = all ? orgs : orgs.slice(0, SHOWN);
  return (
    <section className="card" aria-label="各组织">
      <h2>
        各组织 <span className="hint">最需处理的在前</span>
      </h2>
      <div className="bars">
        {shown.map((o) => (
          <Bar key={o.id} org={o} onPick={onPick} />
        ))}
      </div>
      {orgs.length > SHOWN && (
        <button type="button" className="more" onClick={() => setAll(!all)}>
          {all ? '收起' : `显示全部 ${orgs.length} 个组织`}
        </button>
      )}
      <div className="legend">
        {BAR_SEGMENTS.map((seg) => (
          <span key={seg.bucket}>
            <i style={{ background: seg.color }} />
            {seg.label}
          </span>
        ))}
      </div>
    </section>
  );
}

export function Timeline({ s, onPick }: { s: Summary; onPick: (p: Pick) => void }) {
  const late = s.counters.overdue + s.counters.maybeOverdue;
  const max = Math.max(1, late, ...s.timeline.map((d) => d.count));
  const h = (n: number) => `${n ? Math.max(6, (n / max) * 58) : 2}px`;
  const color = (i: number) => (i === 0 ? '#F08C00' : i <= 3 ? '#F7B955' : i <= 7 ? '#FADB8F' : '#9CC3F5');
  return (
    <section className="card" aria-label="未来30日截止">
      <h2>
        未来 30 日截止{' '}
        <span className="hint">{s.timelineTruncated ? '人数较多，只显示一部分' : '点柱子查看当天截止的团员'}</span>
      </h2>
      <div className="timeline">
        <button
          type="button"
          className="col late"
          disabled={!late}
          title={`已逾期 ${late} 人`}
          onClick={() => onPick({ query: { bucket: 'late' }, title: '已逾期（含可能逾期）' })}
        >
          <span className="c">{late || ''}</span>
          <span className="v" style={{ height: h(late), background: late ? '#E5484D' : '#eceef1' }} />
        </button>
        {s.timeline.map((d, i) => (
          <button
            key={d.day}
            type="button"
            className="col"
            data-day={d.day}
            disabled={!d.count}
            title={`${d.day}（周${weekday(d.day)}）截止 ${d.count} 人${d.estimated ? `，其中 ${d.estimated} 人按入团时间估算` : ''}`}
            onClick={() => onPick({ query: { day: d.day }, title: `${shortDay(d.day)} 截止` })}
          >
            <span className="c">{d.count || ''}</span>
            <span className="v" style={{ height: h(d.count), background: d.count ? color(i) : '#eceef1' }} />
          </button>
        ))}
      </div>
      <div className="axis">
        <span className="late">逾期</span>
        {s.timeline.map((d, i) => (
          <span key={d.day}>{i === 0 ? '今天' : i % 7 === 0 ? shortDay(d.day) : ''}</span>
        ))}
      </div>
    </section>
  );
}

export function Stats({ s }: { s: Summary }) {
  const { developed, counted, notCounted } = s.stats;
  const share = developed ? Math.round((100 * counted) / developed) : 0;
  return (
    <section className="card" aria-label="新发展团员统计">
      <h2>
        新发展团员统计 <span className="hint">§5.3：未完成身份认证的不计入</span>
      </h2>
      <div className="stats">
        <div>
          <div className="big" data-stat="counted">
            {counted}
          </div>
          <div className="hint" style={{ fontSize: 12, color: 'var(--muted)' }}>
            计入统计
          </div>
        </div>
        <div className="meter" title={`已认证 ${share}%`}>
          <i style={{ width: `${share}%` }} />
        </div>
        <div style={{ textAlign: 'right' }}>
          <div className="big" style={{ color: notCounted ? 'var(--red)' : undefined }} data-stat="notCounted">
            {notCounted}
          </div>
          <div style={{ fontSize: 12, color: 'var(--muted)' }}>未计入</div>
        </div>
      </div>
      <div className="stats-note">
        2020年起入团 {developed} 人，已认证 {share}%。
      </div>
    </section>
  );
}
