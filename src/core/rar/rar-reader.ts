/**
 * Lists and verifies a RAR4 set from any packer: finds the volumes by name from the first one
 * (the naming style comes from its MAIN header, as real readers do), scans each once, and
 * checks what no single free reader checks together: continuity of split files, per-part and
 * whole-file CRCs, volume numbers and DATACRC. Problems come back as findings.
 */
import { AppError } from '../../shared/errors.js';
import { EntryTracker, type RarEntry } from './entry-tracker.js';
import { RAR_RULES as R, finding, type RarFinding } from './rar-findings.js';
import { MAIN_FLAG } from './rar-headers.js';
import { cancelledError } from './sink-io.js';
import { scanVolume, type ScannedVolume } from './volume-scan.js';
import { nextVolumeName } from './volume-names.js';

export type { RarEntry } from './entry-tracker.js';

export interface RarVolumeSource {
  /** Files next to the archive (a directory listing): volumes are looked up here by name. */
  files: readonly { name: string; size: number }[];
  /** Reads one file from its start; a Node Readable will do. */
  open: (name: string) => AsyncIterable<Uint8Array>;
}

export interface RarVerifyOptions {
  /** Name of the first volume; by default the `.rar` (or `.part1.rar`) in the listing. */
  first?: string;
  signal?: AbortSignal;
  onProgress?: (progress: { bytesDone: number; bytesTotal: number; volume: string }) => void;
}

export interface RarVolumeInfo {
  name: string;
  index: number;
  size: number;
  /** CRC-32 of the whole volume file (what an SFV lists). */
  crc32: number;
  mainFlags: number | undefined;
  hasEndBlock: boolean;
}

export interface RarVerifyResult {
  ok: boolean;
  format: 'rar4' | 'rar5' | 'unknown';
  volumes: RarVolumeInfo[];
  entries: RarEntry[];
  findings: RarFinding[];
  archive: {
    multiVolume: boolean;
    newNumbering: boolean;
    solid: boolean;
    recoveryRecord: boolean;
    encrypted: boolean;
  };
}

function pickFirst(files: readonly { name: string }[]): string | undefined {
  const rars = files
    .map((file) => file.name)
    .filter((name) => /\.rar$/i.test(name))
    .sort();
  const firstPart = rars.find((name) => /\.part0*1\.rar$/i.test(name));
  return firstPart ?? rars.find((name) => !/\.part\d+\.rar$/i.test(name)) ?? rars[0];
}

