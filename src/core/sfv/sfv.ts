/**
 * SFV (Simple File Verification) files: `;` comment lines, then one `name CRC32` line per file
 * with eight hex digits. Scene SFVs list every RAR volume; CRLF is the common line ending
 * (scene-rules.md §4). The parser accepts what other tools write: BOMs, LF or CRLF, spaces and
 * tabs in names, lower-case hex, Latin-1 bytes.
 */
import { validationError } from '../../shared/errors.js';
import { formatCrc32 } from '../crc/crc32.js';

export interface SfvEntry {
  name: string;
  crc32: number;
}

export interface SfvRenderOptions {
  /** Comment lines, written first as `; text` (an empty string gives a bare `;`). */
  comments?: readonly string[];
  /** Default `crlf`. */
  lineEnding?: 'crlf' | 'lf';
}

export interface ParsedSfv {
  entries: SfvEntry[];
  comments: string[];
  /** Lines that are neither comments nor `name CRC32`, numbered from 1. */
  problems: { line: number; text: string }[];
}

export type SfvRule =
  | 'sfv.bad_line'
  | 'sfv.duplicate'
  | 'sfv.crc_mismatch'
  | 'sfv.file_missing'
  | 'sfv.not_listed'
  | 'sfv.name_case';

export interface SfvFinding {
  rule: SfvRule;
  level: 'error' | 'warning';
  message: string;
  file?: string;
}

export interface SfvVerifyResult {
  ok: boolean;
  findings: SfvFinding[];
  /** Entries whose CRC was compared. */
  checked: number;
}

export interface SfvFileAccess {
  /** CRC-32 of the named file, or undefined when there is no such file. */
  crcOf: (name: string) => Promise<number | undefined>;
  /** Files present, used to match names that differ only in case. */
  names?: readonly string[];
  /** Files the SFV must list (for a TV release: every RAR volume). */
  mustList?: readonly string[];
}

const ENTRY_LINE = /^(.*\S)\s+([0-9A-Fa-f]{8})$/;

function nameProblem(name: string): string | undefined {
  if (name === '' || /[\r\n]/.test(name)) {
    return 'a name must be non-empty and on one line';
  }
  if (name.startsWith(';') || /^\s/.test(name)) {
    return 'a name must not start with ";" or a space: readers would misread the line';
  }
  return undefined;
}

function validateEntries(entries: readonly SfvEntry[]): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const problem = seen.has(entry.name)
      ? `"${entry.name}" is listed twice`
      : nameProblem(entry.name);
    if (problem !== undefined) {
      throw validationError([{ path: `entries.${index}.name`, message: problem }]);
    }
    seen.add(entry.name);
  });
}

/** The SFV text for `entries`, sorted by name (code-unit order) so output never depends on input order. */
export function renderSfv(entries: readonly SfvEntry[], options: SfvRenderOptions = {}): string {
  validateEntries(entries);
  const newline = options.lineEnding === 'lf' ? '\n' : '\r\n';
  const comments = (options.comments ?? []).map((text) => (text === '' ? ';' : `; ${text}`));
  const lines = [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((entry) => `${entry.name} ${formatCrc32(entry.crc32)}`);
  return [...comments, ...lines].map((line) => line + newline).join('');
}

function decode(input: string | Uint8Array): string {
  if (typeof input === 'string') {
    return input;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return Buffer.from(input.buffer, input.byteOffset, input.length).toString('latin1');
  }
}

/** Parses SFV text or bytes; never throws, unreadable lines go to `problems`. */
export function parseSfv(input: string | Uint8Array): ParsedSfv {
  const parsed: ParsedSfv = { entries: [], comments: [], problems: [] };
  const lines = decode(input)
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.replace(/\uFEFF/g, '').trim();
    if (line === '') {
      return;
    }
    if (line.startsWith(';')) {
      parsed.comments.push(line.slice(1).replace(/^ /, ''));
      return;
    }
    const match = ENTRY_LINE.exec(line);
    if (match?.[1] === undefined || match[2] === undefined) {
      parsed.problems.push({ line: index + 1, text: raw });
      return;
    }
    parsed.entries.push({ name: match[1], crc32: Number.parseInt(match[2], 16) >>> 0 });
  });
  return parsed;
}

function uniqueEntries(sfv: ParsedSfv, findings: SfvFinding[]): SfvEntry[] {
  const seen = new Set<string>();
  return sfv.entries.filter((entry) => {
    if (seen.has(entry.name)) {
      findings.push({
        rule: 'sfv.duplicate',
        level: 'error',
        message: `"${entry.name}" is listed more than once`,
        file: entry.name,
      });
      return false;
    }
    seen.add(entry.name);
    return true;
  });
}

/** The present file an entry refers to: exact name, else one differing only in case. */
function resolveName(name: string, access: SfvFileAccess, findings: SfvFinding[]): string {
  const exact = access.names === undefined || access.names.includes(name);
  const folded = exact
    ? undefined
    : access.names?.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (folded === undefined) {
    return name;
  }
  findings.push({
    rule: 'sfv.name_case',
    level: 'warning',
    message: `"${name}" is listed, but the file is named "${folded}"`,
    file: name,
  });
  return folded;
}

async function checkEntry(
  entry: SfvEntry,
  access: SfvFileAccess,
  findings: SfvFinding[],
): Promise<boolean> {
  const actual = await access.crcOf(resolveName(entry.name, access, findings));
  if (actual === undefined) {
    findings.push({
      rule: 'sfv.file_missing',
      level: 'error',
      message: `"${entry.name}" is listed but missing`,
      file: entry.name,
    });
    return false;
  }
  if (actual !== entry.crc32) {
    const message = `CRC mismatch for "${entry.name}": the SFV says ${formatCrc32(entry.crc32)}, the file gives ${formatCrc32(actual)}`;
    findings.push({ rule: 'sfv.crc_mismatch', level: 'error', message, file: entry.name });
  }
  return true;
}

/**
 * Checks every entry against the files (`crcOf` may hash a stream or return a CRC already
 * known, such as the RAR verifier's per-volume CRC) and that each `mustList` file is listed.
 */
export async function verifySfv(sfv: ParsedSfv, access: SfvFileAccess): Promise<SfvVerifyResult> {
  const findings: SfvFinding[] = sfv.problems.map((problem) => ({
    rule: 'sfv.bad_line',
    level: 'warning',
    message: `Line ${problem.line} is neither a comment nor "name CRC32": ${JSON.stringify(problem.text)}`,
  }));
  let checked = 0;
  for (const entry of uniqueEntries(sfv, findings)) {
    checked += (await checkEntry(entry, access, findings)) ? 1 : 0;
  }
  const listed = new Set(sfv.entries.map((entry) => entry.name.toLowerCase()));
  for (const name of access.mustList ?? []) {
    if (!listed.has(name.toLowerCase())) {
      findings.push({
        rule: 'sfv.not_listed',
        level: 'error',
        message: `"${name}" is not listed in the SFV`,
        file: name,
      });
    }
  }
  return { ok: !findings.some((item) => item.level === 'error'), findings, checked };
}
