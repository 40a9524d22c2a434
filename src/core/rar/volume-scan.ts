/**
 * Reads one RAR4 volume from start to end in a single pass: checks the signature and every
 * header CRC, hashes each data area once (that CRC also feeds the whole-volume CRC by
 * combination), and checks the end block's volume number and DATACRC. Continuity and file
 * CRCs across volumes are judged by the caller from what this returns.
 */
import { Crc32, crc32Low16 } from '../crc/crc32.js';
import { formatCrc32 } from '../crc/crc32.js';
import { ChunkReader } from './chunk-reader.js';
import {
  BASE_HEADER_SIZE,
  dataSizeOf,
  decodeEndBlock,
  decodeFileBlock,
  type EndBlock,
  type FileBlock,
} from './rar-blocks.js';
import { RAR_RULES as R, finding, type RarFinding } from './rar-findings.js';
import { BLOCK, MAIN_FLAG, MARKER, RAR5_MARKER } from './rar-headers.js';

export interface ScannedPart {
  block: FileBlock;
  /** CRC-32 and length of the data bytes actually read (fewer than PACK_SIZE if truncated). */
  data: Crc32;
  complete: boolean;
}

export interface ScannedVolume {
  name: string;
  index: number;
  signature: 'rar4' | 'rar5' | 'unknown';
  mainFlags: number | undefined;
  parts: ScannedPart[];
  subBlocks: string[];
  end: EndBlock | undefined;
  /** Parsing stopped before the end block because the volume is cut short or malformed. */
  broken: boolean;
  size: number;
  /** CRC-32 of the whole volume file, as an SFV states it. */
  crc32: number;
  findings: RarFinding[];
}

export interface ScanOptions {
  name: string;
  index: number;
  signal?: AbortSignal;
  onBytes?: (count: number) => void;
}

const OLD_BLOCKS: Record<
  number,
  | { rule: typeof R.comment | typeof R.recoveryRecord | typeof R.authenticity; what: string }
  | undefined
> = {
  0x75: { rule: R.comment, what: 'an old-style comment block' },
  0x76: { rule: R.authenticity, what: 'old-style authenticity information' },
  0x78: { rule: R.recoveryRecord, what: 'an old-style recovery record' },
  0x79: { rule: R.authenticity, what: 'old-style authenticity information' },
};

const SUB_BLOCKS: Record<
  string,
  | { rule: typeof R.comment | typeof R.recoveryRecord | typeof R.authenticity; what: string }
  | undefined
> = {
  RR: { rule: R.recoveryRecord, what: 'a recovery record' },
  CMT: { rule: R.comment, what: 'an archive comment' },
  AV: { rule: R.authenticity, what: 'authenticity verification' },
};

class VolumeScan {
  readonly #reader: ChunkReader;
  readonly #crc = new Crc32();
  readonly result: ScannedVolume;

  constructor(source: AsyncIterable<Uint8Array>, options: ScanOptions) {
    this.#reader = new ChunkReader(source, options);
    this.result = {
      name: options.name,
      index: options.index,
      signature: 'unknown',
      mainFlags: undefined,
      parts: [],
      subBlocks: [],
      end: undefined,
      broken: false,
      size: 0,
      crc32: 0,
      findings: [],
    };
  }

