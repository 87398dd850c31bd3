/**
 * Editing an existing PDF the way the admin laid it out: pages kept in a new order, turned,
 * removed, or replaced by a photo of the page. The kept pages are copied untouched (pdf-lib);
 * a photo becomes an A4 page like the assemble tool makes.
 */
import { degrees, EncryptedPDFError, PDFDocument } from 'pdf-lib';
import { addPhotoPage, type Photo } from './assemble';
import { fixPool } from './pool';
import type { FixStats, Progress } from './protocol';

export type Turn = 0 | 90 | 180 | 270;

export type EditItem =
  /** A page of the original file (0-based), turned clockwise by `rotate` on top of its own rotation. */
  { kind: 'page'; source: number; rotate: Turn } | { kind: 'photo'; photo: Photo };

export async function loadForEdit(input: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(input, { updateMetadata: false });
  } catch (e) {
    if (e instanceof EncryptedPDFError) throw new Error('文件已加密，无法编辑：请先在原软件中去掉密码', { cause: e });
    throw new Error('文件无法读取，请确认是完好的 PDF', { cause: e });
  }
}

export async function applyEdits(
  input: Uint8Array,
  items: EditItem[],
  progress: Progress = () => {},
): Promise<{ bytes: Uint8Array; stats: FixStats }> {
  const t0 = performance.now();
  if (!items.length) throw new Error('至少保留 1 页');
  const src = await loadForEdit(input);
  const out = await PDFDocument.create();
  const sources = items.flatMap((i) => (i.kind === 'page' ? [i.source] : []));
  const copied = await out.copyPages(src, sources);
  const photos = await Promise.all(
    items.map(async (i) => {
      if (i.kind !== 'photo') return null;
      const copy = i.photo.bytes.slice(0);
      return fixPool.must(
        { kind: 'photo', bytes: copy, mime: i.photo.mime, rotate: i.photo.rotate, maxDpi: 300, quality: 0.85 },
        [copy],
      );
    }),
  );
  let k = 0;
  const changed: number[] = [];
  for (const [n, item] of items.entries()) {
    if (item.kind === 'page') {
      const page = copied[k++]!;
      if (item.rotate) page.setRotation(degrees((page.getRotation().angle + item.rotate) % 360));
      out.addPage(page);
      if (item.rotate || item.source !== n) changed.push(n + 1);
    } else {
      const r = photos[n]!;
      await addPhotoPage(out, r.bytes, r.width, r.height);
      changed.push(n + 1);
    }
    progress('生成文件', n + 1, items.length);
  }
  const bytes = await out.save();
  return {
    bytes,
    stats: {
      ms: performance.now() - t0,
      inBytes: input.length,
      outBytes: bytes.length,
      pages: items.length,
      changedPages: changed,
    },
  };
}
