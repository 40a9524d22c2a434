/**
 * The RAR set through the RAR reader (RAR4 only, store only, no recovery record, not
 * encrypted, header and data CRCs, continuity across volumes), plus what a ruleset adds: old
 * style names, one payload file of an allowed format, the name length limit.
 */
import type { RarEntry, RarVerifyResult } from '../rar/rar-reader.js';
import { verifyRar } from '../rar/rar-reader.js';
import type { RulesetProfile } from '../rules/index.js';
import { error, warning } from './finding.js';
import type { CheckProgress, Finding } from './types.js';

export interface RarSetInput {
  /** Volumes that can be opened, by bare name. */
  files: readonly { name: string; size: number }[];
  open: (name: string) => AsyncIterable<Uint8Array>;
  /** Release-relative path of a volume, for findings. */
  pathOf: (volume: string) => string;
  signal?: AbortSignal;
  onProgress?: (progress: CheckProgress) => void;
}

export interface RarSetResult {
  verified: RarVerifyResult;
  payload: RarEntry | undefined;
  /** Upper-case format of the payload by its extension (PDF, EPUB, KF8, MKV …). */
  payloadFormat: string | null;
  findings: Finding[];
}

const FORMATS_BY_EXTENSION: Readonly<Record<string, string>> = {
  azw3: 'KF8',
  kf8: 'KF8',
};

export async function checkRarSet(
  input: RarSetInput,
  profile: RulesetProfile,
): Promise<RarSetResult> {
  const verified = await verifyRar(
    { files: input.files, open: input.open },
    {
      ...(input.signal === undefined ? {} : { signal: input.signal }),
      onProgress: (p) => input.onProgress?.({ ...p, file: input.pathOf(p.volume) }),
    },
  );
  const findings: Finding[] = verified.findings.map((f) => ({
    level: f.level,
    rule: f.rule,
    message: f.message,
    ...(f.volume === undefined ? {} : { file: input.pathOf(f.volume) }),
  }));
  const files = verified.entries.filter((entry) => !entry.directory);
  const payload = files[0];
  const payloadFormat = payload === undefined ? null : formatOf(payload.name);
  findings.push(...structureFindings(verified, input, profile));
  if (files.length !== profile.archive.rar.payloadFiles && verified.volumes.length > 0) {
    const message = `The archive holds ${files.length} files; the rules want ${profile.archive.rar.payloadFiles}`;
    findings.push(error('rar.payload_count', message));
  }
  if (payload !== undefined && payloadFormat !== null) {
    findings.push(...payloadFindings(payload.name, payloadFormat, profile));
  }
  return { verified, payload, payloadFormat, findings };
}

function structureFindings(
  verified: RarVerifyResult,
  input: RarSetInput,
  profile: RulesetProfile,
): Finding[] {
  const findings: Finding[] = [];
  const first = verified.volumes[0];
  if (first !== undefined && verified.archive.newNumbering) {
    const message = 'Volumes are named .partN.rar; the rules want .rar, .r00, .r01 …';
    findings.push(error('rar.naming', message, input.pathOf(first.name)));
  }
  const limit = profile.archive.rar.maxNameLength;
  if (first !== undefined && limit !== null && first.name.length > limit) {
    const message = `"${first.name}" has ${first.name.length} characters; at most ${limit} are allowed`;
    findings.push(error('rar.name_length', message, input.pathOf(first.name)));
  }
  return findings;
}

function payloadFindings(name: string, format: string, profile: RulesetProfile): Finding[] {
  if (profile.family === 'tv') {
    const allowed = profile.sample.containers.map((c) => c.toUpperCase());
    return allowed.includes(format)
      ? []
      : [
          error(
            'payload.format',
            `The archive holds "${name}"; the rules want ${allowed.join('/')} video`,
          ),
        ];
  }
  const { formats, nonSceneFormats } = profile.naming;
  if (formats.some((f) => f.format === format)) {
    return [];
  }
  if (nonSceneFormats.includes(format)) {
    return [
      warning(
        'payload.non_scene_format',
        `${format} is not covered by any scene ruleset; such a release is iNTERNAL at best`,
      ),
    ];
  }
  const known = formats.map((f) => f.format).join(', ');
  return [error('payload.format', `"${name}" is not a format the rules accept (${known})`)];
}

export function formatOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) {
    return null;
  }
  const extension = fileName.slice(dot + 1).toLowerCase();
  return FORMATS_BY_EXTENSION[extension] ?? extension.toUpperCase();
}
