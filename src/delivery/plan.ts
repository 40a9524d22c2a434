/**
 * The order in which a release goes up, and whether a folder is a release at all. Pure: it works
 * on the listing. Site zipscripts (pzs-ng and friends) want the SFV before anything it lists
 * (`force_sfv_first`), the NFO next so the release shows up readable, then the volumes in
 * sequence so a race can be followed, then `Sample/` and `Proof/`.
 */
import { posix } from 'node:path';

/** A file of the release folder (the shape of `LocalFile` in ports.ts, which re-exports us). */
interface LocalFile {
  path: string;
  size: number;
}

/** `.rar`, `.r00`…`.r99`, `.s00`…, `.partNN.rar`, `.zip`, `.z01`…, `.001`… */
const VOLUME = /\.(rar|[r-z]\d{2}|zip|z\d{2}|\d{3})$/i;

function extension(name: string): string {
  return posix.extname(name).toLowerCase();
}

/** Position of a volume in its set: `.rar` before `.r00`; `.partNN.rar` by NN; ZIP disks by number. */
export function volumeIndex(name: string): number {
  const lower = name.toLowerCase();
  const part = /\.part(\d+)\.rar$/.exec(lower);
  if (part?.[1] !== undefined) {
    return Number(part[1]);
  }
  if (lower.endsWith('.rar')) {
    return -1;
  }
  const old = /\.([r-y])(\d{2})$/.exec(lower);
  if (old?.[1] !== undefined && old[2] !== undefined) {
    return (old[1].charCodeAt(0) - 'r'.charCodeAt(0)) * 100 + Number(old[2]);
  }
  const split = /\.(?:z|)(\d{2,3})$/.exec(lower);
  if (split?.[1] !== undefined) {
    return Number(split[1]);
  }
  // A spanned ZIP ends with its .zip; a set of ZIP disks is numbered in the base name.
  const disk = /(\d+)\.zip$/.exec(lower);
  return disk?.[1] === undefined ? 0 : Number(disk[1]);
}

function isVolume(name: string): boolean {
  return VOLUME.test(name);
}

/** The base of a volume set, so two sets in one folder do not interleave. */
function volumeSet(name: string): string {
  return name
    .toLowerCase()
    .replace(/\.part\d+\.rar$/, '')
    .replace(VOLUME, '');
}

function fileRank(name: string): number {
  const ext = extension(name);
  if (ext === '.sfv') {
    return 0;
  }
  if (ext === '.nfo') {
    return 1;
  }
  return isVolume(name) ? 2 : 3;
}

/** Top level first, then Sample/, then Proof/, then any other folder. */
function folderRank(dir: string): number {
  const top = dir.split('/')[0]?.toLowerCase() ?? '';
  if (dir === '' || dir === '.') {
    return 0;
  }
  return top === 'sample' ? 1 : top === 'proof' ? 2 : 3;
}

function sortKey(file: LocalFile): [number, string, number, string, number, string] {
  const dir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
  const name = posix.basename(file.path);
  const rank = fileRank(name);
  const set = rank === 2 ? volumeSet(name) : '';
  return [folderRank(dir), dir.toLowerCase(), rank, set, rank === 2 ? volumeIndex(name) : 0, name];
}

function compareKeys(a: LocalFile, b: LocalFile): number {
  const left = sortKey(a);
  const right = sortKey(b);
  for (const [index, x] of left.entries()) {
    const y = right[index];
    if (x !== y) {
      return typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x) < String(y)
          ? -1
          : 1;
    }
  }
  return 0;
}

/** The files in Scene upload order (a new array). */
export function orderForUpload<T extends LocalFile>(files: readonly T[]): T[] {
  return [...files].sort(compareKeys);
}

/** Every folder the files need, parents before children, relative to the release. */
export function foldersOf(files: readonly LocalFile[]): string[] {
  const folders = new Set<string>();
  for (const file of files) {
    for (let dir = posix.dirname(file.path); dir !== '.'; dir = posix.dirname(dir)) {
      folders.add(dir);
    }
  }
  return [...folders].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
}

export type ReleaseCheck =
  | { kind: 'release' }
  | {
      kind: 'not_a_release';
      reason: 'bad_name' | 'empty' | 'no_archives' | 'no_sfv' | 'several_sfv' | 'no_nfo';
      message: string;
    };

/** Scene release names: no spaces, dots between words, `-GROUP` at the end. */
const RELEASE_NAME = /^[A-Za-z0-9][\w.()&+'-]*-[A-Za-z0-9_]+$/;

/** Is this folder (its name and listing) a release we can deliver? */
export function checkRelease(name: string, files: readonly LocalFile[]): ReleaseCheck {
  const fail = (
    reason: Exclude<ReleaseCheck, { kind: 'release' }>['reason'],
    message: string,
  ): ReleaseCheck => ({
    kind: 'not_a_release',
    reason,
    message,
  });
  if (!RELEASE_NAME.test(name)) {
    return fail('bad_name', `"${name}" is not a release name (Title.Words-GROUP, no spaces)`);
  }
  if (files.length === 0) {
    return fail('empty', `The folder ${name} is empty`);
  }
  const top = files.filter((file) => !file.path.includes('/')).map((file) => file.path);
  const sfv = top.filter((path) => extension(path) === '.sfv');
  const rar = top.some((path) => isVolume(path) && !/\.(zip|z\d{2})$/i.test(path));
  const zip = top.some((path) => extension(path) === '.zip');
  if (!rar && !zip) {
    return fail('no_archives', `${name} holds no RAR or ZIP volumes at its top level`);
  }
  if (sfv.length > 1) {
    return fail(
      'several_sfv',
      `${name} holds ${String(sfv.length)} SFV files; zipscripts accept one`,
    );
  }
  if (rar && sfv.length === 0) {
    return fail('no_sfv', `${name} has RAR volumes but no SFV`);
  }
  if (zip && !rar && !top.some((path) => extension(path) === '.nfo')) {
    return fail('no_nfo', `${name} has ZIP volumes but no NFO`);
  }
  return { kind: 'release' };
}
