import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { inflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeZip, type ZipInputEntry } from '../../../../src/core/zip/zip-writer.js';
import { collector, headerOffsets, streamOf } from './support.js';

const FIXTURES = new URL('../../../fixtures/zip/', import.meta.url);
const VOLUME = readFileSync(
  new URL('../../../fixtures/rar/two-files/grp-book.rar', import.meta.url),
);
const DIZ = Buffer.from('Some Book 2024 RETAiL eBOOK\r\n[01/02]\r\n', 'latin1');
const NFO = Buffer.from('  scenepacker golden NFO\r\n', 'latin1');
const MTIME = new Date('2024-03-15T13:45:31Z');
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;

const diskEntries = (): ZipInputEntry[] => [
  { name: 'FILE_ID.DIZ', mtime: MTIME, data: DIZ },
  { name: 'grp-book.nfo', mtime: MTIME, data: NFO },
  { name: 'grp-book.rar', mtime: MTIME, size: VOLUME.length, open: streamOf(VOLUME, 333) },
];

async function zipBytes(compress: boolean): Promise<Buffer> {
  const sink = collector();
  await writeZip(diskEntries(), sink.stream, { compress });
  return sink.bytes();
}

function golden(name: string, bytes: Buffer): Buffer {
  const url = new URL(name, FIXTURES);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(FIXTURES, { recursive: true });
    writeFileSync(url, bytes);
  }
  expect(existsSync(url)).toBe(true);
  return readFileSync(url);
}

describe('writeZip', () => {
  it.each([
    ['store', false, 'grpbok01.zip'],
    ['deflate', true, 'grpbok01-deflate.zip'],
  ])('writes the %s golden disk byte for byte', async (_label, compress, fixture) => {
    const bytes = await zipBytes(compress);
    expect(bytes.equals(golden(fixture, bytes))).toBe(true);
  });

  it('lays out local headers with the method, UTC DOS time and names (APPNOTE 4.3.7)', async () => {
    const bytes = await zipBytes(false);
    const locals = headerOffsets(bytes, LOCAL);
    expect(locals).toHaveLength(3);
    const names = locals.map((offset) =>
      bytes.subarray(offset + 30, offset + 30 + bytes.readUInt16LE(offset + 26)).toString(),
    );
    expect(names).toEqual(['FILE_ID.DIZ', 'grp-book.nfo', 'grp-book.rar']);
    for (const offset of locals) {
      expect(bytes.readUInt16LE(offset + 8)).toBe(0);
      const time = bytes.readUInt16LE(offset + 10);
      const date = bytes.readUInt16LE(offset + 12);
      expect([
        (date >> 9) + 1980,
        (date >> 5) & 15,
        date & 31,
        time >> 11,
        (time >> 5) & 63,
        (time & 31) * 2,
      ]).toEqual([2024, 3, 15, 13, 45, 30]);
    }
    const first = locals[0]!;
    const data = bytes.subarray(first + 30 + 11, first + 30 + 11 + DIZ.length);
    expect(data.equals(DIZ)).toBe(true);
    const centrals = headerOffsets(bytes, CENTRAL);
    expect(centrals.map((offset) => bytes.readUInt32LE(offset + 16))).toEqual(
      [DIZ, NFO, VOLUME].map((part) => zlibCrc32(part) >>> 0),
    );
  });

  it('deflates when asked, and the data inflates back', async () => {
    const bytes = await zipBytes(true);
    const first = headerOffsets(bytes, LOCAL)[0]!;
    expect(bytes.readUInt16LE(first + 8)).toBe(8);
    const compressedSize = bytes.readUInt32LE(headerOffsets(bytes, CENTRAL)[0]! + 20);
    const start = first + 30 + 11;
    expect(inflateRawSync(bytes.subarray(start, start + compressedSize)).equals(DIZ)).toBe(true);
  });

  it('gives the same bytes whatever the process time zone', async () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Kolkata';
      const first = await zipBytes(false);
      process.env.TZ = 'America/St_Johns';
      expect((await zipBytes(false)).equals(first)).toBe(true);
    } finally {
      process.env.TZ = before;
    }
  });

  it('reports sizes and CRCs of what it wrote', async () => {
    const sink = collector();
    const result = await writeZip(diskEntries(), sink.stream);
    expect(result.size).toBe(sink.bytes().length);
    expect(result.entries).toEqual([
      { name: 'FILE_ID.DIZ', size: DIZ.length, crc32: zlibCrc32(DIZ) >>> 0 },
      { name: 'grp-book.nfo', size: NFO.length, crc32: zlibCrc32(NFO) >>> 0 },
      { name: 'grp-book.rar', size: VOLUME.length, crc32: zlibCrc32(VOLUME) >>> 0 },
    ]);
  });
});

describe('writeZip failures', () => {
  it('closes the sink with release.cancelled on abort', async () => {
    const controller = new AbortController();
    const sink = collector();
    const slow = (): Readable =>
      new Readable({
        read() {
          setTimeout(() => this.push(Buffer.alloc(1000)), 5);
        },
      });
    const promise = writeZip(
      [{ name: 'big', mtime: MTIME, size: 10_000_000, open: slow }],
      sink.stream,
      { signal: controller.signal },
    );
    setTimeout(() => {
      controller.abort();
    }, 30);
    await expect(promise).rejects.toMatchObject({ code: 'release.cancelled' });
    expect(sink.stream.destroyed).toBe(true);
    expect(sink.stream.errored).toMatchObject({ code: 'release.cancelled' });
  });

  it('reports an unreadable input', async () => {
    const failing = (): Readable =>
      new Readable({
        read() {
          this.destroy(Object.assign(new Error('EIO'), { code: 'EIO' }));
        },
      });
    const sink = collector();
    await expect(
      writeZip([{ name: 'x', mtime: MTIME, size: 10, open: failing }], sink.stream),
    ).rejects.toMatchObject({
      code: 'release.input_unreadable',
    });
    expect(sink.stream.destroyed).toBe(true);
  });

  it('reports an input whose size differs from the declared one', async () => {
    const sink = collector();
    await expect(
      writeZip(
        [{ name: 'x', mtime: MTIME, size: 10, open: streamOf(Buffer.alloc(20)) }],
        sink.stream,
      ),
    ).rejects.toMatchObject({ code: 'release.input_unreadable' });
  });

  it('passes on a sink error such as a full disk', async () => {
    const full = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
      },
    });
    await expect(writeZip(diskEntries(), full)).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});
