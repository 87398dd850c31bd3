import { useEffect, useRef, useState } from 'react';
import type { PreflightReport } from '../../../shared/pdf/types';
import { normaliseDevNumber } from '../../../shared/domain/devNumber';
import { VERDICT_WORDS } from '../../fix/compare';
import { FIX_LABELS, type HandoffItem, type ListMember } from '../../fix/protocol';
import { openEngine, type EngineFrame } from '../../upload/engineClient';
import { errorText } from '../../../shared/errorText';
import { Progress, Shell, type ToolProps } from './Shell';

interface Row {
  file: File;
  member: ListMember | null;
  report: PreflightReport | null;
  error?: string;
  include: boolean;
}

const memberLabel = (m: ListMember) => `${m.name}${m.devNumber ? `（${m.devNumber}）` : ''}`;

/** The member a file is for: its name carries the 编号 or the name, else the number read from its cover. */
export function memberForFile(
  fileName: string,
  page1: string | undefined,
  members: readonly ListMember[],
): ListMember | null {
  const digits: string[] = fileName.match(/\d{12,16}/g) ?? [];
  const byNumber = members.find(
    (m) =>
      m.devNumber &&
      (digits.includes(normaliseDevNumber(m.devNumber)) || (page1 && normaliseDevNumber(m.devNumber) === page1)),
  );
  if (byNumber) return byNumber;
  const byName = members.filter((m) => m.name.length >= 2 && fileName.includes(m.name));
  return byName.length === 1 ? byName[0]! : null;
}

/** A folder of PDFs checked one by one in the engine, with a table of results (§4.1). */
export function Folder({ request, handoff, cancel }: ToolProps) {
  const members = (request.members ?? []).filter((m) => m.canUpload);
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState<{ label: string; done: number; total: number } | null>(null);
  const engine = useRef<EngineFrame | null>(null);
  const abort = useRef(new AbortController());
  useEffect(() => () => abort.current.abort(), []);

  const checkAll = async (list: FileList | null) => {
    const pdfs = Array.from(list ?? [])
      .filter((f) => /\.pdf$/i.test(f.name))
      .sort((a, b) => (a.webkitRelativePath || a.name).localeCompare(b.webkitRelativePath || b.name, 'zh-CN'));
    const initial: Row[] = pdfs.map((file) => ({
      file,
      member: memberForFile(file.name, undefined, members),
      report: null,
      include: false,
    }));
    setRows(initial);
    engine.current ??= openEngine(document, abort.current.signal);
    for (const [i, row] of initial.entries()) {
      setBusy({ label: '逐个检查', done: i, total: initial.length });
      const m = row.member;
      try {
        const report = await engine.current.check(
          row.file,
          row.file.name,
          m
            ? { ...(m.devNumber ? { devNumber: m.devNumber } : {}), ...(m.joinedOn ? { joinedOn: m.joinedOn } : {}) }
            : undefined,
        );
        const member = m ?? memberForFile(row.file.name, report.page1Number?.value, members);
        setRows((l) =>
          l.map((r, k) => (k === i ? { ...r, report, member, include: !!member && report.verdict !== 'fail' } : r)),
        );
      } catch (e) {
        setRows((l) => l.map((r, k) => (k === i ? { ...r, error: errorText(e) } : r)));
      }
    }
    setBusy(null);
  };

  const chosen = rows.filter((r) => r.include && r.member);
  const go = async () => {
    const items: HandoffItem[] = await Promise.all(
      chosen.map(async (r) => ({
        member: r.member!,
        file: { name: r.file.name, type: 'application/pdf', bytes: await r.file.arrayBuffer() },
      })),
    );
    handoff(items);
  };
  const pick = (i: number, value: string) => {
    const m = members.find((x) => memberLabel(x) === value) ?? null;
    setRows((l) => l.map((r, k) => (k === i ? { ...r, member: m, include: !!m } : r)));
  };

  return (
    <Shell
      title={FIX_LABELS.folder}
      onClose={cancel}
      status={
        busy ? (
          <Progress {...busy} />
        ) : rows.length ? (
          `共 ${rows.length} 个 PDF，通过 ${rows.filter((r) => r.report?.verdict === 'pass').length} 个`
        ) : (
          ''
        )
      }
      buttons={
        <>
          <button type="button" className="btn" onClick={cancel}>
            关闭
          </button>
          <button type="button" className="btn primary" disabled={!chosen.length || !!busy} onClick={() => void go()}>
            把选中的文件逐个放入上传
          </button>
        </>
      }
    >
      <p className="hint">
        选择一个文件夹，其中每个 PDF
        是一名团员的《入团志愿书》。逐个在本机检查，并按文件名或首页编号对应到本页列表中的团员。
      </p>
      <div className="drop">
        <label>
          选择文件夹
          <input
            type="file"
            hidden
            multiple
            data-role="folder"
            {...{ webkitdirectory: '' }}
            onChange={(e) => void checkAll(e.currentTarget.files)}
          />
        </label>
        {'　或　'}
        <label>
          选择多个 PDF
          <input
            type="file"
            hidden
            multiple
            accept=".pdf,application/pdf"
            data-role="pdfs"
            onChange={(e) => void checkAll(e.currentTarget.files)}
          />
        </label>
      </div>
      {rows.length ? (
        <table>
          <thead>
            <tr>
              <th>上传</th>
              <th>文件</th>
              <th>页数</th>
              <th>结论</th>
              <th>首页编号</th>
              <th>对应团员</th>
              <th>问题</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.file.webkitRelativePath || r.file.name} data-file={r.file.name}>
                <td>
                  <input
                    type="checkbox"
                    checked={r.include}
                    disabled={!r.member}
                    aria-label={`上传 ${r.file.name}`}
                    onChange={(e) => {
                      const v = e.currentTarget.checked;
                      setRows((l) => l.map((x, k) => (k === i ? { ...x, include: v } : x)));
                    }}
                  />
                </td>
                <td>{r.file.name}</td>
                <td>{r.report?.pages ?? '…'}</td>
                <td>
                  {r.report ? (
                    <span className={`tag ${r.report.verdict}`} data-verdict={r.report.verdict}>
                      {VERDICT_WORDS[r.report.verdict]}
                    </span>
                  ) : r.error ? (
                    <span className="tag fail">{r.error}</span>
                  ) : (
                    '检查中…'
                  )}
                </td>
                <td>{r.report?.page1Number?.value ?? ''}</td>
                <td>
                  <select
                    value={r.member ? memberLabel(r.member) : ''}
                    onChange={(e) => pick(i, e.currentTarget.value)}
                    aria-label={`${r.file.name} 对应的团员`}
                  >
                    <option value="">（请选择）</option>
                    {members.map((m) => (
                      <option key={memberLabel(m)} value={memberLabel(m)}>
                        {memberLabel(m)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {r.report?.issues
                    .filter((x) => x.severity !== 'info')
                    .map((x) => `${x.page ? `第${x.page}页` : ''}${x.message.split('。')[0]}`)
                    .join('；')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Shell>
  );
}
