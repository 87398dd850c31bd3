/**
 * 页面诊断: the structure of the 智慧团建 page the admin is on, without its data, to copy or save
 * and send to whoever maintains their deployment when the extension stopped recognising it.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { errorText } from '../../../shared/errorText';
import { HOST_TABS } from '../../background/team/jump';
import { sendToBackground } from '../../messaging/client';
import { DIAGNOSE_PAGE, type PageDiagnosis } from '../../messaging/health';

/** The 智慧团建 tab the admin means: the active one in this window, else the last one used. */
async function hostTab(): Promise<number | null> {
  const [tabs, here] = await Promise.all([browser.tabs.query({ url: HOST_TABS }), browser.windows.getCurrent()]);
  const tab =
    tabs.find((t) => t.active && t.windowId === here.id) ??
    tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return tab?.id ?? null;
}

async function takeDiagnosis(): Promise<string> {
  const tabId = await hostTab();
  if (tabId === null) throw new Error('没有打开智慧团建页面：请先打开要诊断的页面，再点“页面诊断”');
  const [page, state] = await Promise.all([
    browser.tabs.sendMessage(tabId, { type: DIAGNOSE_PAGE }) as Promise<PageDiagnosis | undefined>,
    sendToBackground('pageState', { tabId }).catch(() => null),
  ]);
  if (!page) throw new Error('此页面上的助手没有回应：请刷新智慧团建页面后再试');
  const stopped = state?.stopped?.map((s) => `${s.label}（${s.feature}）：${s.reason}`) ?? [];
  return JSON.stringify({ ...page, pageType: state?.pageType ?? null, stopped }, null, 1);
}

export function Diagnosis({ onBack }: { onBack: () => void }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    takeDiagnosis()
      .then(setText)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  const copy = async () => {
    await navigator.clipboard.writeText(text ?? '');
    setNote('已复制');
  };
  const save = () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text ?? ''], { type: 'application/json' }));
    a.download = '智慧团建页面诊断.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  return (
    <section className="card diagnosis" aria-labelledby="diagnosis-title">
      <div className="row">
        <button type="button" className="link" onClick={onBack}>
          ← 返回
        </button>
        <b id="diagnosis-title">页面诊断</b>
      </div>
      <p className="note">
        只记录页面的结构（表格和对话框的标签、表头、列数，以及助手认得哪些元素），不含任何团员的姓名、编号、身份证号或日期。可复制或保存后发给负责维护的同事。
      </p>
      {error && <p className="error">{error}</p>}
      {!text && !error && <p className="empty">正在读取页面结构…</p>}
      {text && (
        <>
          <textarea readOnly value={text} rows={12} data-diagnosis aria-label="页面诊断结果" />
          <div className="row">
            <button type="button" onClick={() => void copy().catch(() => setNote('复制失败：请手动全选复制'))}>
              复制
            </button>
            <button type="button" onClick={save}>
              保存为文件
            </button>
            <span className="note">{note}</span>
          </div>
        </>
      )}
    </section>
  );
}
