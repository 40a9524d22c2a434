/**
 * Decoding of RAR4 block headers read from any archive (rar-format.md §3), including fields
 * this writer never emits, because the verifier must judge archives made by other tools.
 */
import { BLOCK, END_FLAG, FILE_FLAG } from './rar-headers.js';
import { decodeFileName } from './file-name-codec.js';

export const BASE_HEADER_SIZE = 7;
const FILE_FIXED = 32;
const LONG_BLOCK = 0x8000;
const DIRECTORY = 0x00e0;
export const METHOD_STORE = 0x30;

export interface FileBlock {
  flags: number;
  packSize: number;
  unpackedSize: number;
  hostOs: number;
  crc: number;
  dosTime: number;
  unpackVersion: number;
  method: number;
  attributes: number;
  name: string;
  splitBefore: boolean;
  splitAfter: boolean;
  encrypted: boolean;
  solid: boolean;
  directory: boolean;
  unicode: boolean;
}

export interface EndBlock {
  flags: number;
  nextVolume: boolean;
  dataCrc: number | undefined;
  volumeNumber: number | undefined;
}

const has = (flags: number, bit: number): boolean => (flags & bit) !== 0;

/** File or sub-block header (same layout); undefined when it is too short to hold its fields. */
export function decodeFileBlock(header: Buffer): FileBlock | undefined {
  const size = header.length;
  if (size < FILE_FIXED) {
    return undefined;
  }
  const flags = header.readUInt16LE(3);
  const large = has(flags, FILE_FLAG.large);
  const nameStart = FILE_FIXED + (large ? 8 : 0);
  const nameSize = header.readUInt16LE(26);
  if (nameStart + nameSize > size) {
    return undefined;
  }
  const high = (offset: number): number => (large ? header.readUInt32LE(offset) * 0x100000000 : 0);
  const unicode = has(flags, FILE_FLAG.unicode);
  return {
    flags,
    packSize: header.readUInt32LE(7) + high(32),
    unpackedSize: header.readUInt32LE(11) + high(36),
    hostOs: header[15] ?? 0,
    crc: header.readUInt32LE(16),
    dosTime: header.readUInt32LE(20),
    unpackVersion: header[24] ?? 0,
    method: header[25] ?? 0,
    attributes: header.readUInt32LE(28),
    name: decodeFileName(header.subarray(nameStart, nameStart + nameSize), unicode),
    splitBefore: has(flags, FILE_FLAG.splitBefore),
    splitAfter: has(flags, FILE_FLAG.splitAfter),
    encrypted: has(flags, FILE_FLAG.encrypted),
    solid: has(flags, FILE_FLAG.solid),
    directory: (flags & DIRECTORY) === DIRECTORY,
    unicode,
  };
}

/** End block; its optional fields follow in flag order (DATACRC, then VOLNR). */
export function decodeEndBlock(header: Buffer): EndBlock {
  const flags = header.readUInt16LE(3);
  let offset = BASE_HEADER_SIZE;
  let dataCrc: number | undefined;
  let volumeNumber: number | undefined;
  if (has(flags, END_FLAG.dataCrc) && offset + 4 <= header.length) {
    dataCrc = header.readUInt32LE(offset);
    offset += 4;
  }
  if (has(flags, END_FLAG.volumeNumber) && offset + 2 <= header.length) {
    volumeNumber = header.readUInt16LE(offset);
  }
  return { flags, nextVolume: has(flags, END_FLAG.nextVolume), dataCrc, volumeNumber };
}

/** Bytes of data after the header: PACK_SIZE for file-like blocks, else ADD_SIZE if flagged. */
export function dataSizeOf(type: number, header: Buffer, file: FileBlock | undefined): number {
  if (type === BLOCK.file || type === BLOCK.newSub) {
    return file?.packSize ?? 0;
  }
  if (has(header.readUInt16LE(3), LONG_BLOCK) && header.length >= 11) {
    return header.readUInt32LE(7);
  }
  return 0;
}
