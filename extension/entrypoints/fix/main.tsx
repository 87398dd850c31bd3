/**
 * The fix page, on the extension's own origin: the upload gate embeds it (hidden while a fix runs
 * by itself, over the page for the tools the admin works in), the benchmark opens it directly. A
 * caller posts `{ type: 'laa-fix', tool, files, … }` with a MessagePort (extension/fix/protocol.ts);
 * progress and the result come back on the port. One request at a time.
 */
import { createRoot } from 'react-dom/client';
import { compressPdf } from '../../fix/compress';
import { fixPool } from '../../fix/pool';
import { HEADLESS_TOOLS, isFixRequest, type FixEvent, type FixRequest, type InputFile } from '../../fix/protocol';
import { straightenPdf } from '../../fix/straightenPdf';
import { HOST_ORIGINS } from '../../pdf/origins';
import { ToolDialog } from './ToolDialog';
import './style.css';
import { errorText } from '../../../shared/errorText';

fixPool.warm();
const root = createRoot(document.getElementById('root')!);

const SUFFIX: Record<string, string> = { compress: '-压缩', straighten: '-拉直' };

export function renamed(name: string, tool: string): string {
  const base = name.replace(/\.pdf$/i, '');
  return `${base}${SUFFIX[tool] ?? '-修复'}.pdf`;
}

export function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}

async function headless(req: FixRequest, send: (e: FixEvent, t?: Transferable[]) => void): Promise<void> {
  const f = req.files?.[0];
  if (!f) throw new Error('没有收到文件');
  const input = new Uint8Array(f.bytes);
  const progress = (stage: string, done: number, total: number) => send({ kind: 'progress', stage, done, total });
  const { bytes, stats } =
    req.tool === 'compress'
      ? await compressPdf(input, req.options, progress)
      : await straightenPdf(input, req.options, progress);
  const out: InputFile = { name: renamed(f.name, req.tool), type: 'application/pdf', bytes: bufferOf(bytes) };
  send({ kind: 'result', file: out, stats }, [out.bytes]);
}

function interactive(req: FixRequest, send: (e: FixEvent, t?: Transferable[]) => void): Promise<void> {
  return new Promise((resolve) => {
    const done = (ev: FixEvent, transfer: Transferable[] = []) => {
      root.render(null);
      send(ev, transfer);
      resolve();
    };
    root.render(<ToolDialog request={req} onDone={done} />);
  });
}

let chain: Promise<unknown> = Promise.resolve();

window.addEventListener('message', (e: MessageEvent) => {
  if (!isFixRequest(e.data)) return;
  const port = e.ports[0];
  if (!port) return;
  if (e.origin !== location.origin && !HOST_ORIGINS.includes(e.origin)) {
    port.postMessage({ kind: 'error', message: '来源不受信任，已拒绝' } satisfies FixEvent);
    return;
  }
  const req = e.data;
  const send = (ev: FixEvent, transfer: Transferable[] = []) => port.postMessage(ev, transfer);
  chain = chain.then(async () => {
    try {
      if (HEADLESS_TOOLS.includes(req.tool)) await headless(req, send);
      else await interactive(req, send);
    } catch (err) {
      send({ kind: 'error', message: errorText(err) });
    } finally {
      port.close();
    }
  });
});

if (window.parent !== window) window.parent.postMessage({ type: 'laa-fix-ready' }, '*');
document.documentElement.dataset.ready = '1';
