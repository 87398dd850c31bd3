import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { circularTree, deepTree, jpegHeader, compressionBomb } from '../../../test/fixtures/hostile';
import { encryptedPdf, jpegPages } from '../../../test/fixtures/rawPdf';
import { readFileFacts } from '../quick';
import { readPageContent } from './content';
import { inflateBounded } from './filters';
import { md5, rc4 } from './md5';

const pages = (n: number) =>
  jpegPages(Array.from({ length: n }, () => ({ jpeg: jpegHeader(1654, 2339), width: 1654, height: 2339 })));

describe('the structure parser', () => {
  it('computes MD5 and RC4 as the standard security handler needs', () => {
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    expect(hex(md5(new TextEncoder().encode('abc')))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(hex(md5(new Uint8Array(0)))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    const enc = rc4(new TextEncoder().encode('Key'), new TextEncoder().encode('Plaintext'));
    expect(hex(enc)).toBe('bbf316e8d940af0ad3');
  });
  it('opens an owner-password-only file and decrypts its content; refuses one with a user password', async () => {
    const { objects, root } = pages(12);
    const open = await readFileFacts(encryptedPdf(objects, root, '', 'owner'), 40);
    expect(open.file).toMatchObject({ needsPassword: false, ownerPasswordOnly: true, pageCount: 12 });
    const content = await readPageContent(open.doc!, open.pages[0]!, 1);
    expect(content.facts.images).toMatchObject([{ kind: 'jpeg', width: 1654, coverage: 1 }]);
    const locked = await readFileFacts(encryptedPdf(objects, root, 'secret', 'owner'), 40);
    expect(locked.file).toMatchObject({ needsPassword: true, pageCount: null });
  });
  it('stops inflating at the limit', async () => {
    const bomb = deflateSync(Buffer.alloc(64 << 20, 0x20));
    const r = await inflateBounded(new Uint8Array(bomb), 1 << 20);
    expect(r.truncated).toBe(true);
    expect(r.data.length).toBe(1 << 20);
  });
  it('stays bounded on circular and deep trees and on a content bomb', async () => {
    const t0 = Date.now();
    const circular = await readFileFacts(circularTree(), 40);
    expect(circular.file.pageCount).toBe(1);
    const c = await readPageContent(circular.doc!, circular.pages[0]!, 1);
    expect(c.facts.images).toEqual([]);
    const deep = await readFileFacts(deepTree(), 40);
    expect(deep.file).toMatchObject({ corrupt: true, pageCount: null });
    const bomb = await readFileFacts(compressionBomb(), 40);
    const b = await readPageContent(bomb.doc!, bomb.pages[0]!, 1);
    expect(b.facts.contentUnreadable).toBe(true);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