  #report(rule: RarFinding['rule'], level: RarFinding['level'], message: string): void {
    this.result.findings.push(finding(rule, level, message, this.result.name));
  }

  async run(): Promise<ScannedVolume> {
    try {
      if (await this.#signature()) {
        await this.#blocks();
      }
      await this.#rest();
    } finally {
      await this.#reader.close();
    }
    this.result.size = this.#reader.position;
    this.result.crc32 = this.#crc.value;
    return this.result;
  }

  async #read(count: number): Promise<Buffer> {
    const bytes = await this.#reader.read(count);
    this.#crc.update(bytes);
    return bytes;
  }

  async #signature(): Promise<boolean> {
    const marker = await this.#read(MARKER.length);
    if (marker.equals(MARKER)) {
      this.result.signature = 'rar4';
      return true;
    }
    if (marker.equals(RAR5_MARKER.subarray(0, MARKER.length))) {
      this.result.signature = 'rar5';
      this.#report(
        R.rar5,
        'error',
        'RAR5 archive: scene rules allow RAR 2.9/4 only; its contents were not verified',
      );
      return false;
    }
    const what = marker.length < MARKER.length ? 'too short to be' : 'not';
    this.#report(
      R.notRar,
      'error',
      `The file is ${what} a RAR archive (no RAR signature at its start)`,
    );
    return false;
  }

  /** Hashes whatever follows the end block (or a point of no return) into the volume CRC. */
  async #rest(): Promise<void> {
    const trailing = await this.#reader.pass(Infinity, (piece) => this.#crc.update(piece));
    if (trailing > 0 && this.result.end !== undefined) {
      this.#report(R.trailingData, 'warning', `${trailing} bytes follow the end-of-archive block`);
    }
  }

  async #blocks(): Promise<void> {
    for (;;) {
      const before = this.#crc.value;
      const header = await this.#header();
      if (header === undefined) {
        return;
      }
      const type = header[2] ?? 0;
      if (type === BLOCK.end) {
        this.#end(header, before);
        return;
      }
      if (!(await this.#block(type, header))) {
        this.result.broken = true;
        return;
      }
    }
  }

  /** Reads and CRC-checks one header; undefined at the end of the stream or when unusable. */
  async #header(): Promise<Buffer | undefined> {
    const base = await this.#read(BASE_HEADER_SIZE);
    if (base.length === 0) {
      this.#report(
        R.noEndBlock,
        'warning',
        'The volume has no end-of-archive block (written by an old or custom packer)',
      );
      return undefined;
    }
    const size = base.length === BASE_HEADER_SIZE ? base.readUInt16LE(5) : 0;
    if (base.length < BASE_HEADER_SIZE || size < BASE_HEADER_SIZE) {
      this.#broken(base.length < BASE_HEADER_SIZE ? R.truncated : R.badHeader, 'a block header');
      return undefined;
    }
    const rest = await this.#read(size - BASE_HEADER_SIZE);
    if (rest.length < size - BASE_HEADER_SIZE) {
      this.#broken(R.truncated, 'a block header');
      return undefined;
    }
    const header = Buffer.concat([base, rest]);
    if (header.readUInt16LE(0) !== crc32Low16(header.subarray(2))) {
      const where = this.#reader.position - size;
      this.#report(
        R.headerCrc,
        'error',
        `Header CRC error in the block of type 0x${(header[2] ?? 0).toString(16)} at offset ${where}`,
      );
    }
    return header;
  }

  #broken(rule: typeof R.truncated | typeof R.badHeader, what: string): void {
    const message =
      rule === R.truncated
        ? `The volume ends in the middle of ${what} (offset ${this.#reader.position}): it is truncated`
        : `Malformed ${what} at offset ${this.#reader.position}`;
    this.#report(rule, 'error', message);
    this.result.broken = true;
  }

  /** Handles one non-end block and its data; false when the volume cannot be read further. */
  async #block(type: number, header: Buffer): Promise<boolean> {
    const file = type === BLOCK.file || type === BLOCK.newSub ? decodeFileBlock(header) : undefined;
    if ((type === BLOCK.file || type === BLOCK.newSub) && file === undefined) {
      this.#broken(R.badHeader, 'a file header');
      return false;
    }
    if (type === BLOCK.main) {
      this.#main(header);
    } else if (type === BLOCK.newSub && file !== undefined) {
      this.#subBlock(file.name);
    } else if (type !== BLOCK.file) {
      this.#otherBlock(type);
    }
    const data = new Crc32();
    const wanted = dataSizeOf(type, header, file);
    await this.#reader.pass(wanted, (piece) => data.update(piece));
    this.#crc.append(data);
    if (type === BLOCK.file && file !== undefined) {
      this.result.parts.push({ block: file, data, complete: data.length === wanted });
    }
    if (data.length < wanted) {
      this.#broken(R.truncated, file === undefined ? 'a data area' : `the data of "${file.name}"`);
      return false;
    }
    return !(type === BLOCK.main && (header.readUInt16LE(3) & MAIN_FLAG.encryptedHeaders) !== 0);
  }

  #main(header: Buffer): void {
    const flags = header.readUInt16LE(3);
    this.result.mainFlags ??= flags;
    const checks: [number, RarFinding['rule'], RarFinding['level'], string][] = [
      [
        MAIN_FLAG.encryptedHeaders,
        R.encrypted,
        'error',
        'The archive headers are encrypted; nothing further can be read',
      ],
      [MAIN_FLAG.recovery, R.recoveryRecord, 'error', 'The archive declares a recovery record'],
      [MAIN_FLAG.solid, R.solid, 'error', 'The archive is solid'],
      [MAIN_FLAG.locked, R.locked, 'warning', 'The archive is locked'],
      [MAIN_FLAG.comment, R.comment, 'warning', 'The archive has an old-style comment'],
      [
        MAIN_FLAG.authenticity,
        R.authenticity,
        'warning',
        'The archive carries authenticity information',
      ],
    ];
    for (const [bit, rule, level, message] of checks) {
      if ((flags & bit) !== 0) {
        this.#report(rule, level, message);
      }
    }
  }

  #subBlock(name: string): void {
    this.result.subBlocks.push(name);
    const known = SUB_BLOCKS[name];
    if (known !== undefined) {
      const level = known.rule === R.comment ? 'warning' : 'error';
      this.#report(known.rule, level, `The volume contains ${known.what} ("${name}" block)`);
    }
  }

  #otherBlock(type: number): void {
    const known = OLD_BLOCKS[type];
    if (known !== undefined) {
      this.#report(
        known.rule,
        known.rule === R.recoveryRecord ? 'error' : 'warning',
        `The volume contains ${known.what}`,
      );
    } else if (type !== 0x77) {
      this.#report(
        R.unknownBlock,
        'warning',
        `Unknown block type 0x${type.toString(16)} was skipped`,
      );
    }
  }

  #end(header: Buffer, crcBefore: number): void {
    const end = decodeEndBlock(header);
    this.result.end = end;
    if (end.volumeNumber !== undefined && end.volumeNumber !== this.result.index) {
      this.#report(
        R.volumeNumber,
        'error',
        `The end block says volume number ${end.volumeNumber}, but this is volume ${this.result.index} of the set`,
      );
    }
    if (end.dataCrc !== undefined && end.dataCrc !== crcBefore) {
      this.#report(
        R.volumeCrc,
        'error',
        `Volume CRC mismatch: the end block says ${formatCrc32(end.dataCrc)}, the volume's bytes give ${formatCrc32(crcBefore)}`,
      );
    }
  }
}

/** Scans the volume `source` (the bytes of one volume file) at position `index` of its set. */
export function scanVolume(
  source: AsyncIterable<Uint8Array>,
  options: ScanOptions,
): Promise<ScannedVolume> {
  return new VolumeScan(source, options).run();
}
