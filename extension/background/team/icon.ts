/**
 * The notification's icon, drawn once per service-worker life: Chrome requires one for a basic
 * notification, and the extension ships no image files.
 */
import { toBase64 } from '../../../shared/bytes';

let cached: Promise<string> | null = null;

async function draw(): Promise<string> {
  const size = 128;
  const canvas = new OffscreenCanvas(size, size);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#1d62c9';
  g.beginPath();
  g.roundRect(0, 0, size, size, 24);
  g.fill();
  g.fillStyle = '#ffffff';
  g.font = 'bold 80px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText('团', size / 2, size / 2 + 4);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return `data:image/png;base64,${toBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}

export function notificationIcon(): Promise<string> {
  cached ??= draw().catch(() => {
    cached = null;
    // A 1×1 blue pixel: a notification with a plain icon beats none.
    return 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkqP9fDwAFAQH/0vSXIQAAAABJRU5ErkJggg==';
  });
  return cached;
}
