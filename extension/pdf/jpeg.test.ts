import { describe, expect, it } from 'vitest';
import { jpegSize, stripExif, withHeight } from './jpeg';

// SOI, APP0 (JFIF), APP1 (Exif, orientation 6), SOF0 40×20, SOS, a little data, EOI.
const APP0 = [0xff, 0xe0, 0x00, 0x07, 0x4a, 0x46, 0x49, 0x46, 0x00];
const EXIF = [0xff, 0xe1, 0x00, 0x0a, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0x4d, 0x4d];
const SOF = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x14, 0x00, 0x28, 0x01, 0x01, 0x11, 0x00];
const SCAN = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0xff, 0xd9];
const jpeg = (...parts: number[][]) => new Uint8Array([0xff, 0xd8, ...parts.flat()]).buffer;

describe('stripExif', () => {
  it('drops the EXIF block and keeps every other segment byte for byte', () => {
    const out = new Uint8Array(stripExif(jpeg(APP0, EXIF, SOF, SCAN)));
    expect(Array.from(out)).toEqual([0xff, 0xd8, ...APP0, ...SOF, ...SCAN]);
    expect(jpegSize(out)).toEqual({ width: 40, height: 20 });
  });

  it('returns the same buffer when there is no EXIF block, or the bytes are not a JPEG', () => {
    const plain = jpeg(APP0, SOF, SCAN);
    expect(stripExif(plain)).toBe(plain);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]).buffer;
    expect(stripExif(png)).toBe(png);
  });
});

describe('withHeight', () => {
  it('declares fewer rows in the frame header and changes nothing else', () => {
    const src = jpeg(APP0, EXIF, SOF, SCAN);
    const out = withHeight(src, 8)!;
    expect(jpegSize(new Uint8Array(out))).toEqual({ width: 40, height: 8 });
    const a = new Uint8Array(src),
      b = new Uint8Array(out);
    const changed = [...b.keys()].filter((i) => a[i] !== b[i]);
    expect(changed).toHaveLength(1);
    // The source is left as it was: its pages are still decoded whole.
    expect(jpegSize(a)).toEqual({ width: 40, height: 20 });
  });

  it('gives nothing for as many rows or more, none, or a JPEG browsers do not decode', () => {
    const src = jpeg(APP0, SOF, SCAN);
    expect(withHeight(src, 20)).toBeNull();
    expect(withHeight(src, 0)).toBeNull();
    const arithmetic = jpeg(APP0, [0xff, 0xc9, ...SOF.slice(2)], SCAN);
    expect(withHeight(arithmetic, 8)).toBeNull();
    expect(withHeight(new Uint8Array([0x89, 0x50, 0x4e, 0x47]).buffer, 8)).toBeNull();
  });
});
