/**
 * PalmDB + MOBI header + EXTH parsing (MOBI 6, joint MOBI/KF8 and KF8-only AZW3). Every offset
 * read from the file is checked against what was actually read, so a truncated or lying header is
 * `metadata.file_corrupt`, never an out-of-range read.
 */
import { corrupt } from './errors.js';
import type { OpenedFile } from './file.js';

export interface KindleHeader {
  /** PalmDB name (often shortened with underscores). */
  palmName: string;
  /** Full title from the MOBI header, undecoded (see `textEncoding`). */
  fullName: Buffer | null;
  mobiVersion: number;
  /** PalmDOC encryption: 0 none, 1 old Mobipocket, 2 Mobipocket DRM. */
  encryption: number;
  /** 65001 UTF-8, 1252 Windows-1252. */
  textEncoding: number;
  /** EXTH records by type, in file order. */
  exth: Map<number, Buffer[]>;
  /** A KF8-only file (AZW3). */
  kf8Only: boolean;
  /** The file carries KF8 data (KF8-only, or a joint file with a KF8 boundary record 121). */
  hasKf8: boolean;
}

// Record 0 holds the headers and EXTH; a description can make it large, but not this large.
const MAX_RECORD0_BYTES = 1024 * 1024;
const EXTH_KF8_BOUNDARY = 121;

function parseExth(bytes: Buffer, start: number): Map<number, Buffer[]> {
  const records = new Map<number, Buffer[]>();
  if (bytes.subarray(start, start + 4).toString('latin1') !== 'EXTH' || start + 12 > bytes.length) {
    return records;
  }
  const count = bytes.readUInt32BE(start + 8);
  let at = start + 12;
  for (let i = 0; i < count; i += 1) {
    if (at + 8 > bytes.length) {
      throw corrupt('EXTH record runs past the header');
    }
    const type = bytes.readUInt32BE(at);
    const length = bytes.readUInt32BE(at + 4);
    if (length < 8 || at + length > bytes.length) {
      throw corrupt('EXTH record with an impossible length');
    }
    records.set(type, [...(records.get(type) ?? []), bytes.subarray(at + 8, at + length)]);
    at += length;
  }
  return records;
}

async function readRecord0(file: OpenedFile): Promise<Buffer> {
  // PalmDB header (78 bytes), then 8-byte record entries whose first 4 bytes are the offset.
  const palm = await file.read(0, 90);
  if (palm.length < 90) {
    throw corrupt('PalmDB header is truncated');
  }
  const recordCount = palm.readUInt16BE(76);
  const start = palm.readUInt32BE(78);
  const end = recordCount > 1 ? palm.readUInt32BE(86) : file.size;
  const length = Math.min((end > start ? end : file.size) - start, MAX_RECORD0_BYTES);
  if (recordCount === 0 || start >= file.size || length < 32) {
    throw corrupt('PalmDB record list is damaged');
  }
  return file.read(start, length);
}

function fullNameOf(record0: Buffer): Buffer | null {
  if (record0.length < 0x5c) {
    return null;
  }
  const offset = record0.readUInt32BE(0x54);
  const length = record0.readUInt32BE(0x58);
  if (length === 0 || offset + length > record0.length) {
    return null;
  }
  return record0.subarray(offset, offset + length);
}

export async function readKindleHeader(file: OpenedFile): Promise<KindleHeader> {
  const palmName = (await file.read(0, 32)).toString('latin1').split('\0')[0] ?? '';
  const record0 = await readRecord0(file);
  if (record0.length < 40 || record0.subarray(16, 20).toString('latin1') !== 'MOBI') {
    throw corrupt('MOBI header is missing');
  }
  const headerLength = record0.readUInt32BE(20);
  const mobiVersion = record0.readUInt32BE(36);
  const exthFlags = record0.length >= 132 ? record0.readUInt32BE(128) : 0;
  const exth =
    (exthFlags & 0x40) !== 0 ? parseExth(record0, 16 + headerLength) : new Map<number, Buffer[]>();
  return {
    palmName,
    fullName: fullNameOf(record0),
    mobiVersion,
    encryption: record0.readUInt16BE(12),
    textEncoding: record0.readUInt32BE(28),
    exth,
    kf8Only: mobiVersion === 8,
    hasKf8: mobiVersion === 8 || exth.has(EXTH_KF8_BOUNDARY),
  };
}
