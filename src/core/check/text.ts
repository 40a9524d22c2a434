/**
 * NFO and FILE_ID.DIZ as a reader sees them: the encoding (CP437 by convention; UTF-8 is
 * recognised by its byte sequences), line widths and counts against the profile's limits, the
 * DIZ disk counter, and the retail proof link of an eBOOK NFO.
 */
import iconv from 'iconv-lite';
import { readDizCounters } from '../diz/index.js';
import type { EbookProfile, RulesetProfile } from '../rules/index.js';
import { error, limit, warning } from './finding.js';
import type { Finding } from './types.js';

export interface DecodedText {
  text: string;
  encoding: 'utf8' | 'cp437';
}

/** UTF-8 when the bytes are valid UTF-8 with at least one multi-byte character, else CP437. */
function decodeText(bytes: Uint8Array): DecodedText {
  const ascii = bytes.every((byte) => byte < 0x80);
  if (!ascii) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf8' };
    } catch {
      // Not UTF-8: the DOS code page it is.
    }
  }
  return { text: iconv.decode(Buffer.from(bytes), 'cp437'), encoding: 'cp437' };
}

export function checkNfo(
  file: string,
  bytes: Uint8Array,
  profile: RulesetProfile,
  releaseName: string,
): Finding[] {
  if (bytes.length === 0) {
    return [error('nfo.empty', 'The NFO is empty', file)];
  }
  const decoded = decodeText(bytes);
  const findings = [
    ...encodingFindings('nfo', decoded, profile.nfo.encoding, file),
    ...widthFindings(
      'nfo',
      decoded.text,
      profile.nfo.maxWidth,
      profile.nfo.limitsAreWarnings,
      file,
    ),
  ];
  const retail = /(^|\.)RETAIL(\.|-|$)/i.test(releaseName);
  if (profile.family === 'ebook' && retail && !/https?:\/\/\S+/i.test(decoded.text)) {
    findings.push(
      warning('nfo.proof_url', 'A RETAiL release should link to a shop selling this format', file),
    );
  }
  return findings;
}

export function checkDiz(
  file: string,
  bytes: Uint8Array,
  profile: EbookProfile,
  disk: { index: number; total: number },
): Finding[] {
  const { diz } = profile;
  const decoded = decodeText(bytes);
  const lines = splitLines(decoded.text);
  const findings = [
    ...encodingFindings('diz', decoded, diz.encoding, file),
    ...widthFindings('diz', decoded.text, diz.maxWidth, diz.limitsAreWarnings, file),
  ];
  if (lines.length > diz.maxLines) {
    const message = `FILE_ID.DIZ has ${lines.length} lines; at most ${diz.maxLines} are allowed`;
    findings.push(limit(diz.limitsAreWarnings, 'diz.lines', message, file));
  }
  return [...findings, ...counterFindings(decoded.text, disk, file)];
}

function counterFindings(
  text: string,
  disk: { index: number; total: number },
  file: string,
): Finding[] {
  const counters = readDizCounters(text);
  const expected = `[${pad(disk.index)}/${pad(disk.total)}]`;
  if (counters.length === 0) {
    return [
      error('diz.counter', `FILE_ID.DIZ shows no disk counter; it must say ${expected}`, file),
    ];
  }
  return counters
    .filter((c) => c.disk !== disk.index || c.total !== disk.total)
    .map((c) =>
      error(
        'diz.counter',
        `FILE_ID.DIZ says [${pad(c.disk)}/${pad(c.total)}] but this is disk ${expected}`,
        file,
      ),
    );
}

function encodingFindings(
  kind: 'nfo' | 'diz',
  decoded: DecodedText,
  wanted: 'cp437' | 'utf8',
  file: string,
): Finding[] {
  if (wanted === 'cp437' && decoded.encoding === 'utf8') {
    const what = kind === 'nfo' ? 'The NFO' : 'FILE_ID.DIZ';
    return [
      warning(
        `${kind}.encoding`,
        `${what} is written in UTF-8; the convention is CP437 (its box characters will show as junk on a DOS viewer)`,
        file,
      ),
    ];
  }
  return [];
}

function widthFindings(
  kind: 'nfo' | 'diz',
  text: string,
  maxWidth: number,
  asWarning: boolean,
  file: string,
): Finding[] {
  const wide = splitLines(text)
    .map((line, index) => ({ number: index + 1, width: Array.from(line).length }))
    .filter((line) => line.width > maxWidth);
  if (wide.length === 0) {
    return [];
  }
  const widest = Math.max(...wide.map((line) => line.width));
  const numbers = wide.slice(0, 10).map((line) => line.number);
  const more = wide.length > numbers.length ? ' …' : '';
  const message = `Line${wide.length > 1 ? 's' : ''} ${numbers.join(', ')}${more} exceed${wide.length > 1 ? '' : 's'} ${maxWidth} columns (widest: ${widest})`;
  return [limit(asWarning, `${kind}.width`, message, file)];
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.at(-1) === '' ? lines.slice(0, -1) : lines;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
