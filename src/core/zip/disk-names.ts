/**
 * Names of the ZIP "disks" of an eBOOK release: at most 8.3, unique, no spaces, numbered in
 * disk order (scene-rules.md §1.3, e.g. `grpxyz01.zip`). Lower case is the safe choice.
 */
import { validationError } from '../../shared/errors.js';
import { crc32 } from '../crc/crc32.js';

const BASE_LENGTH = 8;
const FALLBACK_STEM = 'disk';
const DOS_ZIP_NAME = /^[A-Za-z0-9_-]{1,8}\.zip$/i;

function sanitize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `count` names `<stem><NN>.zip` in disk order; the counter has at least two digits. */
export function zipDiskNames(stem: string, count: number): string[] {
  const width = Math.max(2, String(count).length);
  if (!Number.isInteger(count) || count < 1 || width >= BASE_LENGTH) {
    throw validationError([{ path: 'count', message: `cannot name ${count} disks in 8.3 form` }]);
  }
  const base = (sanitize(stem) || FALLBACK_STEM).slice(0, BASE_LENGTH - width);
  return Array.from(
    { length: count },
    (_, index) => `${base}${String(index + 1).padStart(width, '0')}.zip`,
  );
}

/** True for a name that fits DOS 8.3 with the `.zip` extension and no spaces or extra dots. */
export function isDosZipName(name: string): boolean {
  return DOS_ZIP_NAME.test(name);
}

/**
 * A six-character stem: up to three characters of the group, filled with a base-36 digest of
 * the release name, so disks of different releases by one group rarely share names.
 */
export function diskStem(group: string, releaseName: string): string {
  const prefix = sanitize(group).slice(0, 3);
  const digest = crc32(Buffer.from(releaseName, 'utf8')).toString(36).padStart(7, '0');
  return (prefix + digest).slice(0, 6);
}
