/**
 * Test helpers for the RAR writer: in-memory volume sinks, deterministic sources, and a small
 * structural parser written from rar-format.md §3 (deliberately not sharing code with src).
 */
import { Writable } from 'node:stream';
import { crc32 as zlibCrc32 } from 'node:zlib';
import type { RarPatch, RarVolumeSink } from '../../../../src/core/rar/rar-writer.js';

export interface MemoryVolume {
  index: number;
  name: string;
  chunks: Buffer[];
  bytes: Buffer | undefined;
  patches: readonly RarPatch[] | undefined;
  stream: Writable;
}

/** Volume sinks that keep every byte and apply patches like a file would. */
export function memoryVolumes(): {
  openVolume: (index: number, name: string) => RarVolumeSink;
  volumes: MemoryVolume[];
  bytesOf: (name: string) => Buffer;
} {
  const volumes: MemoryVolume[] = [];
  const openVolume = (index: number, name: string): RarVolumeSink => {
    const volume: MemoryVolume = {
      index,
      name,
      chunks: [],
      bytes: undefined,
      patches: undefined,
      stream: new Writable({
        write(chunk: Buffer, _encoding, callback) {
          volume.chunks.push(Buffer.from(chunk));
          callback();
        },
      }),
    };
    volume.stream.on('error', () => undefined);
    volumes.push(volume);
    return {
      stream: volume.stream,
      patch: (edits) => {
        const bytes = Buffer.concat(volume.chunks);
        for (const edit of edits) {
          edit.bytes.copy(bytes, edit.offset);
        }
        volume.bytes = bytes;
        volume.patches = edits;
        return Promise.resolve();
      },
    };
  };
  const bytesOf = (name: string): Buffer => {
    const found = volumes.find((volume) => volume.name === name)?.bytes;
    if (found === undefined) {
      throw new Error(`no finished volume ${name}`);
    }
    return found;
  };
  return { openVolume, volumes, bytesOf };
}

/** Deterministic pseudo-random bytes (xorshift32), so fixtures can be regenerated anywhere. */
export function patternBytes(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[index] = state & 0xff;
  }
  return out;
}

/** A source that yields `data` in chunks of `chunkSize`. */
export function chunked(data: Buffer, chunkSize = 4096): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let offset = 0; offset < data.length; offset += chunkSize) {
      await Promise.resolve();
      yield data.subarray(offset, offset + chunkSize);
    }
  };
}

export const crcOf = (data: Uint8Array): number => zlibCrc32(data) >>> 0;

export interface ParsedFileBlock {
  flags: number;
  packSize: number;
  unpackedSize: number;
  hostOs: number;
  crc: number;
  ftime: number;
  unpackVersion: number;
  method: number;
  nameBytes: Buffer;
  attributes: number;
  headerSize: number;
  headerOffset: number;
  data: Buffer;
}

export interface ParsedVolume {
  mainFlags: number;
  files: ParsedFileBlock[];
  endFlags: number;
  endSize: number;
  dataCrc: number | undefined;
  volumeNumber: number | undefined;
  endOffset: number;
  badHeaderCrcs: number;
}

function headerCrcMatches(bytes: Buffer, offset: number, size: number): boolean {
  return bytes.readUInt16LE(offset) === (crcOf(bytes.subarray(offset + 2, offset + size)) & 0xffff);
}

function parseFileBlock(bytes: Buffer, offset: number): ParsedFileBlock {
  const flags = bytes.readUInt16LE(offset + 3);
  const headerSize = bytes.readUInt16LE(offset + 5);
  const large = (flags & 0x0100) !== 0;
  const high = (at: number): number => (large ? bytes.readUInt32LE(offset + at) * 2 ** 32 : 0);
  const packSize = bytes.readUInt32LE(offset + 7) + high(32);
  const nameSize = bytes.readUInt16LE(offset + 26);
  const nameStart = offset + 32 + (large ? 8 : 0);
  const dataStart = offset + headerSize;
  return {
    flags,
    packSize,
    unpackedSize: bytes.readUInt32LE(offset + 11) + high(36),
    hostOs: bytes[offset + 15] ?? -1,
    crc: bytes.readUInt32LE(offset + 16),
    ftime: bytes.readUInt32LE(offset + 20),
    unpackVersion: bytes[offset + 24] ?? -1,
    method: bytes[offset + 25] ?? -1,
    nameBytes: bytes.subarray(nameStart, nameStart + nameSize),
    attributes: bytes.readUInt32LE(offset + 28),
    headerSize,
    headerOffset: offset,
    data: bytes.subarray(dataStart, dataStart + Math.min(packSize, bytes.length - dataStart)),
  };
}

