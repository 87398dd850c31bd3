/**
 * Decoding and encoding pictures off the main thread: JPEG scans are decoded at the size wanted
 * inside the JPEG decoder (ImageDecoder's desiredWidth scales while decoding, stack.md), other
 * pictures through createImageBitmap, which honours a photo's EXIF orientation.
 */

/** Draws `src` (its own w×h) turned clockwise by `rotate` onto a canvas of the turned size, scaled by `scale`. */
export function turned(src: CanvasImageSource, w: number, h: number, rotate: number, scale = 1): OffscreenCanvas {
  const r = ((rotate % 360) + 360) % 360;
  const sw = Math.max(1, Math.round(w * scale)),
    sh = Math.max(1, Math.round(h * scale));
  const side = r === 90 || r === 270;
  const c = new OffscreenCanvas(side ? sh : sw, side ? sw : sh);
  const ctx = c.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.translate(c.width / 2, c.height / 2);
  ctx.rotate((r * Math.PI) / 180);
  ctx.drawImage(src, -sw / 2, -sh / 2, sw, sh);
  return c;
}

/** A JPEG decoded at (about) the given size; the decoder picks its nearest scale, the canvas the rest. */
export async function decodeJpegAt(bytes: ArrayBuffer, width: number, height: number): Promise<VideoFrame> {
  const dec = new ImageDecoder({
    data: bytes,
    type: 'image/jpeg',
    desiredWidth: Math.max(1, Math.round(width)),
    desiredHeight: Math.max(1, Math.round(height)),
  });
  try {
    return (await dec.decode()).image;
  } finally {
    dec.close();
  }
}

/** Any picture the browser can read, upright as its EXIF orientation says. */
export async function decodeImage(bytes: ArrayBuffer, mime: string): Promise<ImageBitmap> {
  return createImageBitmap(new Blob([bytes], { type: mime || 'application/octet-stream' }), {
    imageOrientation: 'from-image',
  });
}

export async function encodeJpeg(c: OffscreenCanvas, quality: number): Promise<ArrayBuffer> {
  return (await c.convertToBlob({ type: 'image/jpeg', quality })).arrayBuffer();
}

/** A picture's RGBA pixels, for measuring. */
export function pixelsOf(c: OffscreenCanvas): ImageData {
  return c.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, c.width, c.height);
}

export function canvasOf(img: ImageData): OffscreenCanvas {
  const c = new OffscreenCanvas(img.width, img.height);
  c.getContext('2d')!.putImageData(img, 0, 0);
  return c;
}

/** A4 in inches: the form is printed on it. */
export const A4_IN = { w: 210 / 25.4, h: 297 / 25.4 };
