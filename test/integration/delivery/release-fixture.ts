/** A small but real-looking release folder on disk for the end-to-end delivery tests. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

export interface ReleaseFixture {
  name: string;
  dir: string;
  /** Release-relative paths → sha256 of their bytes. */
  hashes: Map<string, string>;
  totalBytes: number;
  remove(): void;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** SFV, NFO, three RAR volumes of `volumeBytes` (the last shorter) and a sample. */
export function makeRelease(volumeBytes = 1_500_000): ReleaseFixture {
  const parent = mkdtempSync(join(tmpdir(), 'sp-release-'));
  const name = 'Show.Name.S01E02.720p.HDTV.x264-GRP';
  const dir = join(parent, name);
  mkdirSync(join(dir, 'Sample'), { recursive: true });
  const volumes: [string, Buffer][] = [
    ['grp-show.s01e02.rar', randomBytes(volumeBytes)],
    ['grp-show.s01e02.r00', randomBytes(volumeBytes)],
    ['grp-show.s01e02.r01', randomBytes(Math.floor(volumeBytes / 3))],
  ];
  const sfv = volumes
    .map(([file, bytes]) => `${file} ${crc32(bytes).toString(16).toUpperCase().padStart(8, '0')}`)
    .join('\r\n');
  const files: [string, Buffer][] = [
    ['grp-show.s01e02.sfv', Buffer.from(`; made by the delivery tests\r\n${sfv}\r\n`)],
    ['grp-show.s01e02.nfo', Buffer.from('Show Name S01E02\r\n'.repeat(40))],
    ...volumes,
    ['Sample/grp-show.s01e02.sample.mkv', randomBytes(200_000)],
  ];
  const hashes = new Map<string, string>();
  for (const [path, bytes] of files) {
    writeFileSync(join(dir, path), bytes);
    hashes.set(path, createHash('sha256').update(bytes).digest('hex'));
  }
  const totalBytes = files.reduce((sum, [, bytes]) => sum + bytes.length, 0);
  return {
    name,
    dir,
    hashes,
    totalBytes,
    remove: () => {
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
