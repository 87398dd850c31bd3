/** The members behind a number: choosing one opens 智慧团建 on the right list and searches there. */
import { useState } from 'react';
import type { MemberItem, MemberList as List } from '../../messaging/teamViews';
import { sendToBackground } from '../../messaging/client';
import { daysLeftText, STATUS_WORDS } from './look';
import { exportXlsx } from './xlsx';
import { errorText } from '../../../shared/errorText';

function tone(m: MemberItem): string {
  if (m.daysLeft === null) return '';
  if (m.daysLeft < 0) return 'red';
  return m.daysLeft <= 3 ? 'orange' : '';
}

export function MemberList(props: { title: string; list: List | null; error?: string; onBack: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const { list } = props;

  async function open(m: MemberItem) {
    setMessage(null);
    const r = await sendToBackground('teamOpenMember', { member: m });
    if (!r.ok) setMessage(r.error);
    else window.close();
  }

  async function download() {
    if (!list) return;
    setMessage('正在生成 Excel…');
    try {
      await exportXlsx(props.title, list.members);
      setMessage(null);
    } catch (err) {
      setMessage(`导出失败：${errorText(err)}`);
    }
  }

  return (
    <>
      <div className="list-head">
        <button type="button" className="back" onClick={props.onBack}>
          ‹ 返回
        </button>
        <h2 title={props.title}>
          {props.title}
          {list && (
            <span style={{ fontWeight: 400, color: 'var(--faint)' }}>
              （{list.members.length}
              {list.truncated ? '+' : ''} 人）
            </span>
          )}
        </h2>
        {!!list?.members.length && (
          <button type="button" className="export" onClick={() => void download()}>
            导出 Excel
          </button>
        )}
      </div>
      {list && list.source === 'local' && <p className="note">以下为本浏览器读取过的团员。</p>}
      {message && (
        <p className="error" role="status">
          {message}
        </p>
      )}
      {props.error && <p className="error">{props.error}</p>}
      {!list && !props.error && <p className="empty">正在读取…</p>}
      {list && !list.members.length && <p className="empty">没有符合条件的团员</p>}
      {!!list?.members.length && (
        <ul className="members">
          {list.members.map((m) => (
            <li key={m.key}>
              <button
                type="button"
                className="member"
                data-member={m.key}
                title="在智慧团建中打开并查询该团员"
                onClick={() => void open(m)}
              >
                <span className="who">
                  {m.name || '（姓名未共享）'}
                  <span className={`tag ${m.status}`}>{STATUS_WORDS[m.status]}</span>
                </span>
                <span className="meta">
                  {[m.devNumber ?? '无编号', m.joinedOn && `入团 ${m.joinedOn}`, m.orgName].filter(Boolean).join(' · ')}
                </span>
                <span className={`when ${tone(m)}`}>
                  {daysLeftText(m.daysLeft, m.estimated)}
                  {m.lastDay && m.daysLeft !== null && <div style={{ color: 'var(--faint)' }}>截止 {m.lastDay}</div>}
                </span>
                {m.rejectionReason && <span className="reason">审批意见：{m.rejectionReason}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
