/**
 * The conformance checker — a local zipscript. It judges a release directory against a ruleset
 * profile: the name, the files present and absent, the archives (RAR structure and CRCs, ZIP
 * integrity, volume sizes, continuity), the SFV, the NFO and DIZ, and the sample. It reads
 * every archive byte once and works on releases made by any tool.
 */
import { parseReleaseName } from '../release-name/index.js';
import { getProfile, type RulesetProfile } from '../rules/index.js';
import { checkEbookDisks, type FamilyResult } from './ebook.js';
import { warning } from './finding.js';
import { checkLayout } from './layout.js';
import { fileNameFindings, releaseNameFindings } from './names.js';
import { readSmall } from './read.js';
import { checkNfo } from './text.js';
import { checkTvRelease } from './tv.js';
import type { CheckOptions, CheckReport, Finding, ReleaseSource } from './types.js';

export type {
  CheckOptions,
  CheckProgress,
  CheckReport,
  Finding,
  FindingLevel,
  KnownArchive,
  ReleaseEntry,
  ReleaseSource,
} from './types.js';

/**
 * Checks the release in `source`. Resolves with the findings for any release, however broken;
 * rejects only with `release.cancelled` on abort, or the source's own error when a listed file
 * cannot be opened (`release.input_unreadable`).
 */
export async function checkRelease(
  source: ReleaseSource,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const detected = options.profile === undefined;
  const profile = options.profile ?? detectProfile(source);
  const findings: Finding[] = detected
    ? [warning('profile.detected', `Checked against ${profile.id}, chosen from the name and files`)]
    : [];
  findings.push(
    ...checkLayout(source.entries, profile, { sampleSkipped: options.sampleSkipped === true }),
  );
  const nfo = await rootNfo(source);
  if (nfo !== undefined) {
    findings.push(...checkNfo(nfo.path, nfo.bytes, profile, source.name));
  }
  const family = await checkFamily(source, profile, nfo?.bytes, options);
  findings.push(...family.findings);
  const format = profile.family === 'ebook' ? family.payloadFormat : null;
  findings.push(...releaseNameFindings(source.name, profile, format === null ? {} : { format }));
  findings.push(...fileNameFindings(source.entries, profile, groupOf(source.name)));
  const errors = findings.filter((f) => f.level === 'error').length;
  return {
    release: source.name,
    profile: { id: profile.id, detected },
    ok: errors === 0,
    archive: options.knownArchive !== undefined && profile.family === 'tv' ? 'recorded' : 'read',
    errors,
    warnings: findings.length - errors,
    findings,
  };
}

/**
 * The profile a release most likely follows: an eBOOK name → eBOOK; a TV name → WEB for WEB and
 * WEBRip sources, 720p HDTV for 720p or HR.PDTV broadcasts, SD otherwise; an unreadable name →
 * ZIP disks mean eBOOK, anything else TV WEB.
 */
export function detectProfile(source: Pick<ReleaseSource, 'name' | 'entries'>): RulesetProfile {
  const parsed = parseReleaseName(source.name);
  if (parsed.ok && parsed.kind === 'ebook') {
    return getProfile('ebook-2022');
  }
  if (parsed.ok) {
    const { source: tvSource, resolution } = parsed.fields;
    if (/^WEB/i.test(tvSource)) {
      return getProfile('tv-web-2020');
    }
    return getProfile(
      resolution !== null || /^HR\.PDTV$/i.test(tvSource) ? 'tv-720p-hdtv-2016' : 'tv-sd-2016',
    );
  }
  const zips = source.entries.some((e) => !e.path.includes('/') && /\.zip$/i.test(e.path));
  return getProfile(zips ? 'ebook-2022' : 'tv-web-2020');
}

async function checkFamily(
  source: ReleaseSource,
  profile: RulesetProfile,
  nfo: Uint8Array | undefined,
  options: CheckOptions,
): Promise<FamilyResult> {
  if (profile.family === 'ebook') {
    return checkEbookDisks(source, profile, nfo, options);
  }
  const parsed = parseReleaseName(source.name);
  const standardDefinition = parsed.ok && parsed.kind === 'tv' && parsed.fields.resolution === null;
  return checkTvRelease(source, profile, standardDefinition, options);
}

/** The one NFO of the release directory (the layout check reports none or several). */
async function rootNfo(
  source: ReleaseSource,
): Promise<{ path: string; bytes: Uint8Array } | undefined> {
  const nfos = source.entries.filter(
    (e) => e.kind === 'file' && !e.path.includes('/') && /\.nfo$/i.test(e.path),
  );
  const [nfo] = nfos;
  if (nfo === undefined || nfos.length > 1) {
    return undefined;
  }
  return { path: nfo.path, bytes: await readSmall(source.open(nfo.path)) };
}

function groupOf(name: string): string | null {
  const at = name.lastIndexOf('-');
  return at > 0 && at < name.length - 1 ? name.slice(at + 1) : null;
}
