/**
 * TV releases (scene-rules.md §2.5, §5): the RAR set in the release directory read once (the
 * reader's per-volume CRCs then serve the SFV check, so nothing is read twice) — or, right
 * after packing, taken from the packer's own record — its volume sizes and the step-up rule,
 * the one SFV, and the sample's count, form and duration.
 */
import { parseSfv, verifySfv } from '../sfv/sfv.js';
import type { TvProfile } from '../rules/index.js';
import type { FamilyResult } from './ebook.js';
import { error, warning } from './finding.js';
import { baseName, crcOfStream, readSmall } from './read.js';
import { checkRarSet, formatOf } from './rar-set.js';
import type { CheckOptions, Finding, KnownArchive, ReleaseEntry, ReleaseSource } from './types.js';
import { volumeFindings } from './volumes.js';

const VOLUME = /\.(rar|[r-z]\d{2})$/i;

export async function checkTvRelease(
  source: ReleaseSource,
  profile: TvProfile,
  standardDefinition: boolean,
  options: CheckOptions,
): Promise<FamilyResult> {
  const root = source.entries.filter((e) => e.kind === 'file' && !e.path.includes('/'));
  const rar =
    options.knownArchive === undefined
      ? await readRarSet(source, root, profile, options)
      : trustedRarSet(root, options.knownArchive, profile);
  const inSet = new Set(rar.volumes.map((v) => v.name));
  const findings = [
    ...rar.findings,
    ...volumeFindings(
      rar.volumes.map((v) => ({ name: v.name, size: v.size, file: v.name })),
      profile,
      standardDefinition,
    ),
    ...root
      .filter((file) => VOLUME.test(file.path) && !inSet.has(file.path))
      .map((file) =>
        error(
          'rar.stray_volume',
          `"${file.path}" is not a volume of the release's RAR set`,
          file.path,
        ),
      ),
  ];
  const crcs = new Map(rar.volumes.map((v) => [v.name, v.crc32]));
  findings.push(...(await sfvFindings(source, root, crcs, options)));
  findings.push(...(await sampleFindings(source, profile, options)));
  return { findings, payloadFormat: rar.payloadFormat };
}

interface TvArchive {
  volumes: readonly { name: string; size: number; crc32: number }[];
  payloadFormat: string | null;
  findings: Finding[];
}

async function readRarSet(
  source: ReleaseSource,
  root: readonly ReleaseEntry[],
  profile: TvProfile,
  options: CheckOptions,
): Promise<TvArchive> {
  const rar = await checkRarSet(
    {
      files: root.map((file) => ({ name: file.path, size: file.size })),
      open: (name) => source.open(name),
      pathOf: (name) => name,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    },
    profile,
  );
  return {
    volumes: rar.verified.volumes,
    payloadFormat: rar.payloadFormat,
    findings: rar.findings,
  };
}

/**
 * The volumes as the packer that just wrote them records them: their sizes are compared with
 * the directory, their CRCs stand in for reading them again (the SFV on disk is still read and
 * compared with them).
 */
function trustedRarSet(
  root: readonly ReleaseEntry[],
  known: KnownArchive,
  profile: TvProfile,
): TvArchive {
  const sizes = new Map(root.map((file) => [file.path, file.size]));
  const findings = known.volumes
    .filter((volume) => sizes.get(volume.name) !== volume.size)
    .map((volume) =>
      error(
        'rar.volume_changed',
        `"${volume.name}" is not the ${volume.size} bytes the packer wrote`,
        volume.name,
      ),
    );
  const files = known.files.map((file) => file.name);
  const payloadFormat = files.length === 1 ? formatOf(files[0] ?? '') : null;
  if (files.length !== profile.archive.rar.payloadFiles) {
    const message = `The archive holds ${files.length} files; the rules want ${profile.archive.rar.payloadFiles}`;
    findings.push(error('rar.payload_count', message));
  }
  return { volumes: known.volumes, payloadFormat, findings };
}

async function sfvFindings(
  source: ReleaseSource,
  root: readonly ReleaseEntry[],
  crcs: ReadonlyMap<string, number>,
  options: CheckOptions,
): Promise<Finding[]> {
  const sfvs = root.filter((file) => /\.sfv$/i.test(file.path));
  const [sfv] = sfvs;
  if (sfv === undefined || sfvs.length > 1) {
    return [];
  }
  const parsed = parseSfv(await readSmall(source.open(sfv.path)));
  const present = new Set(root.map((file) => file.path));
  const result = await verifySfv(parsed, {
    names: root.map((file) => file.path),
    mustList: root.filter((file) => VOLUME.test(file.path)).map((file) => file.path),
    // Volume CRCs come from the RAR pass; anything else listed is hashed here.
    crcOf: async (name) =>
      crcs.get(name) ??
      (present.has(name) ? crcOfStream(source.open(name), options.signal) : undefined),
  });
  const findings: Finding[] = result.findings.map((f) => ({
    level: f.level,
    rule: f.rule,
    message: f.message,
    file: f.file ?? sfv.path,
  }));
  if (parsed.entries.length === 0) {
    findings.push(error('sfv.empty', 'The SFV lists no file', sfv.path));
  }
  return findings;
}

async function sampleFindings(
  source: ReleaseSource,
  profile: TvProfile,
  options: CheckOptions,
): Promise<Finding[]> {
  const dir = profile.sample.dir.toLowerCase();
  const inSample = source.entries.filter(
    (e) => e.kind === 'file' && e.path.toLowerCase().startsWith(`${dir}/`),
  );
  const findings: Finding[] = inSample
    .filter((file) => VOLUME.test(file.path) || /\.zip$/i.test(file.path))
    .map((file) => error('sample.archived', 'The sample must not be archived', file.path));
  const containers = profile.sample.containers.map((c) => c.toLowerCase());
  const media = inSample.filter((file) =>
    containers.includes(baseName(file.path).split('.').pop()?.toLowerCase() ?? ''),
  );
  for (const file of media) {
    findings.push(...(await durationFindings(file, profile, options)));
  }
  return findings;
}

async function durationFindings(
  file: ReleaseEntry,
  profile: TvProfile,
  options: CheckOptions,
): Promise<Finding[]> {
  const { minSeconds, maxSeconds } = profile.sample;
  const seconds =
    options.probeDuration === undefined ? null : await options.probeDuration(file.path);
  if (seconds === null) {
    const message = `The sample's duration could not be measured (${minSeconds}–${maxSeconds} s required)`;
    return [warning('sample.duration_unknown', message, file.path)];
  }
  if (seconds < minSeconds || seconds > maxSeconds) {
    const message = `The sample runs ${seconds.toFixed(1)} s; it must run ${minSeconds}–${maxSeconds} s`;
    return [error('sample.duration', message, file.path)];
  }
  return [];
}
