/**
 * One-pass RAR4 store writer. Each input byte is read once and hashed once: the per-part CRC is
 * computed while the part is written, and the whole-file and per-volume CRCs are derived from
 * the part CRCs by combination, not by hashing again.
 *
 * RAR4 puts a part's CRC in the header *before* its data, and a part can be far larger than
 * memory should hold, so the header goes out with a zero CRC and the sink patches it in place
 * once the volume is complete (the `patch` half of `RarVolumeSink`). That is what WinRAR does too.
 */
import type { Writable } from 'node:stream';
import { AppError } from '../../shared/errors.js';
import { Crc32 } from '../crc/crc32.js';
import { encodeDosTime } from './dos-time.js';
import type { EncodedName } from './file-name-codec.js';
import { MARKER, buildEndHeader, buildFileHeader, buildMainHeader } from './rar-headers.js';
import {
  planHeaderSizes,
  planRar,
  type PlannedPart,
  type PlannedVolume,
  type RarPlan,
  type RarPlanOptions,
} from './rar-plan.js';
import { cancelledError, endStream, throwIfAborted, writeWithBackPressure } from './sink-io.js';

export interface RarInputFile {
  /** Path inside the archive; `/` separators. */
  name: string;
  size: number;
  mtime: Date;
  /** Opened once, when the file's turn comes; a Node Readable will do. */
  open: () => AsyncIterable<Uint8Array>;
}

export interface RarPatch {
  offset: number;
  bytes: Buffer;
}

export interface RarVolumeSink {
  /** Receives the volume's bytes in order. On failure it is destroyed with the error. */
  stream: Writable;
  /** Called once `stream` has finished: overwrite the bytes at each offset (file headers). */
  patch: (edits: readonly RarPatch[]) => Promise<void>;
}

export interface RarProgress {
  bytesDone: number;
  bytesTotal: number;
  file: string;
  fileIndex: number;
  volumeIndex: number;
}

export interface RarWriteOptions extends RarPlanOptions {
  openVolume: (index: number, name: string) => RarVolumeSink | Promise<RarVolumeSink>;
  signal?: AbortSignal;
  onProgress?: (progress: RarProgress) => void;
  /** Zone of the DOS timestamps, in minutes east of UTC (RAR4 stores local time). Default 0. */
  utcOffsetMinutes?: number;
}

export interface WrittenVolume {
  index: number;
  name: string;
  size: number;
  /** CRC-32 of the whole volume file: what its SFV line says. */
  crc32: number;
}

export interface RarWriteResult {
  plan: RarPlan;
  volumes: WrittenVolume[];
  files: { name: string; size: number; crc32: number }[];
}

interface OpenVolume {
  plan: PlannedVolume;
  sink: RarVolumeSink;
  crc: Crc32;
  written: number;
  patches: RarPatch[];
}

interface PartJob {
  part: PlannedPart;
  volume: PlannedVolume;
}

function sizeChanged(file: RarInputFile, detail: string): AppError {
  return new AppError(
    'release.input_unreadable',
    `"${file.name}" changed while it was packed: ${detail} (expected ${file.size} bytes)`,
  );
}

function internal(message: string): AppError {
  return new AppError('internal.unexpected', `RAR writer: ${message}`);
}

class RarWriteRun {
  readonly #files: readonly RarInputFile[];
  readonly #options: RarWriteOptions;
  readonly #plan: RarPlan;
  readonly #names: EncodedName[];
  readonly #jobs: PartJob[][];
  readonly #bytesTotal: number;
  #current: OpenVolume | undefined;
  #part: PartJob | undefined;
  #partCrc = new Crc32();
  #fileCrc = new Crc32();
  #bytesDone = 0;
  readonly #volumes: WrittenVolume[] = [];
  readonly #fileResults: RarWriteResult['files'] = [];

  constructor(files: readonly RarInputFile[], options: RarWriteOptions) {
    this.#files = files;
    this.#options = options;
    this.#plan = planRar(files, options);
    this.#names = planHeaderSizes(files).map((header) => header.name);
    this.#jobs = files.map(() => []);
    for (const volume of this.#plan.volumes) {
      for (const part of volume.parts) {
        this.#jobs[part.fileIndex]?.push({ part, volume });
      }
    }
    this.#bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
  }

