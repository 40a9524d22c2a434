/**
 * eBOOK and DOCS releases (scene-rules.md §1.3, §5): every ZIP disk verified (CRCs), holding one
 * FILE_ID.DIZ with its [NN/TT] counter, the NFO and exactly one RAR volume, in disk order; then
 * the inner RAR set read through the disks and its volume sizes judged.
 */
import type { Readable } from 'node:stream';
import { openZipEntry, verifyZip, type ZipSource } from '../zip/zip-reader.js';
import type { EbookProfile } from '../rules/index.js';
import { error, warning } from './finding.js';
import { baseName, byName, TEXT_LIMIT } from './read.js';
import { checkRarSet } from './rar-set.js';
import { checkDiz } from './text.js';
import type { CheckOptions, Finding, ReleaseEntry, ReleaseSource } from './types.js';
import { volumeFindings } from './volumes.js';

export interface FamilyResult {
  findings: Finding[];
  payloadFormat: string | null;
}

interface DiskVolume {
  name: string;
  size: number;
  disk: ReleaseEntry;
}

const RAR_VOLUME = /\.(rar|[r-z]\d{2})$/i;

export async function checkEbookDisks(
  source: ReleaseSource,
  profile: EbookProfile,
  rootNfo: Uint8Array | undefined,
  options: CheckOptions,
): Promise<FamilyResult> {
  const disks = source.entries
    .filter((e) => e.kind === 'file' && !e.path.includes('/') && /\.zip$/i.test(e.path))
    .sort((a, b) => byName(a.path, b.path));
  const findings: Finding[] = [];
  const volumes: DiskVolume[] = [];
  const bytesTotal = disks.reduce((sum, disk) => sum + disk.size, 0);
  let bytesDone = 0;
  for (const [index, disk] of disks.entries()) {
    const one = await checkDisk(source, disk, { index: index + 1, total: disks.length }, profile, {
      rootNfo,
      signal: options.signal,
    });
    findings.push(...one.findings);
    volumes.push(...one.volumes);
    bytesDone += disk.size;
    options.onProgress?.({ bytesDone, bytesTotal, file: disk.path });
  }
  if (volumes.length === 0) {
    return { findings, payloadFormat: null };
  }
  const rar = await checkDiskVolumes(source, volumes, profile, options);
  return { findings: [...findings, ...rar.findings], payloadFormat: rar.payloadFormat };
}

interface DiskContext {
  rootNfo: Uint8Array | undefined;
  signal: AbortSignal | undefined;
}

async function checkDisk(
  source: ReleaseSource,
  disk: ReleaseEntry,
  position: { index: number; total: number },
  profile: EbookProfile,
  context: DiskContext,
): Promise<{ findings: Finding[]; volumes: DiskVolume[] }> {
  const texts = new Map<string, Buffer[]>();
  const isText = (name: string): boolean => /\.(nfo|diz)$/i.test(name);
  const result = await verifyZip(zipSource(source, disk), {
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    onData: (entry, chunk) => {
      const kept = texts.get(entry) ?? [];
      // Only the small text files are kept, and no more of them than a text file may hold.
      if (isText(entry) && kept.reduce((sum, c) => sum + c.length, 0) < TEXT_LIMIT) {
        kept.push(chunk);
        texts.set(entry, kept);
      }
    },
  });
  const findings: Finding[] = result.findings.map((f) => ({
    level: f.level,
    rule: f.rule,
    message: f.message,
    file: f.entry === undefined ? disk.path : `${disk.path}:${f.entry}`,
  }));
  const names = result.entries.filter((e) => !e.directory).map((e) => e.name);
  findings.push(...diskContentFindings(disk, names, profile));
  const diz = names.find((name) => name.toLowerCase() === profile.diz.fileName.toLowerCase());
  if (diz !== undefined) {
    findings.push(...checkDiz(`${disk.path}:${diz}`, textOf(texts, diz), profile, position));
  }
  const nfo = names.find((name) => /\.nfo$/i.test(name));
  if (nfo !== undefined && context.rootNfo !== undefined) {
    if (!Buffer.from(context.rootNfo).equals(textOf(texts, nfo))) {
      const message = 'The NFO inside this disk differs from the one in the release directory';
      findings.push(warning('nfo.disk_differs', message, `${disk.path}:${nfo}`));
    }
  }
  const rars = result.entries.filter((e) => !e.directory && RAR_VOLUME.test(e.name));
  const volumes = rars.length === 1 ? rars.map((e) => ({ name: e.name, size: e.size, disk })) : [];
  return { findings, volumes };
}

