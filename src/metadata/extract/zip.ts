/**
 * Reading ZIP-based formats (EPUB, CBZ, DOCX, ODT) within limits: the entry count is checked
 * from the end-of-central-directory record before any entry is read, and an entry is read only up
 * to `maxEntryBytes` of decompressed data whatever its header claims (zip bombs, lying sizes).
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { isAppError } from '../../shared/errors.js';
import { corrupt, encrypted, tooLarge } from './errors.js';
import type { ExtractionLimits } from './limits.js';

type ZipLimits = Pick<ExtractionLimits, 'maxZipEntries' | 'maxEntryBytes'>;

export interface ZipArchive {
  /** Entry names in central-directory order. */
  readonly names: readonly string[];
  /** The entry's exact name, looked up case-insensitively (ComicInfo.xml vs comicinfo.xml). */
  find(name: string): string | undefined;
  /** Decompressed content of an entry, refusing more than `maxBytes` (default: the limit). */
  read(name: string, maxBytes?: number): Promise<Buffer>;
  isEncrypted(name: string): boolean;
  close(): void;
}

async function openFile(path: string): Promise<ZipFile> {
  try {
    return await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw corrupt('Not a readable ZIP archive', error);
  }
}

async function readDirectory(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      entries.set(entry.fileName, entry);
    }
  } catch (error) {
    throw corrupt('Damaged ZIP central directory', error);
  }
  return entries;
}

async function collect(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxBytes) {
      stream.destroy();
      throw tooLarge('entry_bytes', maxBytes, `ZIP entry ${entry.fileName} is too large`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function readEntry(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  if (entry.isEncrypted()) {
    throw encrypted(`ZIP entry ${entry.fileName} is encrypted`);
  }
  if (entry.uncompressedSize > maxBytes) {
    throw tooLarge('entry_bytes', maxBytes, `ZIP entry ${entry.fileName} is too large`);
  }
  try {
    return await collect(zip, entry, maxBytes);
  } catch (error) {
    if (isAppError(error)) {
      throw error;
    }
    throw corrupt(`Cannot decompress ZIP entry ${entry.fileName}`, error);
  }
}

async function openZip(path: string, limits: ZipLimits): Promise<ZipArchive> {
  const zip = await openFile(path);
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close();
    throw tooLarge('zip_entries', limits.maxZipEntries, `ZIP has ${zip.entryCount} entries`);
  }
  let entries: Map<string, Entry>;
  try {
    entries = await readDirectory(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  const lower = new Map([...entries.keys()].map((name) => [name.toLowerCase(), name]));
  const entryOf = (name: string): Entry => {
    const entry = entries.get(name);
    if (entry === undefined) {
      throw corrupt(`ZIP entry ${name} is missing`);
    }
    return entry;
  };
  return {
    names: [...entries.keys()],
    find: (name) => (entries.has(name) ? name : lower.get(name.toLowerCase())),
    read: (name, maxBytes = limits.maxEntryBytes) => readEntry(zip, entryOf(name), maxBytes),
    isEncrypted: (name) => entries.get(name)?.isEncrypted() ?? false,
    close: () => {
      zip.close();
    },
  };
}

/** Runs `work` on the opened archive and always closes it. */
export async function withZip<T>(
  path: string,
  limits: ZipLimits,
  work: (zip: ZipArchive) => Promise<T>,
): Promise<T> {
  const zip = await openZip(path, limits);
  try {
    return await work(zip);
  } finally {
    zip.close();
  }
}
