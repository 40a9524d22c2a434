/**
 * The packaging service on real files for the integration tests: a service wired like the CLI
 * (local storage, ffmpeg, the metadata extractor) on a fixed clock, and the independent readers'
 * verdicts on a published release (lsar -t, bsdtar, python3-rarfile).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FfmpegMediaTool } from '../../../src/media/ffmpeg.js';
import type { MediaTool } from '../../../src/media/ports.js';
import { LocalFileExtractor } from '../../../src/metadata/extract/extractor.js';
import { PackagingService } from '../../../src/services/packaging/index.js';
import type { Clock } from '../../../src/shared/clock.js';
import { LocalWorkspace } from '../../../src/storage/local.js';
import type { Workspace } from '../../../src/storage/ports.js';
import { quote, readWithRarfile, sh, sha256, type RarfileReport } from '../core/support.js';

const FIXED_CLOCK: Clock = {
  now: () => new Date('2024-03-05T12:00:00Z'),
  sleep: () => Promise.resolve(),
};

export function makeService(
  overrides: { workspace?: Workspace; media?: MediaTool } = {},
): PackagingService {
  return new PackagingService({
    workspace: overrides.workspace ?? new LocalWorkspace(),
    media: overrides.media ?? new FfmpegMediaTool(),
    extractor: new LocalFileExtractor(),
    clock: FIXED_CLOCK,
  });
}

/** Every file below `dir`, relative, sorted, with sizes: what a release directory holds. */
export function listing(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      return entry.isDirectory()
        ? listing(dir, path)
        : [`${path} ${statSync(join(dir, path)).size}`];
    })
    .sort();
}

export interface ReaderVerdicts {
  lsar: { status: number | null; out: string };
  bsdtarSha256: string;
  rarfile: RarfileReport | undefined;
}

/** What three independent readers make of a RAR set in `dir` whose volumes are `volumes`. */
export function readRarSet(
  dir: string,
  volumes: string[],
  python: string | undefined,
): ReaderVerdicts {
  const lsar = sh(`lsar -t ${quote(volumes[0]!)}`, dir);
  const bsdtar = sh(`cat ${volumes.map(quote).join(' ')} | bsdtar -xOf - | sha256sum`, dir);
  return {
    lsar: { status: lsar.status, out: lsar.stdout + lsar.stderr },
    bsdtarSha256: bsdtar.stdout.split(' ')[0] ?? '',
    rarfile: python === undefined ? undefined : readWithRarfile(python, volumes[0]!, dir),
  };
}

export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}

export async function failure(promise: Promise<unknown>): Promise<{
  code?: string;
  message: string;
  details?: unknown;
}> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string; details?: unknown };
  }
  throw new Error('expected a rejection');
}
