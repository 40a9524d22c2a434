/**
 * ZIP writer for eBOOK "disks" on top of yazl, into a caller's Writable. Output is the same for
 * the same entries and dates on every machine: yazl reads DOS date fields through a Date's
 * local-time getters, so it is handed a Date whose getters answer with the UTC fields of the
 * chosen zone; the extended "UT" timestamp is off, so nothing else carries the time.
 */
import type { Readable, Writable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { AppError } from '../../shared/errors.js';
import { Crc32, crc32 } from '../crc/crc32.js';

interface EntryBase {
  /** Path inside the ZIP; `/` separators. */
  name: string;
  mtime: Date;
  /** Deflate this entry; default: the writer's `compress` option. */
  compress?: boolean;
}

/** Small entries known in advance (NFO, DIZ) … */
export interface ZipBufferEntry extends EntryBase {
  data: Uint8Array;
}

/** … or a stream opened when its turn comes (the RAR volume), with its exact size. */
export interface ZipStreamEntry extends EntryBase {
  size: number;
  open: () => Readable;
}

export type ZipInputEntry = ZipBufferEntry | ZipStreamEntry;

export interface ZipWriteOptions {
  /** Deflate entries (method 8) instead of storing them (method 0). Default false. */
  compress?: boolean;
  /** Zone of the DOS timestamps, in minutes east of UTC. Default 0. */
  utcOffsetMinutes?: number;
  signal?: AbortSignal;
}

export interface ZipWriteResult {
  /** Bytes written to the sink. */
  size: number;
  entries: { name: string; size: number; crc32: number }[];
}

/** Unix regular file, rw-r--r--: fixed so the external attributes never vary. */
const FILE_MODE = 0o100644;
/** Inside yazl's clamp range on every zone, so its own (zone-dependent) clamping never applies. */
const EARLIEST = Date.UTC(1980, 0, 2);
const LATEST = Date.UTC(2107, 11, 30);

class ZoneFixedDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
}

function dosDate(date: Date, utcOffsetMinutes: number): Date {
  const shifted = date.getTime() + utcOffsetMinutes * 60_000;
  return new ZoneFixedDate(Math.min(LATEST, Math.max(EARLIEST, shifted)));
}

interface Tally {
  name: string;
  crc: Crc32;
}

interface Run {
  zip: ZipFile;
  options: ZipWriteOptions;
  tallies: Tally[];
  /** Input streams opened so far, destroyed if the run fails. */
  sources: Readable[];
  /** Ends the run with `error`. yazl pipes inputs without forwarding their errors. */
  fail: (error: unknown) => void;
}

/** Counts and hashes a stream entry on its way into yazl. */
function tallying(tally: Tally): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      tally.crc.update(chunk);
      callback(null, chunk);
    },
  });
}

function addEntry(run: Run, entry: ZipInputEntry): void {
  const { zip, options, tallies } = run;
  const common = {
    mtime: dosDate(entry.mtime, options.utcOffsetMinutes ?? 0),
    mode: FILE_MODE,
    compress: entry.compress ?? options.compress ?? false,
    forceDosTimestamp: true,
  };
  if ('data' in entry) {
    const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.length);
    tallies.push({ name: entry.name, crc: new Crc32().appendCrc(crc32(data), data.length) });
    zip.addBuffer(data, entry.name, common);
    return;
  }
  const tally: Tally = { name: entry.name, crc: new Crc32() };
  tallies.push(tally);
  zip.addReadStreamLazy(entry.name, { ...common, size: entry.size }, (callback) => {
    const source = entry.open();
    run.sources.push(source);
    const counted = tallying(tally);
    source.on('error', (error: unknown) => {
      run.fail(
        new AppError('release.input_unreadable', `"${entry.name}" could not be read`, {
          cause: error,
        }),
      );
    });
    callback(null, source.pipe(counted));
  });
}

class CountingTransform extends Transform {
  bytes = 0;
  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null, data?: Buffer) => void,
  ): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}

function sizeFailure(error: unknown): unknown {
  if (error instanceof Error && error.message.includes('unexpected number of bytes')) {
    return new AppError('release.input_unreadable', 'An input changed size while it was zipped', {
      cause: error,
    });
  }
  return error;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Writes `entries` in order as one ZIP into `sink` and ends it. On abort, a failing input or a
 * failing sink, the sink is destroyed with the error and the promise rejects with it
 * (`release.cancelled`, `release.input_unreadable`, or the sink's own error).
 */
export async function writeZip(
  entries: readonly ZipInputEntry[],
  sink: Writable,
  options: ZipWriteOptions = {},
): Promise<ZipWriteResult> {
  const counter = new CountingTransform();
  // Failing the middle stream makes pipeline tear down both ends with this very error.
  const fail = (error: unknown): void => {
    counter.destroy(asError(error));
  };
  const run: Run = { zip: new ZipFile(), options, tallies: [], sources: [], fail };
  const onAbort = (): void => {
    fail(
      new AppError('release.cancelled', 'The operation was cancelled', {
        cause: options.signal?.reason,
      }),
    );
  };
  run.zip.on('error', fail);
  options.signal?.addEventListener('abort', onAbort);
  try {
    if (options.signal?.aborted === true) {
      onAbort();
    }
    for (const entry of entries) {
      addEntry(run, entry);
    }
    run.zip.end();
    await pipeline(run.zip.outputStream, counter, sink);
  } catch (error) {
    const reported = sizeFailure(error);
    sink.destroy(asError(reported));
    run.sources.forEach((source) => source.destroy());
    throw reported;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return {
    size: counter.bytes,
    entries: run.tallies.map((tally) => ({
      name: tally.name,
      size: tally.crc.length,
      crc32: tally.crc.value,
    })),
  };
}
