/**
 * RAR4 block builders for a store-only writer (rar-format.md §3). Every multi-byte field is
 * little-endian; every header starts with the low 16 bits of the CRC-32 of the rest of it.
 */
import { crc32Low16 } from '../crc/crc32.js';
import { EXT_TIME_SIZE, encodeExtTime } from './dos-time.js';
import type { EncodedName } from './file-name-codec.js';

export const MARKER = Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00]);
export const RAR5_MARKER = Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]);

export const BLOCK = { main: 0x73, file: 0x74, newSub: 0x7a, end: 0x7b } as const;

export const MAIN_FLAG = {
  volume: 0x0001,
  comment: 0x0002,
  locked: 0x0004,
  solid: 0x0008,
  newNumbering: 0x0010,
  authenticity: 0x0020,
  recovery: 0x0040,
  encryptedHeaders: 0x0080,
  firstVolume: 0x0100,
} as const;

export const FILE_FLAG = {
  splitBefore: 0x0001,
  splitAfter: 0x0002,
  encrypted: 0x0004,
  comment: 0x0008,
  solid: 0x0010,
  directoryMask: 0x00e0,
  large: 0x0100,
  unicode: 0x0200,
  salt: 0x0400,
  extTime: 0x1000,
  longBlock: 0x8000,
} as const;

export const END_FLAG = {
  nextVolume: 0x0001,
  dataCrc: 0x0002,
  revSpace: 0x0004,
  volumeNumber: 0x0008,
} as const;

export const MAIN_HEADER_SIZE = 13;
export const END_HEADER_SIZE = 20;
export const PLAIN_END_HEADER_SIZE = 7;
const FILE_HEADER_FIXED = 32;
const HIGH_SIZES = 8;
/** Windows host with the "archive" attribute: what most scene sets carry (rar-format.md §7). */
const HOST_WINDOWS = 2;
const ATTRIBUTE_ARCHIVE = 0x20;
/** Version 2.0 is what WinRAR writes for stored files. */
const UNPACK_VERSION = 20;
const METHOD_STORE = 0x30;
/** Dictionary bits 110 (4096 KB), WinRAR's default even for store; never 111 (directory). */
const DICTIONARY_4096 = 0x00c0;
/** WinRAR sets LARGE only above 2 GiB; it is mandatory from 4 GiB. */
const LARGE_THRESHOLD = 0x7fffffff;
/** Flag 0x4000 on end blocks: old readers may skip the block. */
const SKIP_IF_UNKNOWN = 0x4000;

function sealHeader(header: Buffer): Buffer {
  header.writeUInt16LE(crc32Low16(header.subarray(2)), 0);
  return header;
}

function baseHeader(size: number, type: number, flags: number): Buffer {
  const header = Buffer.alloc(size);
  header[2] = type;
  header.writeUInt16LE(flags, 3);
  header.writeUInt16LE(size, 5);
  return header;
}

export function buildMainHeader(options: { volume: boolean; first: boolean }): Buffer {
  const flags = options.volume ? MAIN_FLAG.volume | (options.first ? MAIN_FLAG.firstVolume : 0) : 0;
  return sealHeader(baseHeader(MAIN_HEADER_SIZE, BLOCK.main, flags));
}

export interface EndOfVolume {
  nextVolume: boolean;
  /** CRC-32 of every byte of the volume before this block, marker included. */
  dataCrc: number;
  /** 0-based: `.rar` is 0, `.r00` is 1. */
  volumeNumber: number;
}

/** The 20-byte end block of a volume set, or the 7-byte one of a single archive (`undefined`). */
export function buildEndHeader(volume: EndOfVolume | undefined): Buffer {
  if (volume === undefined) {
    return sealHeader(baseHeader(PLAIN_END_HEADER_SIZE, BLOCK.end, SKIP_IF_UNKNOWN));
  }
  const flags =
    SKIP_IF_UNKNOWN |
    END_FLAG.dataCrc |
    END_FLAG.volumeNumber |
    END_FLAG.revSpace |
    (volume.nextVolume ? END_FLAG.nextVolume : 0);
  const header = baseHeader(END_HEADER_SIZE, BLOCK.end, flags);
  header.writeUInt32LE(volume.dataCrc >>> 0, 7);
  header.writeUInt16LE(volume.volumeNumber, 11);
  return sealHeader(header);
}

function isLarge(unpackedSize: number): boolean {
  return unpackedSize > LARGE_THRESHOLD;
}

/** Size of every part's header of a file: it is the same in each volume. */
export function fileHeaderSize(name: EncodedName, unpackedSize: number): number {
  return (
    FILE_HEADER_FIXED + (isLarge(unpackedSize) ? HIGH_SIZES : 0) + name.bytes.length + EXT_TIME_SIZE
  );
}

export interface FilePartHeader {
  name: EncodedName;
  /** Data bytes of this part. */
  packSize: number;
  /** The whole file's size, the same in every part. */
  unpackedSize: number;
  /** CRC-32 of this part's data, or of the whole file in the last part. */
  crc: number;
  dosTime: number;
  mtime: Date;
  utcOffsetMinutes?: number;
  splitBefore: boolean;
  splitAfter: boolean;
}

function fileFlags(part: FilePartHeader): number {
  return (
    FILE_FLAG.longBlock |
    FILE_FLAG.extTime |
    DICTIONARY_4096 |
    (isLarge(part.unpackedSize) ? FILE_FLAG.large : 0) |
    (part.name.unicode ? FILE_FLAG.unicode : 0) |
    (part.splitBefore ? FILE_FLAG.splitBefore : 0) |
    (part.splitAfter ? FILE_FLAG.splitAfter : 0)
  );
}

const high32 = (value: number): number => Math.floor(value / 0x100000000);
const low32 = (value: number): number => value % 0x100000000;

export function buildFileHeader(part: FilePartHeader): Buffer {
  const size = fileHeaderSize(part.name, part.unpackedSize);
  const header = baseHeader(size, BLOCK.file, fileFlags(part));
  header.writeUInt32LE(low32(part.packSize), 7);
  header.writeUInt32LE(low32(part.unpackedSize), 11);
  header[15] = HOST_WINDOWS;
  header.writeUInt32LE(part.crc >>> 0, 16);
  header.writeUInt32LE(part.dosTime >>> 0, 20);
  header[24] = UNPACK_VERSION;
  header[25] = METHOD_STORE;
  header.writeUInt16LE(part.name.bytes.length, 26);
  header.writeUInt32LE(ATTRIBUTE_ARCHIVE, 28);
  let offset = FILE_HEADER_FIXED;
  if (isLarge(part.unpackedSize)) {
    header.writeUInt32LE(high32(part.packSize), offset);
    header.writeUInt32LE(high32(part.unpackedSize), offset + 4);
    offset += HIGH_SIZES;
  }
  part.name.bytes.copy(header, offset);
  encodeExtTime(part.mtime, part.utcOffsetMinutes).copy(header, offset + part.name.bytes.length);
  return sealHeader(header);
}
