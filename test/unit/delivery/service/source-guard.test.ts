import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { LocalFileReader } from '../../../../src/delivery/ports.js';
import { guardedSource } from '../../../../src/services/delivery/source-guard.js';
import { MemoryFiles } from '../support.js';

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

describe('guardedSource', () => {
  const files = new MemoryFiles();
  const bytes = Buffer.from('0123456789'.repeat(10_000));
  files.files.set('/r/a.rar', bytes);

  it('streams from an offset and knows the CRC-32 of a full read', async () => {
    const source = guardedSource(files, '/r/a.rar', { path: 'a.rar', size: bytes.length });
    expect(await drain(source.open(40_000))).toEqual(bytes.subarray(40_000));
    expect(await drain(source.open(0))).toEqual(bytes);
    expect(await source.crc32()).toBe(crc32(bytes));
  });

  it.each([
    ['grew', bytes.length - 1],
    ['shrank', bytes.length + 1],
  ])('says source_changed when the file %s', async (word, listed) => {
    const source = guardedSource(files, '/r/a.rar', { path: 'a.rar', size: listed });
    await expect(drain(source.open(0))).rejects.toMatchObject({
      code: 'delivery.source_changed',
      message: expect.stringContaining(word) as string,
    });
  });

  it('says source_changed when the file cannot be read', async () => {
    const broken: LocalFileReader = {
      list: () => Promise.resolve([]),
      open: () =>
        new Readable({
          read() {
            this.destroy(new Error('EIO'));
          },
        }),
    };
    const source = guardedSource(broken, '/r/x', { path: 'x', size: 5 });
    await expect(drain(source.open(0))).rejects.toMatchObject({ code: 'delivery.source_changed' });
  });
});
