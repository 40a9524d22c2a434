import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../../src/core/crc/crc32.js';
import { encodeFileName } from '../../../../src/core/rar/file-name-codec.js';
import {
  MARKER,
  buildEndHeader,
  buildFileHeader,
  buildMainHeader,
  fileHeaderSize,
} from '../../../../src/core/rar/rar-headers.js';

const hex = (text: string): number[] => [...Buffer.from(text.replace(/\s+/g, ''), 'hex')];

/** Header CRC by the rule of rar-format.md §3.7, written out again for the test. */
function headerCrcOk(header: Buffer): boolean {
  const size = header.readUInt16LE(5);
  return header.readUInt16LE(0) === (crc32(header.subarray(2, size)) & 0xffff);
}

describe('marker and main header', () => {
  it('match the bytes WinRAR writes', () => {
    expect([...MARKER]).toEqual(hex('52 61 72 21 1A 07 00'));
    expect([...buildMainHeader({ volume: true, first: true })]).toEqual(
      hex('B2 EF 73 01 01 0D 00 00 00 00 00 00 00'),
    );
    expect([...buildMainHeader({ volume: true, first: false })]).toEqual(
      hex('F1 FB 73 01 00 0D 00 00 00 00 00 00 00'),
    );
  });

  it('writes flags 0 for a single archive that is no volume set', () => {
    const header = buildMainHeader({ volume: false, first: true });
    expect(header.readUInt16LE(3)).toBe(0);
    expect(headerCrcOk(header)).toBe(true);
  });
});

describe('end-of-archive header', () => {
  it('has the 20-byte RAR 3/4 layout with NEXT_VOLUME on all but the last volume', () => {
    const header = buildEndHeader({ nextVolume: true, dataCrc: 0xa8e604b1, volumeNumber: 0 });
    expect([...header.subarray(2)]).toEqual(hex('7B 0F 40 14 00 B1 04 E6 A8 00 00 00000000000000'));
    // The same bytes as a real first volume (rar-format.md §3.6), CRC included.
    expect([...header.subarray(0, 2)]).toEqual(hex('6B 1E'));
    const last = buildEndHeader({ nextVolume: false, dataCrc: 1, volumeNumber: 300 });
    expect(last.readUInt16LE(3)).toBe(0x400e);
    expect(last.readUInt16LE(11)).toBe(300);
    expect(headerCrcOk(last)).toBe(true);
  });

  it('is the 7-byte form for a single archive', () => {
    const header = buildEndHeader(undefined);
    expect(header.length).toBe(7);
    expect(header.readUInt16LE(3)).toBe(0x4000);
    expect(headerCrcOk(header)).toBe(true);
  });
});

describe('file header', () => {
  const base = {
    name: encodeFileName('file.bin'),
    packSize: 1000,
    unpackedSize: 3000,
    crc: 0xdeadbeef,
    dosTime: 0x58b26bcf,
    mtime: new Date('2024-03-15T13:45:31.250Z'),
    splitBefore: false,
    splitAfter: true,
  };

  it('lays out the store fields of rar-format.md §3.5', () => {
    const header = buildFileHeader(base);
    expect(header.length).toBe(32 + 8 + 5);
    expect(header.length).toBe(fileHeaderSize(base.name, 3000));
    expect(header[2]).toBe(0x74);
    expect(header.readUInt16LE(3)).toBe(0x90c2);
    expect(header.readUInt16LE(5)).toBe(header.length);
    expect(header.readUInt32LE(7)).toBe(1000);
    expect(header.readUInt32LE(11)).toBe(3000);
    expect(header[15]).toBe(2);
    expect(header.readUInt32LE(16)).toBe(0xdeadbeef);
    expect(header.readUInt32LE(20)).toBe(0x58b26bcf);
    expect(header[24]).toBe(20);
    expect(header[25]).toBe(0x30);
    expect(header.readUInt16LE(26)).toBe(8);
    expect(header.readUInt32LE(28)).toBe(0x20);
    expect(header.subarray(32, 40).toString('latin1')).toBe('file.bin');
    expect(header.readUInt16LE(40)).toBe(0xf000);
    expect(headerCrcOk(header)).toBe(true);
  });

  it('sets the split flags of middle and last parts', () => {
    expect(buildFileHeader({ ...base, splitBefore: true }).readUInt16LE(3)).toBe(0x90c3);
    expect(buildFileHeader({ ...base, splitBefore: true, splitAfter: false }).readUInt16LE(3)).toBe(
      0x90c1,
    );
  });

  it('adds LARGE with the high halves above 2 GiB', () => {
    const big = { ...base, packSize: 2 ** 32 + 5, unpackedSize: 5 * 2 ** 32 + 7 };
    const header = buildFileHeader(big);
    expect(header.readUInt16LE(3)).toBe(0x91c2);
    expect(header.length).toBe(fileHeaderSize(base.name, big.unpackedSize));
    expect(header.readUInt32LE(7)).toBe(5);
    expect(header.readUInt32LE(11)).toBe(7);
    expect(header.readUInt32LE(32)).toBe(1);
    expect(header.readUInt32LE(36)).toBe(5);
    expect(header.subarray(40, 48).toString('latin1')).toBe('file.bin');
    expect(buildFileHeader({ ...base, unpackedSize: 2 ** 31 - 1 }).readUInt16LE(3)).toBe(0x90c2);
    expect(buildFileHeader({ ...base, unpackedSize: 2 ** 31 }).readUInt16LE(3)).toBe(0x91c2);
  });

  it('sets UNICODE for encoded names', () => {
    const header = buildFileHeader({ ...base, name: encodeFileName('é.bin') });
    expect(header.readUInt16LE(3) & 0x0200).toBe(0x0200);
    expect(headerCrcOk(header)).toBe(true);
  });
});
