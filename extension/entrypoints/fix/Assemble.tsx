import { useEffect, useRef, useState } from 'react';
import { assemblePhotos, imageType, type Photo } from '../../fix/assemble';
import { fixPool } from '../../fix/pool';
import { FIX_LABELS } from '../../fix/protocol';
import { CardGrid, moved, turn, type Card } from './Cards';
import { errorText } from '../../../shared/errorText';
import { blobUrl, memberLine, Progress, Shell, type ToolProps } from './Shell';

interface Item extends Card {
  photo: Photo;
}

let nextId = 1;

/** Photos of the form's pages → one A4 PDF, in the order and turn the admin sets (§5.2). */
export function Assemble({ request, result, cancel }: ToolProps) {
  const [items, setItems] = useState<Item[]>([]);
  const [busy, setBusy] = useState<{ label: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const add = async (files: { name: string; type: string; bytes: ArrayBuffer }[]) => {
    const skipped: string[] = [];
    const added: Item[] = [];
    for (const f of files) {
      const mime = imageType(f.name, f.type);
      if (!mime) {
        skipped.push(f.name);
        continue;
      }
      added.push({
        id: `p${nextId++}`,
        label: f.name,
        rotate: 0,
        photo: { name: f.name, mime, bytes: f.bytes, rotate: 0 },
      });
    }
    setError(skipped.length ? `已跳过不是照片的文件：${skipped.join('、')}（支持 JPG、PNG、WebP）` : null);
    setItems((list) => [...list, ...added]);
    // Thumbnails as they come, two at a time in the workers.
    for (const it of added) {
      const copy = it.photo.bytes.slice(0);
      fixPool
        .must({ kind: 'thumb', bytes: copy, mime: it.photo.mime, rotate: 0, width: 240, fromPdf: false }, [copy])
        .then((r) => {
          const url = blobUrl(r.bytes);
          urls.current.push(url);
          setItems((list) => list.map((x) => (x.id === it.id ? { ...x, thumb: url } : x)));
        })
        .catch(() => setItems((list) => list.map((x) => (x.id === it.id ? { ...x, problem: true } : x))));
    }
  };

  // The files the dialog was opened with (the request is fixed for the page's life: this runs once).
  useEffect(() => {
    if (request.files?.length) void add(request.files);
  }, [request.files]);

  const fromInput = async (list: FileList | null) => {
    if (!list) return;
    await add(
      await Promise.all(Array.from(list, async (f) => ({ name: f.name, type: f.type, bytes: await f.arrayBuffer() }))),
    );
  };

  const make = async () => {
    setError(null);
    setBusy({ label: '处理照片', done: 0, total: items.length });
    try {
      const { bytes, stats } = await assemblePhotos(
        items.map((i) => ({ ...i.photo, rotate: i.rotate as Photo['rotate'] })),
        (label, done, total) => setBusy({ label, done, total }),
      );
      const name = `入团志愿书${request.member ? `-${request.member.name}` : ''}.pdf`;
      result({ name, type: 'application/pdf', bytes: bytes.slice().buffer }, stats);
    } catch (e) {
      setError(errorText(e));
      setBusy(null);
    }
  };

  return (
    <Shell
      title={FIX_LABELS.assemble}
      who={memberLine(request.member)}
      onClose={cancel}
      status={
        busy ? (
          <Progress {...busy} />
        ) : (
          `共 ${items.length} 张照片${items.length && items.length !== 12 ? `（《入团志愿书》共 12 页）` : ''}`
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
        按《入团志愿书》页序逐页添加照片（JPG、PNG、WebP）。拖动照片调整顺序，旋转方向不对的照片；每张照片占 1 页
        A4，生成的 PDF 不超过 20M。照片只在本机处理。
      </p>
      <div
        className={`drop${over ? ' over' : ''}`}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setOver(true);
          }
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          if (!e.dataTransfer.files.length) return;
          e.preventDefault();
          setOver(false);
          void fromInput(e.dataTransfer.files);
        }}
      >
        把照片拖到这里，或{' '}
        <label>
          选择照片
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            hidden
            data-role="photos"
            onChange={(e) => void fromInput(e.currentTarget.files).then(() => (e.target.value = ''))}
          />
        </label>
      </div>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <CardGrid
        cards={items}
        onMove={(from, to) => setItems((list) => moved(list, from, to))}
        tools={(c, i) => (
          <>
            <button
              type="button"
              className="btn small"
              aria-label="向左旋转"
              onClick={() => setItems((l) => l.map((x, k) => (k === i ? { ...x, rotate: turn(x.rotate, -90) } : x)))}
            >
              ↺
            </button>
            <button
              type="button"
              className="btn small"
              aria-label="向右旋转"
              onClick={() => setItems((l) => l.map((x, k) => (k === i ? { ...x, rotate: turn(x.rotate, 90) } : x)))}
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
          </>
        )}
      />
    </Shell>
  );
}
