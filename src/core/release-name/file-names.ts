/**
 * Names of the files inside a release, per the profile's file-name rules: TV volumes, SFV, NFO and
 * sample are lowercase and carry the group tag; eBOOK disks are DOS 8.3 and sort in disk order;
 * the inner RAR keeps within its length limit. Nothing here contains a space.
 */
import type { EbookProfile, RulesetProfile, TvProfile } from '../rules/index.js';
import { parseEbookName } from './ebook-name.js';
import { splitGroup } from './group.js';
import { episodeMarker, parseTvName } from './tv-name.js';

export interface TvReleaseFiles {
  nfo: string;
  sfv: string;
  /** `.rar`, then `.r00` … in order. */
  rarVolumes: string[];
  sampleDir: string;
  /** Name of the sample file inside `sampleDir`. */
  sample: string;
}

export interface EbookReleaseFiles {
  nfo: string;
  diz: string;
  /** 8.3 ZIP disk names, in disk order. */
  disks: string[];
  /** Inner RAR volume names, one per disk, in the same order. */
  rarVolumes: string[];
}

/** Old-style volume names: stem.rar, stem.r00 … stem.r99 (then .s00 …, never reached at ≤101). */
export function rarVolumeNames(stem: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    if (i === 0) {
      return `${stem}.rar`;
    }
    const n = i - 1;
    const letter = String.fromCharCode('r'.charCodeAt(0) + Math.floor(n / 100));
    return `${stem}.${letter}${String(n % 100).padStart(2, '0')}`;
  });
}

/** The stem every TV file shares. */
export function tvFileStem(releaseName: string, profile: TvProfile): string {
  if (profile.files.names.stemStyle === 'release') {
    return releaseName.toLowerCase();
  }
  const parsed = parseTvName(releaseName);
  if (!parsed.ok) {
    return releaseName.toLowerCase();
  }
  const f = parsed.value;
  const parts = [
    f.show,
    f.country,
    f.year,
    episodeMarker(f.episode, profile.naming),
    ...f.tags,
    f.resolution,
  ];
  const short = parts.filter((p) => p !== null && p !== '').join('.');
  return `${f.group}-${short}`.toLowerCase();
}

export function tvReleaseFiles(
  releaseName: string,
  profile: TvProfile,
  volumeCount: number,
  container = 'mkv',
): TvReleaseFiles {
  const stem = tvFileStem(releaseName, profile);
  return {
    nfo: `${stem}.nfo`,
    sfv: `${stem}.sfv`,
    rarVolumes: rarVolumeNames(stem, volumeCount),
    sampleDir: profile.sample.dir,
    sample: `${stem}.sample.${container.toLowerCase()}`,
  };
}

export function ebookReleaseFiles(
  releaseName: string,
  profile: EbookProfile,
  diskCount: number,
): EbookReleaseFiles {
  const lower = releaseName.toLowerCase();
  return {
    nfo: `${lower}.nfo`,
    diz: profile.diz.fileName,
    disks: dosDiskNames(releaseName, diskCount),
    rarVolumes: rarVolumeNames(innerRarStem(lower, profile), diskCount),
  };
}

/**
 * 8.3 disk names: six characters from the group, the initials of the title part and the year,
 * then the two-digit disk number (mygedl01.zip). Deterministic, so a re-pack gives the same names.
 */
export function dosDiskNames(releaseName: string, count: number): string[] {
  const prefix = dosPrefix(releaseName);
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}.zip`);
}

export function isDos83(fileName: string): boolean {
  return /^[^ .]{1,8}\.[^ .]{1,3}$/.test(fileName);
}

function dosPrefix(releaseName: string): string {
  const parsed = parseEbookName(releaseName);
  const split = splitGroup(releaseName);
  const group = alnum(split?.group ?? '').slice(0, 3);
  const head = parsed.ok ? parsed.value.head : (split?.body ?? releaseName);
  const initials = head
    .split('.')
    .map((w) => alnum(w).charAt(0))
    .join('');
  const year = parsed.ok ? String(parsed.value.year ?? '') : '';
  return `${group}${initials}${year}xxxxxx`.slice(0, 6);
}

function alnum(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The inner RAR name keeps within the profile limit, extension included (.rar/.rNN: 4). */
function innerRarStem(lower: string, profile: RulesetProfile): string {
  const limit = profile.archive.rar.maxNameLength;
  if (limit === null || lower.length + 4 <= limit) {
    return lower;
  }
  return lower.slice(0, limit - 4).replace(/[._-]+$/, '');
}
