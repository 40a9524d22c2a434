/**
 * Releases built in memory for the checker's unit tests — from a plan, with our RAR and ZIP
 * writers — and a `ReleaseSource` over a map of paths to bytes, so damage is one line of test.
 */
import { Readable, Writable } from 'node:stream';
import type { ReleaseSource } from '../../../../src/core/check/index.js';
import type { EbookPlan, TvPlan } from '../../../../src/core/plan.js';
import { writeRar, type RarVolumeSink } from '../../../../src/core/rar/rar-writer.js';
import type { EbookProfile, RulesetProfile, TvProfile } from '../../../../src/core/rules/index.js';
import { renderSfv } from '../../../../src/core/sfv/sfv.js';
import { writeZip } from '../../../../src/core/zip/zip-writer.js';
import { chunked, patternBytes } from '../rar/support.js';

export type Files = Map<string, Buffer>;

const MTIME = new Date('2024-03-05T12:00:00Z');

export function memorySource(name: string, files: Files): ReleaseSource {
  const dirs = new Set<string>();
  for (const path of files.keys()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      dirs.add(parts.slice(0, i).join('/'));
    }
  }
  return {
    name,
    entries: [
      ...[...dirs].map((path) => ({ path, kind: 'directory' as const, size: 0 })),
      ...[...files].map(([path, bytes]) => ({ path, kind: 'file' as const, size: bytes.length })),
    ].sort((a, b) => (a.path < b.path ? -1 : 1)),
    open: (path, range) => {
      const bytes = files.get(path);
      if (bytes === undefined) {
        throw new Error(`no file ${path}`);
      }
      const slice = range === undefined ? bytes : bytes.subarray(range.start, range.end);
      return Readable.from(chunks(slice, 64 * 1024));
    },
  };
}

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) {
    yield bytes.subarray(offset, offset + size);
  }
}

function memorySinks(volumes: Files): (index: number, name: string) => RarVolumeSink {
  return (_index, name) => {
    const parts: Buffer[] = [];
    return {
      stream: new Writable({
        write(chunk: Buffer, _encoding, callback) {
          parts.push(Buffer.from(chunk));
          callback();
        },
      }),
      patch: (edits) => {
        const bytes = Buffer.concat(parts);
        for (const edit of edits) {
          Buffer.from(edit.bytes).copy(bytes, edit.offset);
        }
        volumes.set(name, bytes);
        return Promise.resolve();
      },
    };
  };
}

async function rarVolumes(archivedName: string, payload: Buffer, baseName: string, size: number) {
  const volumes: Files = new Map();
  const result = await writeRar(
    [{ name: archivedName, size: payload.length, mtime: MTIME, open: chunked(payload, 65536) }],
    { baseName, volumeSize: size, openVolume: memorySinks(volumes) },
  );
  return { volumes, result };
}

async function zipBytes(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      parts.push(Buffer.from(chunk));
      callback();
    },
  });
  await writeZip(
    entries.map((e) => ({ ...e, mtime: MTIME })),
    sink,
  );
  return Buffer.concat(parts);
}

/** The release directory of an eBOOK plan, payload `bytes` pseudo-random. */
export async function ebookFiles(plan: EbookPlan, payload: Buffer): Promise<Files> {
  const { volumes } = await rarVolumes(
    plan.payload.archivedName,
    payload,
    plan.rar.baseName,
    plan.rar.volumeSize,
  );
  const files: Files = new Map([[plan.nfo.name, Buffer.from(plan.nfo.bytes)]]);
  for (const disk of plan.disks) {
    const zip = await zipBytes([
      { name: disk.rarVolume, data: volumes.get(disk.rarVolume)! },
      { name: disk.diz.name, data: Buffer.from(disk.diz.bytes) },
      { name: plan.nfo.name, data: Buffer.from(plan.nfo.bytes) },
    ]);
    files.set(disk.name, zip);
  }
  return files;
}

/** The release directory of a TV plan; the sample is stand-in bytes (durations are probed by a fake). */
export async function tvFiles(plan: TvPlan, payload: Buffer): Promise<Files> {
  const { volumes, result } = await rarVolumes(
    plan.payload.archivedName,
    payload,
    plan.rar.baseName,
    plan.rar.volumeSize,
  );
  const files: Files = new Map(volumes);
  files.set(plan.nfo.name, Buffer.from(plan.nfo.bytes));
  const sfv = renderSfv(result.volumes.map((v) => ({ name: v.name, crc32: v.crc32 })));
  files.set(plan.sfvName, Buffer.from(sfv, 'latin1'));
  if (plan.sample !== null) {
    files.set(plan.sample.path, patternBytes(5000, 99));
  }
  return files;
}

/** ebook-2022 with 5,000/10,000/50,000-byte sizes, so a set of several disks stays small. */
export function smallEbookProfile(base: RulesetProfile): EbookProfile {
  const copy = structuredClone(base) as EbookProfile;
  copy.archive.volumeSizes.fixed = [5_000, 10_000, 50_000];
  return copy;
}

/** tv-web-2020 with 100,000-byte volume steps, so multi-volume sets stay small in memory. */
export function smallTvProfile(base: RulesetProfile): TvProfile {
  const copy = structuredClone(base) as TvProfile;
  copy.archive.volumeSizes.fixed = [];
  copy.archive.volumeSizes.multipleOf = 100_000;
  return copy;
}

/** Copies a map with one file's bytes changed by `change`. */
export function altered(files: Files, path: string, change: (bytes: Buffer) => Buffer): Files {
  const copy = new Map(files);
  const bytes = copy.get(path);
  if (bytes === undefined) {
    throw new Error(`no file ${path}`);
  }
  copy.set(path, change(Buffer.from(bytes)));
  return copy;
}

export function renamed(files: Files, from: string, to: string): Files {
  const copy = new Map(files);
  const bytes = copy.get(from)!;
  copy.delete(from);
  copy.set(to, bytes);
  return copy;
}

export { patternBytes, zipBytes };
