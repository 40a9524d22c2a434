/**
 * Follows files across volumes while the verifier walks a set: joins split parts, checks that
 * each continuation is where it must be (first in the next volume, same name and size), and
 * checks the RAR4 CRC rule: a non-final part states its own data's CRC, the last part the
 * whole file's (rar-format.md §5).
 */
import { Crc32, formatCrc32 } from '../crc/crc32.js';
import { decodeDosTime } from './dos-time.js';
import { METHOD_STORE, type FileBlock } from './rar-blocks.js';
import { RAR_RULES as R, type RarFinding } from './rar-findings.js';
import type { ScannedPart } from './volume-scan.js';

export interface RarEntry {
  name: string;
  size: number;
  packedSize: number;
  /** CRC-32 the archive states for the whole file. */
  crc32: number;
  method: number;
  store: boolean;
  /** DOS date and time as stored (local time of the packer, no zone). */
  mtime: string;
  hostOs: number;
  attributes: number;
  directory: boolean;
  encrypted: boolean;
  volumes: string[];
  /** All parts present and, for stored files, every CRC matched. */
  verified: boolean;
}

type Report = (rule: RarFinding['rule'], message: string, volume: string) => void;

interface OpenEntry {
  entry: RarEntry;
  whole: Crc32;
  intact: boolean;
}

/** Packers mark a per-part CRC they did not compute with all ones; unrar skips it too. */
const UNKNOWN_CRC = 0xffffffff;
/** Per-part CRCs exist from RAR 2.0 on. */
const FIRST_VERSION_WITH_PART_CRC = 20;

function newEntry(block: FileBlock): RarEntry {
  return {
    name: block.name,
    size: block.unpackedSize,
    packedSize: 0,
    crc32: block.crc,
    method: block.method,
    store: block.method === METHOD_STORE,
    mtime: decodeDosTime(block.dosTime),
    hostOs: block.hostOs,
    attributes: block.attributes,
    directory: block.directory,
    encrypted: block.encrypted,
    volumes: [],
    verified: false,
  };
}

export class EntryTracker {
  readonly entries: RarEntry[] = [];
  readonly #report: Report;
  #open: OpenEntry | undefined;

  /** `report` receives error findings. */
  constructor(report: Report) {
    this.#report = report;
  }

  /** Name of the file still waiting for its next part, if any. */
  get pending(): string | undefined {
    return this.#open?.entry.name;
  }

  add(volume: string, part: ScannedPart, position: number): void {
    const block = part.block;
    const open = this.#open;
    const continues = open?.entry.name === block.name && position === 0;
    if (block.splitBefore && !continues) {
      this.#report(
        R.continuity,
        `"${block.name}" continues here, but the previous volume did not leave it open`,
        volume,
      );
    }
    if (!block.splitBefore && open !== undefined) {
      this.#report(
        R.continuity,
        `"${open.entry.name}" was cut off: the next volume starts with "${block.name}" instead of its continuation`,
        volume,
      );
    }
    const current = block.splitBefore && continues ? open : this.#start(block, volume);
    this.#addPart(current, volume, part);
    this.#open = block.splitAfter ? current : undefined;
    if (!block.splitAfter) {
      this.#finish(current, block, volume);
    }
  }

  #start(block: FileBlock, volume: string): OpenEntry {
    const entry = newEntry(block);
    this.entries.push(entry);
    if (block.encrypted) {
      this.#report(R.encrypted, `"${block.name}" is encrypted`, volume);
    }
    if (block.solid) {
      this.#report(R.solid, `"${block.name}" is stored in solid mode`, volume);
    }
    if (block.method !== METHOD_STORE && !block.directory) {
      const method = `0x${block.method.toString(16)}`;
      this.#report(
        R.notStore,
        `"${block.name}" is compressed (method ${method}); scene rules require store`,
        volume,
      );
    }
    return { entry, whole: new Crc32(), intact: !block.splitBefore };
  }

  #addPart(open: OpenEntry, volume: string, part: ScannedPart): void {
    const { entry } = open;
    const block = part.block;
    entry.volumes.push(volume);
    entry.packedSize += part.data.length;
    open.whole.append(part.data);
    open.intact &&= part.complete;
    if (block.unpackedSize !== entry.size) {
      this.#report(
        R.continuity,
        `"${entry.name}" states ${block.unpackedSize} bytes here but ${entry.size} in its first part`,
        volume,
      );
    }
    const checkable =
      entry.store &&
      !entry.encrypted &&
      part.complete &&
      block.unpackVersion >= FIRST_VERSION_WITH_PART_CRC;
    if (
      block.splitAfter &&
      checkable &&
      block.crc !== UNKNOWN_CRC &&
      block.crc !== part.data.value
    ) {
      const detail = `stored ${formatCrc32(block.crc)}, data gives ${formatCrc32(part.data.value)}`;
      this.#report(
        R.partCrc,
        `CRC error in the part of "${entry.name}" in this volume: ${detail}`,
        volume,
      );
      open.intact = false;
    }
  }

  #finish(open: OpenEntry, block: FileBlock, volume: string): void {
    const { entry } = open;
    entry.crc32 = block.crc;
    if (!open.intact || !entry.store || entry.encrypted || entry.directory) {
      return;
    }
    if (entry.packedSize !== entry.size) {
      this.#report(
        R.sizeMismatch,
        `"${entry.name}" holds ${entry.packedSize} stored bytes but states ${entry.size}`,
        volume,
      );
      return;
    }
    if (open.whole.value !== block.crc) {
      const detail = `stored ${formatCrc32(block.crc)}, data gives ${formatCrc32(open.whole.value)}`;
      this.#report(R.fileCrc, `CRC error in "${entry.name}": ${detail}`, volume);
      return;
    }
    entry.verified = true;
  }
}