/** Each `disk` rule of the profile, counted in this disk, and anything else it holds. */
function diskContentFindings(
  disk: ReleaseEntry,
  names: readonly string[],
  profile: EbookProfile,
): Finding[] {
  const rules = profile.files.required.filter((rule) => rule.where === 'disk');
  const findings: Finding[] = [];
  for (const rule of rules) {
    const pattern = new RegExp(rule.pattern, 'i');
    const count = names.filter((name) => pattern.test(baseName(name))).length;
    if (count < rule.min || (rule.max !== null && count > rule.max)) {
      findings.push(error(rule.id, `${rule.explanation} Found ${count}.`, disk.path));
    }
  }
  const unexpected = names.filter(
    (name) => !rules.some((rule) => new RegExp(rule.pattern, 'i').test(baseName(name))),
  );
  for (const name of unexpected) {
    const message = `"${name}" does not belong in a disk (only the RAR volume, FILE_ID.DIZ and the NFO)`;
    findings.push(error('files.disk_unexpected', message, `${disk.path}:${name}`));
  }
  return findings;
}

async function checkDiskVolumes(
  source: ReleaseSource,
  volumes: readonly DiskVolume[],
  profile: EbookProfile,
  options: CheckOptions,
): Promise<FamilyResult> {
  const byVolume = new Map(volumes.map((v) => [v.name, v]));
  const pathOf = (name: string): string => {
    const disk = byVolume.get(name)?.disk.path;
    return disk === undefined ? name : `${disk}:${name}`;
  };
  const rar = await checkRarSet(
    {
      files: volumes.map((v) => ({ name: v.name, size: v.size })),
      open: (name) => entryStream(source, byVolume.get(name)?.disk, name),
      pathOf,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    },
    profile,
  );
  const findings = [...rar.findings];
  rar.verified.volumes.forEach((volume, index) => {
    const expected = volumes[index];
    if (expected !== undefined && expected.name !== volume.name) {
      const message = `Disk ${index + 1} holds "${expected.name}", but volume ${index + 1} of the set is "${volume.name}": disks must follow the volume order`;
      findings.push(error('files.disk_order', message, expected.disk.path));
    }
  });
  const sized = rar.verified.volumes.map((v) => ({
    name: v.name,
    size: v.size,
    file: pathOf(v.name),
  }));
  findings.push(...volumeFindings(sized, profile, false));
  return { findings, payloadFormat: rar.payloadFormat };
}

function zipSource(source: ReleaseSource, disk: ReleaseEntry): ZipSource {
  return {
    size: disk.size,
    createReadStream: (start, end) => source.open(disk.path, { start, end }),
  };
}

async function* entryStream(
  source: ReleaseSource,
  disk: ReleaseEntry | undefined,
  name: string,
): AsyncGenerator<Uint8Array> {
  if (disk === undefined) {
    return;
  }
  const stream: Readable = await openZipEntry(zipSource(source, disk), name);
  yield* stream as AsyncIterable<Uint8Array>;
}

function textOf(texts: Map<string, Buffer[]>, name: string): Buffer {
  return Buffer.concat(texts.get(name) ?? []).subarray(0, TEXT_LIMIT);
}
