import { readFileSync } from 'node:fs';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  openZipEntry,
  verifyZip,
  type ZipVerifyResult,
} from '../../../../src/core/zip/zip-reader.js';
import { bufferSource, headerOffsets } from './support.js';

const FIXTURES = new URL('../../../fixtures/zip/', import.meta.url);
const STORE = readFileSync(new URL('grpbok01.zip', FIXTURES));
const DEFLATE = readFileSync(new URL('grpbok01-deflate.zip', FIXTURES));
const VOLUME = readFileSync(
  new URL('../../../fixtures/rar/two-files/grp-book.rar', import.meta.url),
);
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;

const rules = (result: ZipVerifyResult): string[] => result.findings.map((item) => item.rule);
const copy = (bytes: Buffer): Buffer => Buffer.from(bytes);

describe('verifyZip', () => {
  it.each([
    ['stored', STORE, 0],
    ['deflated', DEFLATE, 8],
  ])('lists and verifies the %s golden disk', async (_label, zip, method) => {
    const result = await verifyZip(bufferSource(zip));
    expect(result.ok).toBe(true);
    expect(result.findings).toEqual([]);
    expect(
      result.entries.map((entry) => [entry.name, entry.method, entry.verified, entry.mtime]),
    ).toEqual([
      ['FILE_ID.DIZ', method, true, '2024-03-15 13:45:30'],
      ['grp-book.nfo', method, true, '2024-03-15 13:45:30'],
      ['grp-book.rar', method, true, '2024-03-15 13:45:30'],
    ]);
    expect(result.entries[2]).toMatchObject({
      size: VOLUME.length,
      crc32: zlibCrc32(VOLUME) >>> 0,
    });
  });

  it('hands every entry’s bytes to onData during the same read', async () => {
    const seen = new Map<string, Buffer[]>();
    await verifyZip(bufferSource(DEFLATE), {
      onData: (name, chunk) => seen.set(name, [...(seen.get(name) ?? []), chunk]),
    });
    expect(Buffer.concat(seen.get('grp-book.rar') ?? []).equals(VOLUME)).toBe(true);
  });

  it('finds a flipped byte in stored data', async () => {
    const zip = copy(STORE);
    const rar = headerOffsets(zip, LOCAL)[2]!;
    zip[rar + 30 + 12 + 100] = (zip[rar + 30 + 12 + 100] ?? 0) ^ 1;
    const result = await verifyZip(bufferSource(zip));
    expect(result.ok).toBe(false);
    expect(rules(result)).toEqual(['zip.crc_mismatch']);
    expect(result.findings[0]?.entry).toBe('grp-book.rar');
  });

  it('finds damaged deflate data', async () => {
    const zip = copy(DEFLATE);
    const rar = headerOffsets(zip, LOCAL)[2]!;
    for (let offset = 0; offset < 40; offset += 1) {
      zip[rar + 30 + 12 + offset] = 0xff;
    }
    const result = await verifyZip(bufferSource(zip));
    expect(result.ok).toBe(false);
    expect(['zip.entry_corrupt', 'zip.crc_mismatch']).toContain(rules(result)[0]);
  });

  it('reports a truncated ZIP as unreadable', async () => {
    const result = await verifyZip(bufferSource(STORE.subarray(0, STORE.length - 30)));
    expect(rules(result)).toEqual(['zip.unreadable']);
  });

  it('reports encrypted entries and unknown methods without reading them', async () => {
    const zip = copy(STORE);
    const [diz, nfo] = headerOffsets(zip, CENTRAL);
    zip.writeUInt16LE(zip.readUInt16LE(diz! + 8) | 1, diz! + 8);
    // A stored encrypted entry carries a 12-byte encryption header in its compressed size.
    zip.writeUInt32LE(zip.readUInt32LE(diz! + 20) + 12, diz! + 20);
    zip.writeUInt16LE(14, nfo! + 10);
    const result = await verifyZip(bufferSource(zip));
    expect(rules(result)).toEqual(['zip.encrypted', 'zip.unsupported_method']);
  });

  it('rejects with release.cancelled when aborted', async () => {
    await expect(
      verifyZip(bufferSource(STORE), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      code: 'release.cancelled',
    });
  });
});

describe('openZipEntry', () => {
  it('streams one entry’s bytes', async () => {
    const stream = await openZipEntry(bufferSource(DEFLATE), 'grp-book.rar');
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
    }
    expect(Buffer.concat(chunks).equals(VOLUME)).toBe(true);
  });

  it('rejects with resource.not_found for a missing entry', async () => {
    await expect(openZipEntry(bufferSource(STORE), 'nope')).rejects.toMatchObject({
      code: 'resource.not_found',
    });
  });
});
