import { useEffect, useMemo, useRef, useState } from 'react';
import { EXPECTED_PAGES } from '../../../shared/pdf/thresholds';
import { FIX_LABELS, type HandoffItem, type ListMember } from '../../fix/protocol';
import { cutParts, matchParts, readParts, type Part } from '../../fix/split';
import { readDigits, warmOcr } from '../../pdf/ocr';
import { errorText } from '../../../shared/errorText';
import { Progress, Shell, type ToolProps } from './Shell';

interface Row extends Part {
  member: ListMember | null;
  how: 'exact' | 'close' | 'none' | 'chosen';
  include: boolean;
}

const memberLabel = (m: ListMember) => `${m.name}${m.devNumber ? `（${m.devNumber}）` : ''}`;

/** One long class scan → one 12-page file per member, matched by the cover's number, confirmed by the admin. */
export function Split({ request, handoff, cancel }: ToolProps) {
  const members = useMemo(() => (request.members ?? []).filter((m) => m.canUpload), [request.members]);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(
    request.files?.[0] ? { name: request.files[0].name, bytes: new Uint8Array(request.files[0].bytes) } : null,
  );
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState<{ label: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    void warmOcr().catch(() => {});
  }, []);

  useEffect(() => {
    if (!file || started.current) return;
    started.current = true;
    (async () => {
      setBusy({ label: '识别封面编号', done: 0, total: 0 });
      const parts = await readParts(file.bytes, readDigits, (label, done, total) => setBusy({ label, done, total }));
      const matches = matchParts(parts, members);
      setRows(
        parts.map((p, i) => ({
          ...p,
          member: matches[i]!.member,
          how: matches[i]!.how,
          include: !!matches[i]!.member && p.to - p.from + 1 === EXPECTED_PAGES,
        })),
      );
      setBusy(null);
    })().catch((e) => {
      setError(errorText(e));
      setBusy(null);
    });
  }, [file, members]);

  const chosen = rows.filter((r) => r.include && r.member);
  const twice = new Set(
    chosen.map((r) => r.member!.name + r.member!.devNumber).filter((k, i, all) => all.indexOf(k) !== i),
  );

  const go = async () => {
    if (!file) return;
    setError(null);
    setBusy({ label: '拆分文件', done: 0, total: chosen.length });
    try {
      const parts = await cutParts(file.bytes, chosen, (label, done, total) => setBusy({ label, done, total }));
      const items: HandoffItem[] = chosen.map((r, i) => ({
        member: r.member!,
        file: { name: `入团志愿书-${r.member!.name}.pdf`, type: 'application/pdf', bytes: parts[i]!.slice().buffer },
      }));
      handoff(items);
    } catch (e) {
      setError(errorText(e));
      setBusy(null);
    }
  };

  const pick = (i: number, value: string) => {
    const m = members.find((x) => memberLabel(x) === value) ?? null;
    setRows((l) => l.map((r, k) => (k === i ? { ...r, member: m, how: m ? 'chosen' : 'none', include: !!m } : r)));
  };

  return (
    <Shell
      title={FIX_LABELS.split}
      onClose={cancel}
      status={busy ? <Progress {...busy} /> : rows.length ? `共 ${rows.length} 份，已选 ${chosen.length} 份` : ''}
      buttons={
        <>
          <button type="button" className="btn" onClick={cancel}>
            取消
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={!chosen.length || !!busy || twice.size > 0}
            onClick={() => void go()}
          >
            确认拆分，逐个放入上传
          </button>
        </>
      }
    >
      <p className="hint">
        把整班连续扫描的 PDF 每 {EXPECTED_PAGES} 页拆成 1
        份，按每份首页的发展团员编号对应到本页列表中的团员。请逐行核对后确认；拆分后逐个放入该团员的“上传档案”，上传前同样会先检查。
      </p>
      {!file ? (
        <div className="drop">
          <label>
            选择整班扫描的 PDF
            <input
              type="file"
              accept=".pdf,application/pdf"
              hidden
              data-role="class-scan"
              onChange={async (e) => {
                const f = e.currentTarget.files?.[0];
                if (f) setFile({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
              }}
            />
          </label>
        </div>
      ) : null}
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      {twice.size ? (
        <div className="alert warning" role="alert">
          同一名团员被选中了两次，请核对。
        </div>
      ) : null}
      {rows.length ? (
        <table>
          <thead>
            <tr>
              <th>包含</th>
              <th>页码</th>
              <th>首页识别的编号</th>
              <th>对应团员</th>
              <th>说明</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.from} data-part={i + 1}>
                <td>
                  <input
                    type="checkbox"
                    checked={r.include}
                    disabled={!r.member}
                    onChange={(e) => {
                      const v = e.currentTarget.checked;
                      setRows((l) => l.map((x, k) => (k === i ? { ...x, include: v } : x)));
                    }}
                    aria-label={`包含第${r.from}–${r.to}页`}
                  />
                </td>
                <td>
                  第 {r.from}–{r.to} 页
                </td>
                <td>{r.number ?? <span className="tag info">未识别</span>}</td>
                <td>
                  <select
                    value={r.member ? memberLabel(r.member) : ''}
                    onChange={(e) => pick(i, e.currentTarget.value)}
                    aria-label={`第${r.from}–${r.to}页对应的团员`}
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
                  {r.to - r.from + 1 !== EXPECTED_PAGES ? (
                    <span className="tag fail">只有 {r.to - r.from + 1} 页</span>
                  ) : r.how === 'exact' ? (
                    <span className="tag pass">编号一致</span>
                  ) : r.how === 'close' ? (
                    <span className="tag warn">编号相近，请核对</span>
                  ) : r.how === 'chosen' ? (
                    <span className="tag info">已手动选择</span>
                  ) : (
                    <span className="tag fail">未找到对应团员</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Shell>
  );
}
