/**
 * The volume layout of a store-only RAR4 set, computed before any byte is read: the NFO states
 * "N x M MB" before packing, and the writer follows this plan exactly (tests hold them equal).
 *
 * Each volume is MARK, MAIN, then file parts (header + data), then END. A file that does not end
 * in a volume continues in the next one with the same header size. A file starts in the current
 * volume only if its header and at least one data byte fit; otherwise that volume ends short,
 * the only case where a non-final volume is smaller than the requested size.
 */
import { AppError, validationError } from '../../shared/errors.js';
import { encodeFileName, type EncodedName } from './file-name-codec.js';
import {
  END_HEADER_SIZE,
  MAIN_HEADER_SIZE,
  MARKER,
  PLAIN_END_HEADER_SIZE,
  fileHeaderSize,
} from './rar-headers.js';
import { MAX_OLD_STYLE_VOLUMES, volumeName } from './volume-names.js';

export interface RarPlanFile {
  /** Path inside the archive; `/` separators. */
  name: string;
  size: number;
}

export interface RarPlanOptions {
  /** Volumes are named `<baseName>.rar`, `<baseName>.r00` … */
  baseName: string;
  /** Exact size in bytes of every volume but the last. */
  volumeSize: number;
}

export interface PlannedPart {
  fileIndex: number;
  /** Offset of this part's first byte within its file. */
  offset: number;
  length: number;
  /** Where the part's file header starts in its volume. */
  headerOffset: number;
  headerSize: number;
  splitBefore: boolean;
  splitAfter: boolean;
}

export interface PlannedVolume {
  index: number;
  name: string;
  size: number;
  /** True when the volume is exactly the requested size. */
  full: boolean;
  parts: PlannedPart[];
}

export interface RarPlan {
  volumeSize: number;
  /** False when everything fits in one volume: then it is written as a plain archive. */
  multiVolume: boolean;
  volumes: PlannedVolume[];
  /** Indexes of non-final volumes that had to end short (see the module comment). */
  shortVolumes: number[];
  totalSize: number;
}

const PROLOGUE = MARKER.length + MAIN_HEADER_SIZE;

function validateFiles(files: readonly RarPlanFile[]): void {
  if (files.length === 0) {
    throw validationError([{ path: 'files', message: 'at least one file is needed' }]);
  }
  const seen = new Set<string>();
  files.forEach((file, index) => {
    const problem = fileProblem(file, seen);
    if (problem !== undefined) {
      throw validationError([{ path: `files.${index}`, message: problem }]);
    }
    seen.add(file.name);
  });
}

function fileProblem(file: RarPlanFile, seen: ReadonlySet<string>): string | undefined {
  if (file.name === '' || file.name.includes('\0')) {
    return 'the name must be non-empty and contain no NUL';
  }
  if (seen.has(file.name)) {
    return `the name "${file.name}" appears twice`;
  }
  if (!Number.isSafeInteger(file.size) || file.size < 0) {
    return `the size of "${file.name}" must be a whole number of bytes`;
  }
  return undefined;
}

interface Layout {
  volumes: PlannedVolume[];
  current: PlannedVolume;
  used: number;
}

function newVolume(index: number, baseName: string): PlannedVolume {
  return { index, name: volumeName(baseName, index), size: 0, full: false, parts: [] };
}

function openVolume(layout: Layout, baseName: string): void {
  const index = layout.volumes.length;
  if (index >= MAX_OLD_STYLE_VOLUMES) {
    throw new AppError(
      'release.too_many_volumes',
      `The files need more than ${MAX_OLD_STYLE_VOLUMES} volumes at this volume size`,
    );
  }
  layout.current = newVolume(index, baseName);
  layout.volumes.push(layout.current);
  layout.used = 0;
}

function placeFile(
  layout: Layout,
  fileIndex: number,
  size: number,
  headerSize: number,
  options: RarPlanOptions & { capacity: number },
): void {
  if (layout.used > 0 && options.capacity - layout.used < headerSize + Math.min(1, size)) {
    openVolume(layout, options.baseName);
  }
  let offset = 0;
  for (;;) {
    const length = Math.min(size - offset, options.capacity - layout.used - headerSize);
    const headerOffset = PROLOGUE + layout.used;
    const splitAfter = offset + length < size;
    const part = {
      fileIndex,
      offset,
      length,
      headerOffset,
      headerSize,
      splitBefore: offset > 0,
      splitAfter,
    };
    layout.current.parts.push(part);
    layout.used += headerSize + length;
    offset += length;
    if (!splitAfter) {
      return;
    }
    openVolume(layout, options.baseName);
  }
}

function finish(layout: Layout, volumeSize: number): RarPlan {
  const multiVolume = layout.volumes.length > 1;
  const endSize = multiVolume ? END_HEADER_SIZE : PLAIN_END_HEADER_SIZE;
  let totalSize = 0;
  for (const volume of layout.volumes) {
    const content = volume.parts.reduce((sum, part) => sum + part.headerSize + part.length, 0);
    volume.size = PROLOGUE + content + endSize;
    volume.full = volume.size === volumeSize;
    totalSize += volume.size;
  }
  const shortVolumes = layout.volumes
    .filter((volume, index) => !volume.full && index < layout.volumes.length - 1)
    .map((volume) => volume.index);
  return { volumeSize, multiVolume, volumes: layout.volumes, shortVolumes, totalSize };
}

/** Header size of each file, as the writer will emit it. */
export function planHeaderSizes(
  files: readonly RarPlanFile[],
): { name: EncodedName; headerSize: number }[] {
  return files.map((file) => {
    const name = encodeFileName(file.name);
    return { name, headerSize: fileHeaderSize(name, file.size) };
  });
}

/** Exact volume names, sizes and file parts for `files` cut into `volumeSize` volumes. */
export function planRar(files: readonly RarPlanFile[], options: RarPlanOptions): RarPlan {
  validateFiles(files);
  const headers = planHeaderSizes(files);
  const capacity = options.volumeSize - PROLOGUE - END_HEADER_SIZE;
  const largest = Math.max(...headers.map((header) => header.headerSize));
  if (!Number.isSafeInteger(options.volumeSize) || capacity < largest + 1) {
    throw validationError([
      {
        path: 'volumeSize',
        message: `a volume must hold at least ${PROLOGUE + END_HEADER_SIZE + largest + 1} bytes`,
      },
    ]);
  }
  const first = newVolume(0, options.baseName);
  const layout: Layout = { volumes: [first], current: first, used: 0 };
  files.forEach((file, index) => {
    placeFile(layout, index, file.size, headers[index]?.headerSize ?? 0, { ...options, capacity });
  });
  return finish(layout, options.volumeSize);
}
