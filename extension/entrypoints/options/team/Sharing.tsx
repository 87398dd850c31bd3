/** What is shared with the team, the daily reminder's time, and a plain statement of what leaves the browser. */
import { useEffect, useState } from 'react';
import type { TeamStatus } from '../../../messaging/teamViews';
import { sendToBackground } from '../../../messaging/client';
import type { Settings } from '../../../model/settings';
import { Message, useAction } from './ui';

export function Sharing({ status }: { status: TeamStatus }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [time, setTime] = useState('09:00');
  const { msg, run } = useAction();
  const tenantKeepsNames = status.connection?.tenant.storeNames ?? true;

  useEffect(() => {
    void sendToBackground('getSettings', {}).then((s) => {
      setSettings(s);
      setTime(s.reminderTime);
    });
  }, []);

  async function saveTime(value: string) {
    setTime(value);
    if (!/^\d{2}:\d{2}$/.test(value)) return;
    await run(
      () => sendToBackground('teamSetReminderTime', { time: value }),
      (d) =>
        `已保存：下次提醒 ${new Date(d.next).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })}`,
    );
  }

  async function saveNames(shareNames: boolean) {
    const r = await run(
      () => sendToBackground('teamSetShareNames', { shareNames }),
      (d) => (d.shareNames ? '已保存：姓名将以明文同步' : '已保存：姓名只以脱敏形式（张*伟）和加密摘要同步'),
    );
    if (r) setSettings((s) => (s ? { ...s, shareNames: r.shareNames } : s));
  }

  if (!settings) return null;
  return (
    <section aria-labelledby="team-sharing">
      <h2 id="team-sharing">提醒与共享</h2>
      <div className="box">
        <div className="row">
          <label
            className="f"
            style={{ gridTemplateColumns: 'auto auto', alignItems: 'center', display: 'flex', gap: 10 }}
          >
            每日提醒时间（北京时间）
            <input type="time" value={time} onChange={(e) => void saveTime(e.target.value)} name="reminderTime" />
          </label>
          <span className="muted">
            有逾期或 3
            日内到期的档案时，每天在这个时间提醒一次；工具栏图标上的数字是已逾期（含可能逾期）和今日截止的人数。
          </span>
        </div>
        <div className="row" style={{ marginTop: 14 }}>
          <label
            style={{
              display: 'flex',
              gap: 8,
              alignItems: 'flex-start',
              cursor: tenantKeepsNames ? 'pointer' : 'default',
              fontSize: 13,
            }}
          >
            <input
              type="checkbox"
              checked={tenantKeepsNames && settings.shareNames}
              disabled={!tenantKeepsNames}
              onChange={(e) => void saveNames(e.target.checked)}
              name="shareNames"
            />
            <span>
              向团队同步团员姓名
              <span className="muted" style={{ display: 'block', marginTop: 2 }}>
                {tenantKeepsNames
                  ? '关闭后只同步脱敏姓名（如 张*伟）和无法还原的加密摘要，团队中仍可按完整姓名查找。'
                  : '团队设置为不保存姓名：只同步脱敏姓名和加密摘要。'}
              </span>
            </span>
          </label>
        </div>
        <Message msg={msg} />
      </div>
      <h3>哪些内容会离开本浏览器</h3>
      <ul className="privacy box" style={{ paddingLeft: 32 }}>
        <li>
          <b>不连接团队时：什么都不会离开。</b>团员名单、检查结果都只保存在本浏览器中。
        </li>
        <li>
          连接团队后，只同步名单上的信息：所在组织、姓名（或脱敏姓名）、发展团员编号、入团时间、认证状态、审批意见、批准日期，以及档案检查的结论（页数、大小、文件摘要、问题代码）。
        </li>
        <li>
          <b>PDF 文件从不离开本浏览器</b>：检查在本机完成，只同步结论。
        </li>
        <li>
          <b>身份证号从不以明文发送或保存</b>：只发送脱敏形式（如
          110105********1234）和用团队密钥加密的摘要，用于查找同一名团员；按身份证号查找时也只在本机加密后比对。
        </li>
        <li>
          令牌和团队密钥只保存在扩展自身的存储中，智慧团建的网页无法读取；与同步服务的通信都经由扩展后台，不经过智慧团建页面。
        </li>
      </ul>
    </section>
  );
}
