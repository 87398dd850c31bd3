import { useEffect, useRef, useState } from 'react';
import { imageType } from '../../fix/assemble';
import { applyEdits, type EditItem, type Turn } from '../../fix/edit';
import { renderPage } from '../../fix/naive';
import { fixPool } from '../../fix/pool';
import { FIX_LABELS } from '../../fix/protocol';
import { scanPdf } from '../../fix/scan';
import { CardGrid, moved, turn, type Card } from './Cards';
import { errorText } from '../../../shared/errorText';
import { blobUrl, memberLine, Progress, Shell, type ToolProps } from './Shell';

type Item = Card &
  ({ kind: 'page'; source: number } | { kind: 'photo'; name: string; mime: string; bytes: ArrayBuffer });

/** The pages of a PDF as cards: turn, remove, move, or replace one with a photo of the page. */
export function Edit({ request, result, cancel }: ToolProps) {
  const file = request.files?.[0];
  const input = useRef<Uint8Array | null>(file ? new Uint8Array(file.bytes) : null);
  const [items, setItems] = useState<Item[]>([]);
  const [busy, setBusy] = useState<{ label: string; done: number; total: number } | null>({
    label: '读取页面',
    done: 0,
    total: 0,
  });
  const [error, setError] = useState<string | null>(null);
  const urls = useRef<string[]>([]);
  const replaceAt = useRef<number | null>(null);
  const photoInput = useRef<HTMLInputElement>(null);

  // The file and its problem pages come with the dialog's request, fixed for the page's life: this runs once.
  useEffect(() => {
    const made = urls.current;
    const bytes = input.current;
    if (!bytes) {
      setError('没有收到要编辑的 PDF 文件');
      setBusy(null);
      return;
    }
    const problems = new Set(request.problemPages ?? []);
    (async () => {
      const scanned = await scanPdf(bytes);
      setItems(
        scanned.pages.map((p) => ({
          id: `s${p.page}`,
          kind: 'page',
          source: p.page - 1,
          label: `原第${p.page}页`,
          rotate: 0,
          problem: problems.has(p.page),
        })),
      );
      setBusy(null);
      for (const p of scanned.pages) {
        const m = p.main;
        const job =
          m && m.kind === 'jpeg' && p.images.length === 1
            ? scanned.raw(m).then((raw) => {
                const copy = raw.slice().buffer;
                return fixPool.must(
                  {
                    kind: 'thumb',
                    bytes: copy,
                    mime: 'image/jpeg',
                    rotate: m.displayRotation,
                    width: 240,
                    fromPdf: true,
                  },
                  [copy],
                );
              })
            : renderPage(bytes, p.page - 1, Math.min(p.widthPt, p.heightPt) / 72, 40, 0.7);
        job
          .then((r) => {
            const url = blobUrl(r.bytes);
            urls.current.push(url);
            setItems((list) => list.map((x) => (x.id === `s${p.page}` ? { ...x, thumb: url } : x)));
          })
          .catch(() => {});
      }
    })().catch((e) => {
      setError(errorText(e));
      setBusy(null);
    });
    return () => made.forEach((u) => URL.revokeObjectURL(u));
  }, [request.problemPages]);

  const replaceWith = async (files: FileList | null) => {
    const at = replaceAt.current;
    const f = files?.[0];
    if (at === null || !f) return;
    const mime = imageType(f.name, f.type);
    if (!mime) return setError(`“${f.name}”不是照片（支持 JPG、PNG、WebP）`);
    const bytes = await f.arrayBuffer();
    const id = `r${Date.now()}`;
    setItems((list) =>
      list.map((x, k) =>
        k === at ? { id, kind: 'photo', name: f.name, mime, bytes, label: `照片 ${f.name}`, rotate: 0 } : x,
      ),
    );
    const copy = bytes.slice(0);
    fixPool
      .must({ kind: 'thumb', bytes: copy, mime, rotate: 0, width: 240, fromPdf: false }, [copy])
      .then((r) => {
        const url = blobUrl(r.bytes);
        urls.current.push(url);
        setItems((list) => list.map((x) => (x.id === id ? { ...x, thumb: url } : x)));
      })
      .catch(() => {});
  };

  const make = async () => {
    if (!input.current || !file) return;
    setError(null);
    setBusy({ label: '生成文件', done: 0, total: items.length });
    try {
      const plan: EditItem[] = items.map((i) =>
        i.kind === 'page'
          ? { kind: 'page', source: i.source, rotate: i.rotate as Turn }
          : { kind: 'photo', photo: { name: i.name, mime: i.mime, bytes: i.bytes, rotate: i.rotate as Turn } },
      );
      const { bytes, stats } = await applyEdits(input.current, plan, (label, done, total) =>
        setBusy({ label, done, total }),
      );
      result(
        { name: file.name.replace(/(\.pdf)?$/i, '-编辑.pdf'), type: 'application/pdf', bytes: bytes.slice().buffer },
        stats,
      );
    } catch (e) {
      setError(errorText(e));
      setBusy(null);
    }
  };

  const rotate = (i: number, by: number) =>
    setItems((l) => l.map((x, k) => (k === i ? { ...x, rotate: turn(x.rotate, by) } : x)));
  return (
    <Shell
      title={FIX_LABELS.edit}
      who={memberLine(request.member)}
      onClose={cancel}
      status={
        busy ? (
          <Progress {...busy} />
        ) : (
          `共 ${items.length} 页${items.length !== 12 ? `（《入团志愿书》共 12 页）` : ''}`
        )
      }
      buttons={
        <>
          <button type="button" className="btn" onClick={cancel}>
            取消
          </button>
          <button type="button" className="btn primary" disabled={!items.length || !!busy} onClick={() => void make()}>
            生成 PDF 并上传
          </button>
        </>
      }
    >
      <p className="hint">
        红框是检查发现问题的页。拖动调整页序，旋转方向不对的页，删除多余的页，或把模糊、污损的页换成重新拍摄的照片。原文件不会被改动。
      </p>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <input
        ref={photoInput}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        hidden
        data-role="replace-photo"
        onChange={(e) => void replaceWith(e.currentTarget.files).then(() => (e.target.value = ''))}
      />
      <CardGrid
        cards={items}
        onMove={(from, to) => setItems((list) => moved(list, from, to))}
        tools={(c, i) => (
          <>
            <button
              type="button"
              className="btn small"
              aria-label={`向左旋转 ${c.label}`}
              onClick={() => rotate(i, -90)}
            >
              ↺
            </button>
            <button
              type="button"
              className="btn small"
              aria-label={`向右旋转 ${c.label}`}
              onClick={() => rotate(i, 90)}
            >
              ↻
            </button>
            <button
              type="button"
              className="btn small"
              aria-label={`删除 ${c.label}`}
              onClick={() => setItems((l) => l.filter((_, k) => k !== i))}
            >
              删除
            </button>
            <button
              type="button"
              className="btn small"
              aria-label={`换成照片 ${c.label}`}
              onClick={() => {
                replaceAt.current = i;
                photoInput.current?.click();
              }}
            >
              换成照片
            </button>
          </>
        )}
      />
    </Shell>
  );
}
