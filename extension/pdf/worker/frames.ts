import { stripExif } from '../jpeg';

/** Pictures in the engine's workers: JPEG decoding at a chosen size, and turning as a page shows it. */

export function rotatedSize(w: number, h: number, rotate: number): [number, number] {
  return rotate === 90 || rotate === 270 ? [h, w] : [w, h];
}

/** Draws `src` (sw×sh as drawn) turned clockwise by `rotate` onto a dw×dh canvas. */
export function drawRotated(
  ctx: OffscreenCanvasRenderingContext2D,
  src: CanvasImageSource,
  rotate: number,
  dw: number,
  dh: number,
): void {
  ctx.save();
  if (rotate === 90) {
    ctx.translate(dw, 0);
    ctx.rotate(Math.PI / 2);
    ctx.drawImage(src, 0, 0, dh, dw);
  } else if (rotate === 180) {
    ctx.translate(dw, dh);
    ctx.rotate(Math.PI);
    ctx.drawImage(src, 0, 0, dw, dh);
  } else if (rotate === 270) {
    ctx.translate(0, dh);
    ctx.rotate(-Math.PI / 2);
    ctx.drawImage(src, 0, 0, dh, dw);
  } else ctx.drawImage(src, 0, 0, dw, dh);
  ctx.restore();
}

export async function decodeAt(bytes: ArrayBuffer, width: number, height: number): Promise<VideoFrame> {
  // A phone photo's EXIF orientation would turn the frame; a PDF shows the picture as stored.
  const dec = new ImageDecoder({
    data: stripExif(bytes),
    type: 'image/jpeg',
    desiredWidth: width,
    desiredHeight: height,
  });
  try {
    const { image } = await dec.decode();
    return image;
  } finally {
    dec.close();
  }
}
