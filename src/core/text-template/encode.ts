/**
 * Text to bytes for NFO and DIZ files: CP437 (the 80-column DOS convention) or UTF-8, with CRLF or
 * LF. A character CP437 cannot show is written as its ASCII spelling (Ø → O) or, failing that,
 * as "?", and each such line is reported.
 */
import iconv from 'iconv-lite';
import { transliterate } from '../release-name/transliterate.js';

export type TextEncoding = 'cp437' | 'utf8';
export type LineEnding = 'crlf' | 'lf';

export interface EncodeWarning {
  line: number;
  message: string;
}

export interface Encoded {
  /** The text as written (after substitutions), lines joined with "\n". */
  text: string;
  bytes: Buffer;
  warnings: EncodeWarning[];
}

const encodable = new Map<string, boolean>();

export function encodeText(text: string, encoding: TextEncoding, lineEnding: LineEnding): Encoded {
  const lines = text.split('\n');
  const warnings: EncodeWarning[] = [];
  const written =
    encoding === 'utf8' ? lines : lines.map((line, i) => toCp437Line(line, i + 1, warnings));
  const joined = written.join(lineEnding === 'crlf' ? '\r\n' : '\n');
  const bytes = encoding === 'utf8' ? Buffer.from(joined, 'utf8') : iconv.encode(joined, 'cp437');
  return { text: written.join('\n'), bytes, warnings };
}

function toCp437Line(line: string, number: number, warnings: EncodeWarning[]): string {
  let out = '';
  const replaced: string[] = [];
  for (const char of line) {
    if (inCp437(char)) {
      out += char;
      continue;
    }
    const ascii = transliterate(char);
    const substitute = ascii !== '' && Array.from(ascii).every(inCp437) ? ascii : '?';
    replaced.push(`${char} → ${substitute}`);
    out += substitute;
  }
  if (replaced.length > 0) {
    warnings.push({
      line: number,
      message: `Line ${number}: not in CP437, written differently: ${replaced.join(', ')}`,
    });
  }
  return out;
}

function inCp437(char: string): boolean {
  let known = encodable.get(char);
  if (known === undefined) {
    known = iconv.decode(iconv.encode(char, 'cp437'), 'cp437') === char;
    encodable.set(char, known);
  }
  return known;
}