/** Parses one complete RAR4 volume held in memory. */
export function parseVolume(bytes: Buffer): ParsedVolume {
  if (!bytes.subarray(0, 7).equals(Buffer.from('526172211a0700', 'hex'))) {
    throw new Error('no RAR4 marker');
  }
  const result: ParsedVolume = {
    mainFlags: bytes.readUInt16LE(7 + 3),
    files: [],
    endFlags: -1,
    endSize: 0,
    dataCrc: undefined,
    volumeNumber: undefined,
    endOffset: -1,
    badHeaderCrcs: headerCrcMatches(bytes, 7, 13) ? 0 : 1,
  };
  let offset = 7 + bytes.readUInt16LE(7 + 5);
  while (offset < bytes.length) {
    const type = bytes[offset + 2];
    const size = bytes.readUInt16LE(offset + 5);
    result.badHeaderCrcs += headerCrcMatches(bytes, offset, size) ? 0 : 1;
    if (type === 0x7b) {
      result.endFlags = bytes.readUInt16LE(offset + 3);
      result.endSize = size;
      result.endOffset = offset;
      result.dataCrc = (result.endFlags & 2) !== 0 ? bytes.readUInt32LE(offset + 7) : undefined;
      result.volumeNumber =
        (result.endFlags & 8) !== 0 ? bytes.readUInt16LE(offset + 11) : undefined;
      break;
    }
    const block = parseFileBlock(bytes, offset);
    result.files.push(block);
    offset += size + block.packSize;
  }
  return result;
}

/** A volume source over in-memory files, read in odd-sized chunks. */
export function memorySource(files: Map<string, Buffer>, chunkSize = 777) {
  return {
    files: [...files].map(([name, bytes]) => ({ name, size: bytes.length })),
    open: (name: string) => {
      const bytes = files.get(name);
      if (bytes === undefined) {
        throw new Error(`ENOENT: ${name}`);
      }
      return chunked(bytes, chunkSize)();
    },
  };
}

/** Recomputes the 16-bit CRC of the header at `offset` after a test edited it. */
export function resealHeader(volume: Buffer, offset: number): void {
  const size = volume.readUInt16LE(offset + 5);
  volume.writeUInt16LE(crcOf(volume.subarray(offset + 2, offset + size)) & 0xffff, offset);
}

/** Recomputes DATACRC (and the end header's CRC) of a complete volume whose end block is last. */
export function resealEnd(volume: Buffer): void {
  const endOffset = volume.length - 20;
  volume.writeUInt32LE(crcOf(volume.subarray(0, endOffset)), endOffset + 7);
  resealHeader(volume, endOffset);
}

/** A NEWSUB (0x7A) block such as "RR" or "CMT", stored, with its data, per rar-format.md §3. */
export function subBlock(name: string, data: Buffer): Buffer {
  const header = Buffer.alloc(32 + name.length);
  header[2] = 0x7a;
  header.writeUInt16LE(0x8000, 3);
  header.writeUInt16LE(header.length, 5);
  header.writeUInt32LE(data.length, 7);
  header.writeUInt32LE(data.length, 11);
  header[15] = 2;
  header.writeUInt32LE(crcOf(data), 16);
  header[24] = 29;
  header[25] = 0x30;
  header.writeUInt16LE(name.length, 26);
  header.write(name, 32, 'latin1');
  header.writeUInt16LE(crcOf(header.subarray(2)) & 0xffff, 0);
  return Buffer.concat([header, data]);
}
