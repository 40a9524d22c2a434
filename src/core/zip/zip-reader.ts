/**
 * ZIP reader and verifier for the checker, over yauzl and a caller's random-access source (core
 * touches no files). yauzl checks structure and sizes but no CRC, so every entry is read once
 * and its CRC-32 compared with the central directory. Damage comes back as findings.
 */
import type { Readable } from 'node:stream';
import { RandomAccessReader, fromRandomAccessReaderPromise, type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../shared/errors.js';
import { Crc32, formatCrc32 } from '../crc/crc32.js';

export interface ZipSource {
  size: number;
  /** Bytes [start, end) of the ZIP file. */
  createReadStream: (start: number, end: number) => Readable;
}

export interface ZipEntryInfo {
  name: string;
  size: number;
  compressedSize: number;
  /** 0 store, 8 deflate. */
  method: number;
  crc32: number;
  /** DOS date and time as stored (no zone). */
  mtime: string;
  encrypted: boolean;
  directory: boolean;
  /** Read to the end with the stated size and CRC. */
  verified: boolean;
}

export type ZipRule =
  | 'zip.unreadable'
  | 'zip.crc_mismatch'
  | 'zip.entry_corrupt'
  | 'zip.encrypted'
  | 'zip.unsupported_method'
  | 'zip.duplicate_name';

export interface ZipFinding {
  rule: ZipRule;
  level: 'error' | 'warning';
  message: string;
  entry?: string;
}

export interface ZipVerifyResult {
  ok: boolean;
  entries: ZipEntryInfo[];
  findings: ZipFinding[];
  comment: string;
}

export interface ZipVerifyOptions {
  signal?: AbortSignal;
  /** Sees every entry's decoded bytes during the single read (e.g. to keep the DIZ text). */
  onData?: (entry: string, chunk: Buffer) => void;
}

class SourceReader extends RandomAccessReader {
  readonly #source: ZipSource;

  constructor(source: ZipSource) {
    super();
    this.#source = source;
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return this.#source.createReadStream(start, end);
  }
}

const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;

function dosTime(date: number, time: number): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  const day = `${(date >> 9) + 1980}-${two((date >> 5) & 0x0f)}-${two(date & 0x1f)}`;
  return `${day} ${two(time >> 11)}:${two((time >> 5) & 0x3f)}:${two((time & 0x1f) * 2)}`;
}

function describe(entry: Entry): ZipEntryInfo {
  return {
    name: entry.fileName,
    size: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    method: entry.compressionMethod,
    crc32: entry.crc32 >>> 0,
    mtime: dosTime(entry.lastModFileDate, entry.lastModFileTime),
    encrypted: entry.isEncrypted(),
    directory: entry.fileName.endsWith('/'),
    verified: false,
  };
}

function open(source: ZipSource): Promise<ZipFile> {
  return fromRandomAccessReaderPromise(new SourceReader(source), source.size, {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: true,
    validateEntrySizes: true,
    strictFileNames: false,
  });
}

function cancelled(signal: AbortSignal): AppError {
  return new AppError('release.cancelled', 'The operation was cancelled', { cause: signal.reason });
}

/** Reads one entry to its end; its stated size is checked by yauzl, its CRC here. */
async function readEntry(
  zip: ZipFile,
  entry: Entry,
  info: ZipEntryInfo,
  options: ZipVerifyOptions,
): Promise<ZipFinding | undefined> {
  const hash = new Crc32();
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted === true) {
        stream.destroy();
        throw cancelled(options.signal);
      }
      hash.update(chunk);
      options.onData?.(info.name, chunk);
    }
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    const reason = error instanceof Error ? error.message : String(error);
    return {
      rule: 'zip.entry_corrupt',
      level: 'error',
      message: `"${info.name}" cannot be read: ${reason}`,
      entry: info.name,
    };
  }
  if (hash.value !== info.crc32) {
    const message = `CRC error in "${info.name}": stored ${formatCrc32(info.crc32)}, data gives ${formatCrc32(hash.value)}`;
    return { rule: 'zip.crc_mismatch', level: 'error', message, entry: info.name };
  }
  info.verified = true;
  return undefined;
}

/** Findings that make reading an entry pointless, or undefined when it can be read. */
function unreadable(info: ZipEntryInfo): ZipFinding | undefined {
  if (info.encrypted) {
    return {
      rule: 'zip.encrypted',
      level: 'error',
      message: `"${info.name}" is encrypted`,
      entry: info.name,
    };
  }
  if (info.method !== METHOD_STORE && info.method !== METHOD_DEFLATE) {
    const message = `"${info.name}" uses compression method ${info.method}; only store and deflate are read`;
    return { rule: 'zip.unsupported_method', level: 'error', message, entry: info.name };
  }
  return undefined;
}

async function verifyEntries(
  zip: ZipFile,
  options: ZipVerifyOptions,
  result: ZipVerifyResult,
): Promise<void> {
  const seen = new Set<string>();
  for await (const entry of zip.eachEntry()) {
    const info = describe(entry);
    result.entries.push(info);
    if (seen.has(info.name)) {
      result.findings.push({
        rule: 'zip.duplicate_name',
        level: 'error',
        message: `"${info.name}" appears twice`,
        entry: info.name,
      });
    }
    seen.add(info.name);
    const problem = info.directory
      ? undefined
      : (unreadable(info) ?? (await readEntry(zip, entry, info, options)));
    if (problem !== undefined) {
      result.findings.push(problem);
    }
  }
}

/**
 * Lists and verifies the ZIP in `source`. Resolves with findings for a damaged ZIP; rejects only
 * with `release.cancelled` on abort.
 */
export async function verifyZip(
  source: ZipSource,
  options: ZipVerifyOptions = {},
): Promise<ZipVerifyResult> {
  const result: ZipVerifyResult = { ok: false, entries: [], findings: [], comment: '' };
  let zip: ZipFile | undefined;
  try {
    zip = await open(source);
    result.comment = zip.comment;
    await verifyEntries(zip, options, result);
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    const reason = error instanceof Error ? error.message : String(error);
    result.findings.push({
      rule: 'zip.unreadable',
      level: 'error',
      message: `The ZIP cannot be read: ${reason}`,
    });
  } finally {
    zip?.close();
  }
  result.ok = !result.findings.some((item) => item.level === 'error');
  return result;
}

/**
 * The decoded bytes of one entry (for example a RAR volume inside an eBOOK disk), for callers
 * that read it further. Rejects with `resource.not_found` when there is no such entry.
 */
export async function openZipEntry(source: ZipSource, name: string): Promise<Readable> {
  const zip = await open(source);
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName === name) {
      const stream = await zip.openReadStreamPromise(entry);
      stream.on('close', () => {
        zip.close();
      });
      return stream;
    }
  }
  zip.close();
  throw new AppError('resource.not_found', `"${name}" is not in the ZIP`);
}
