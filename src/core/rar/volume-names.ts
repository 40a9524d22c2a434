/**
 * RAR volume names. Old style (`.rar`, `.r00` … `.r99`, `.s00` … `.z99`) is what scene rules
 * ask for; new style (`.partN.rar`) is read because other tools write it. Readers choose the
 * style from the MAIN header's NEWNUMBERING flag, not from the names.
 */
import { AppError } from '../../shared/errors.js';

/** `.rar` plus 100 names for each letter r…z. */
export const MAX_OLD_STYLE_VOLUMES = 1 + 9 * 100;

/** Old-style name of the volume at 0-based `index` of a set named `baseName`. */
export function volumeName(baseName: string, index: number): string {
  if (index === 0) {
    return `${baseName}.rar`;
  }
  if (!Number.isInteger(index) || index < 0 || index >= MAX_OLD_STYLE_VOLUMES) {
    throw new AppError(
      'release.too_many_volumes',
      `Too many volumes: old-style names stop at ${MAX_OLD_STYLE_VOLUMES} (.z99)`,
      { details: { index } },
    );
  }
  const letter = String.fromCharCode('r'.charCodeAt(0) + Math.floor((index - 1) / 100));
  return `${baseName}.${letter}${String((index - 1) % 100).padStart(2, '0')}`;
}

function nextOldStyle(name: string): string | undefined {
  const first = /^(.*\.)([rR])([aA])([rR])$/.exec(name);
  if (first) {
    return `${first[1] ?? ''}${first[2] ?? 'r'}00`;
  }
  const later = /^(.*\.)([a-zA-Z])(\d\d)$/.exec(name);
  if (!later) {
    return undefined;
  }
  const [, stem = '', letter = 'r', digits = '0'] = later;
  const number = Number(digits) + 1;
  if (number < 100) {
    return `${stem}${letter}${String(number).padStart(2, '0')}`;
  }
  if (letter.toLowerCase() === 'z') {
    return undefined;
  }
  return `${stem}${String.fromCharCode(letter.charCodeAt(0) + 1)}00`;
}

function nextNewStyle(name: string): string | undefined {
  const match = /^(.*?)(\d+)(\D*)$/.exec(name);
  if (!match) {
    return undefined;
  }
  const [, stem = '', digits = '', rest = ''] = match;
  const next = String(Number(digits) + 1).padStart(digits.length, '0');
  return `${stem}${next}${rest}`;
}

/** Name of the volume after `name`, or undefined when the naming scheme has no successor. */
export function nextVolumeName(name: string, newNumbering: boolean): string | undefined {
  return newNumbering ? nextNewStyle(name) : nextOldStyle(name);
}