  async run(): Promise<RarWriteResult> {
    try {
      for (let index = 0; index < this.#files.length; index += 1) {
        await this.#writeFile(index);
      }
      await this.#closeVolume();
      return { plan: this.#plan, volumes: this.#volumes, files: this.#fileResults };
    } catch (error) {
      this.#current?.sink.stream.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  async #writeFile(fileIndex: number): Promise<void> {
    const file = this.#files[fileIndex];
    const jobs = this.#jobs[fileIndex] ?? [];
    if (file === undefined || jobs.length === 0) {
      throw internal(`no plan for file ${fileIndex}`);
    }
    this.#fileCrc = new Crc32();
    let jobIndex = 0;
    await this.#startPart(jobs[0]);
    let remaining = jobs[0]?.part.length ?? 0;
    for await (const chunk of this.#read(file)) {
      let offset = 0;
      while (offset < chunk.length) {
        if (remaining === 0) {
          jobIndex += 1;
          if (jobIndex >= jobs.length) {
            throw sizeChanged(file, 'it has more bytes');
          }
          await this.#endPart();
          await this.#startPart(jobs[jobIndex]);
          remaining = jobs[jobIndex]?.part.length ?? 0;
        }
        const length = Math.min(remaining, chunk.length - offset);
        await this.#writeData(chunk.subarray(offset, offset + length));
        offset += length;
        remaining -= length;
      }
      this.#report(file, fileIndex);
    }
    if (remaining !== 0 || jobIndex !== jobs.length - 1) {
      throw sizeChanged(file, 'it has fewer bytes');
    }
    await this.#endPart();
    this.#fileResults.push({ name: file.name, size: file.size, crc32: this.#fileCrc.value });
  }

  /** The file's chunks; a failing source becomes `release.input_unreadable`, an abort a cancel. */
  async *#read(file: RarInputFile): AsyncGenerator<Uint8Array> {
    const iterator = file.open()[Symbol.asyncIterator]();
    try {
      for (;;) {
        throwIfAborted(this.#options.signal);
        let step: IteratorResult<Uint8Array>;
        try {
          step = await iterator.next();
        } catch (error) {
          throw new AppError('release.input_unreadable', `"${file.name}" could not be read`, {
            cause: error,
          });
        }
        if (step.done === true) {
          return;
        }
        yield step.value;
      }
    } finally {
      await iterator.return?.();
    }
  }

  #report(file: RarInputFile, fileIndex: number): void {
    this.#options.onProgress?.({
      bytesDone: this.#bytesDone,
      bytesTotal: this.#bytesTotal,
      file: file.name,
      fileIndex,
      volumeIndex: this.#current?.plan.index ?? 0,
    });
  }

  async #write(bytes: Uint8Array): Promise<void> {
    const volume = this.#current;
    if (volume === undefined) {
      throw internal('write outside a volume');
    }
    await writeWithBackPressure(volume.sink.stream, bytes, this.#options.signal);
    volume.written += bytes.length;
  }

  async #writeData(piece: Uint8Array): Promise<void> {
    this.#partCrc.update(piece);
    await this.#write(piece);
    this.#bytesDone += piece.length;
  }

  #header(job: PartJob, crc: number): Buffer {
    const file = this.#files[job.part.fileIndex];
    const name = this.#names[job.part.fileIndex];
    if (file === undefined || name === undefined) {
      throw internal('part of an unknown file');
    }
    const offset = this.#options.utcOffsetMinutes ?? 0;
    return buildFileHeader({
      name,
      packSize: job.part.length,
      unpackedSize: file.size,
      crc,
      dosTime: encodeDosTime(file.mtime, offset),
      mtime: file.mtime,
      utcOffsetMinutes: offset,
      splitBefore: job.part.splitBefore,
      splitAfter: job.part.splitAfter,
    });
  }

  async #startPart(job: PartJob | undefined): Promise<void> {
    if (job === undefined) {
      throw internal('missing part');
    }
    if (this.#current?.plan.index !== job.volume.index) {
      await this.#closeVolume();
      await this.#openVolume(job.volume);
    }
    if (this.#current?.written !== job.part.headerOffset) {
      throw internal(`header of ${job.volume.name} is not where the plan put it`);
    }
    this.#part = job;
    this.#partCrc = new Crc32();
    await this.#write(this.#header(job, 0));
  }

  #endPart(): Promise<void> {
    const job = this.#part;
    const volume = this.#current;
    if (job === undefined || volume === undefined) {
      return Promise.reject(internal('no part to end'));
    }
    this.#fileCrc.append(this.#partCrc);
    // Non-final parts carry their own data's CRC; the last part carries the whole file's.
    const crc = job.part.splitAfter ? this.#partCrc.value : this.#fileCrc.value;
    const header = this.#header(job, crc);
    volume.patches.push({ offset: job.part.headerOffset, bytes: header });
    volume.crc.update(header).append(this.#partCrc);
    this.#part = undefined;
    return Promise.resolve();
  }

  async #openVolume(plan: PlannedVolume): Promise<void> {
    throwIfAborted(this.#options.signal);
    const sink = await this.#options.openVolume(plan.index, plan.name);
    // A sink error also surfaces through the next write; this keeps it from going unhandled.
    sink.stream.on('error', () => undefined);
    this.#current = { plan, sink, crc: new Crc32(), written: 0, patches: [] };
    const main = buildMainHeader({ volume: this.#plan.multiVolume, first: plan.index === 0 });
    this.#current.crc.update(MARKER).update(main);
    await this.#write(MARKER);
    await this.#write(main);
  }

  async #closeVolume(): Promise<void> {
    const volume = this.#current;
    if (volume === undefined) {
      return;
    }
    const last = volume.plan.index === this.#plan.volumes.length - 1;
    const end = buildEndHeader(
      this.#plan.multiVolume
        ? { nextVolume: !last, dataCrc: volume.crc.value, volumeNumber: volume.plan.index }
        : undefined,
    );
    volume.crc.update(end);
    await this.#write(end);
    if (volume.written !== volume.plan.size) {
      throw internal(
        `${volume.plan.name} came out ${volume.written} bytes, planned ${volume.plan.size}`,
      );
    }
    await endStream(volume.sink.stream);
    await volume.sink.patch(volume.patches);
    this.#volumes.push({
      index: volume.plan.index,
      name: volume.plan.name,
      size: volume.written,
      crc32: volume.crc.value,
    });
    this.#current = undefined;
  }
}

/**
 * Writes `files` as a store-only RAR4 set of `volumeSize` volumes (the layout of `planRar`).
 * Rejects with `release.cancelled` on abort, `release.input_unreadable` when an input fails or
 * changes size, or the sink's own error; the volume being written is then destroyed with that
 * error. Volumes already complete stay with the caller, who owns the temp directory.
 */
export function writeRar(
  files: readonly RarInputFile[],
  options: RarWriteOptions,
): Promise<RarWriteResult> {
  if (options.signal?.aborted === true) {
    return Promise.reject(cancelledError(options.signal.reason));
  }
  return new RarWriteRun(files, options).run();
}
