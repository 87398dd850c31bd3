/** Export and import of all local data: a backup, and the handover to next year's admin. */
import { useRef } from 'react';
import { chinaToday } from '../../../../shared/domain/chinaDate';
import { sendToBackground } from '../../../messaging/client';
import { Message, useAction } from './ui';

export function Backup() {
  const file = useRef<HTMLInputElement>(null);
  const { busy, msg, setMsg, run } = useAction();

  async function exportAll() {
    const data = await sendToBackground('exportLocalData', {});
    const url = URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `团员电子档案助手-备份-${chinaToday()}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setMsg({ text: `已导出 ${data.members.length} 名团员的记录`, ok: true });
  }

  async function importFile(f: File | undefined) {
    if (!f) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await f.text());
    } catch {
      setMsg({ text: '无法读取该文件：请选择本助手导出的 .json 备份文件', ok: false });
      return;
    }
    await run(
      () => sendToBackground('importLocalData', { file: parsed }),
      (r) => `已导入：新增 ${r.added} 名、更新 ${r.updated} 名团员，${r.unchanged} 名无变化`,
    );
    if (file.current) file.current.value = '';
  }

  return (
    <section aria-labelledby="team-backup">
      <h2 id="team-backup">备份与交接</h2>
      <p className="lead">
        导出本浏览器保存的全部记录（团员名单、批准日期、审批意见、档案检查结论和设置），用于备份，或交给下一任管理员导入。文件中不含令牌和密钥；新管理员请用自己的邀请码连接团队。
      </p>
      <div className="box">
        <div className="row">
          <button type="button" className="btn" onClick={() => void exportAll()}>
            导出全部数据
          </button>
          <label className="btn" style={{ cursor: busy ? 'wait' : 'pointer' }}>
            导入备份…
            <input
              ref={file}
              type="file"
              accept=".json,application/json"
              hidden
              onChange={(e) => void importFile(e.target.files?.[0])}
              name="backupFile"
            />
          </label>
          <span className="muted">导入时逐项合并，较新的记录优先，不会覆盖本机更新的信息。</span>
        </div>
        <Message msg={msg} />
      </div>
    </section>
  );
}