class SetVerifier {
  readonly #source: RarVolumeSource;
  readonly #options: RarVerifyOptions;
  readonly #sizes: Map<string, number>;
  readonly #findings: RarFinding[] = [];
  readonly #volumes: ScannedVolume[] = [];
  readonly #tracker = new EntryTracker((rule, message, volume) => {
    this.#report(rule, 'error', message, volume);
  });
  #bytesDone = 0;
  #bytesTotal = 0;

  constructor(source: RarVolumeSource, options: RarVerifyOptions) {
    this.#source = source;
    this.#options = options;
    this.#sizes = new Map(source.files.map((file) => [file.name, file.size]));
  }

  #report(
    rule: RarFinding['rule'],
    level: RarFinding['level'],
    message: string,
    volume?: string,
  ): void {
    this.#findings.push(finding(rule, level, message, volume));
  }

  async run(): Promise<RarVerifyResult> {
    const first = this.#options.first ?? pickFirst(this.#source.files);
    if (first === undefined || !this.#sizes.has(first)) {
      this.#report(
        R.volumeMissing,
        'error',
        first === undefined ? 'No .rar file was found' : `The first volume "${first}" is missing`,
        first,
      );
      return this.#result();
    }
    this.#bytesTotal = this.#estimateTotal(first);
    await this.#walk(first);
    return this.#result();
  }

  /** Sums the listed sizes along both naming styles; the longer walk is the likely set. */
  #estimateTotal(first: string): number {
    const walk = (newNumbering: boolean): number => {
      let total = 0;
      for (
        let name: string | undefined = first;
        name !== undefined && this.#sizes.has(name);
        name = nextVolumeName(name, newNumbering)
      ) {
        total += this.#sizes.get(name) ?? 0;
      }
      return total;
    };
    return Math.max(walk(false), walk(true));
  }

  async #walk(first: string): Promise<void> {
    let name: string | undefined = first;
    while (name !== undefined) {
      const volume = await this.#scan(name, this.#volumes.length);
      this.#volumes.push(volume);
      this.#findings.push(...volume.findings);
      if (volume.signature !== 'rar4') {
        return;
      }
      this.#checkVolumeFlags(volume);
      volume.parts.forEach((part, position) => {
        this.#tracker.add(volume.name, part, position);
      });
      name = this.#nextName(volume);
    }
    this.#closeSet();
  }

  async #scan(name: string, index: number): Promise<ScannedVolume> {
    try {
      return await scanVolume(this.#source.open(name), {
        name,
        index,
        ...(this.#options.signal === undefined ? {} : { signal: this.#options.signal }),
        onBytes: (count) => {
          this.#bytesDone += count;
          this.#options.onProgress?.({
            bytesDone: this.#bytesDone,
            bytesTotal: this.#bytesTotal,
            volume: name,
          });
        },
      });
    } catch (error) {
      if (this.#options.signal?.aborted === true && !(error instanceof AppError)) {
        throw cancelledError(error);
      }
      throw error;
    }
  }

  get #newNumbering(): boolean {
    return ((this.#volumes[0]?.mainFlags ?? 0) & MAIN_FLAG.newNumbering) !== 0;
  }

  /** The next volume's name, or undefined when this volume ends the set. */
  #nextName(volume: ScannedVolume): string | undefined {
    const lastPart = volume.parts.at(-1);
    const continues = volume.end?.nextVolume ?? lastPart?.block.splitAfter === true;
    const next = nextVolumeName(volume.name, this.#newNumbering);
    if (volume.broken) {
      const isVolume = ((volume.mainFlags ?? 0) & MAIN_FLAG.volume) !== 0;
      return isVolume && next !== undefined && this.#sizes.has(next) ? next : undefined;
    }
    if (!continues) {
      return undefined;
    }
    if (next === undefined || !this.#sizes.has(next)) {
      this.#report(
        R.volumeMissing,
        'error',
        `Volume "${next ?? '(none)'}" is missing: "${volume.name}" says the set continues`,
        next,
      );
      return undefined;
    }
    return next;
  }

  #checkVolumeFlags(volume: ScannedVolume): void {
    const flags = volume.mainFlags ?? 0;
    const firstFlags = this.#volumes[0]?.mainFlags ?? 0;
    const isFirst = volume.index === 0;
    if (((flags & MAIN_FLAG.firstVolume) !== 0) !== isFirst && (flags & MAIN_FLAG.volume) !== 0) {
      const message = isFirst
        ? 'The first volume lacks the FIRSTVOLUME flag'
        : 'A later volume carries the FIRSTVOLUME flag';
      this.#report(R.volumeFlags, 'warning', message, volume.name);
    }
    if (!isFirst && ((flags ^ firstFlags) & (MAIN_FLAG.volume | MAIN_FLAG.newNumbering)) !== 0) {
      this.#report(
        R.volumeFlags,
        'error',
        'The volume and naming flags differ from the first volume',
        volume.name,
      );
    }
    if (
      !isFirst &&
      volume.end === undefined &&
      !volume.broken &&
      this.#volumes[0]?.end !== undefined
    ) {
      this.#report(
        R.truncated,
        'error',
        'The volume ends without its end-of-archive block',
        volume.name,
      );
    }
  }

  #closeSet(): void {
    const open = this.#tracker.pending;
    const last = this.#volumes.at(-1);
    const missing = this.#findings.some((item) => item.rule === R.volumeMissing);
    if (open !== undefined && last !== undefined && !last.broken && !missing) {
      this.#report(
        R.continuity,
        'error',
        `"${open}" is incomplete: the set ends before its last part`,
        last.name,
      );
    }
    const extra = last === undefined ? undefined : nextVolumeName(last.name, this.#newNumbering);
    if (extra !== undefined && this.#sizes.has(extra) && !last?.broken) {
      this.#report(
        R.extraVolume,
        'warning',
        `"${extra}" follows the last volume of the set but is not part of it`,
        extra,
      );
    }
  }

  #result(): RarVerifyResult {
    const flags = this.#volumes[0]?.mainFlags ?? 0;
    const rules = new Set(this.#findings.map((item) => item.rule));
    return {
      ok: !this.#findings.some((item) => item.level === 'error'),
      format: this.#volumes[0]?.signature ?? 'unknown',
      volumes: this.#volumes.map((volume) => ({
        name: volume.name,
        index: volume.index,
        size: volume.size,
        crc32: volume.crc32,
        mainFlags: volume.mainFlags,
        hasEndBlock: volume.end !== undefined,
      })),
      entries: this.#tracker.entries,
      findings: this.#findings,
      archive: {
        multiVolume: (flags & MAIN_FLAG.volume) !== 0,
        newNumbering: (flags & MAIN_FLAG.newNumbering) !== 0,
        solid: rules.has(R.solid),
        recoveryRecord: rules.has(R.recoveryRecord),
        encrypted: rules.has(R.encrypted),
      },
    };
  }
}

/**
 * Verifies the RAR set in `source`. Resolves with findings for every problem in the archive;
 * rejects only with `release.cancelled` on abort or `release.input_unreadable` when a file
 * cannot be read at all.
 */
export function verifyRar(
  source: RarVolumeSource,
  options: RarVerifyOptions = {},
): Promise<RarVerifyResult> {
  if (options.signal?.aborted === true) {
    return Promise.reject(cancelledError(options.signal.reason));
  }
  return new SetVerifier(source, options).run();
}
