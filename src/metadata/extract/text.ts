/**
 * Plain-text sniffing and decoding. Encoding comes from a BOM, then strict UTF-8, then chardet's
 * best guess (legacy files are mostly Windows-1252/ISO-8859-x); iconv-lite decodes.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

function bomEncoding(bytes: Buffer): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', skip: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: 'utf-16le', skip: 2 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: 'utf-16be', skip: 2 };
  }
  return null;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    // stream: true tolerates a character cut at the end of a sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export function detectEncoding(bytes: Buffer): string {
  const bom = bomEncoding(bytes);
  if (bom !== null) {
    return bom.encoding;
  }
  if (isUtf8(bytes)) {
    return 'utf-8';
  }
  const guess = chardet.detect(bytes);
  return guess !== null && iconv.encodingExists(guess) ? guess.toLowerCase() : 'windows-1252';
}

function decodeText(bytes: Buffer): { text: string; encoding: string } {
  const bom = bomEncoding(bytes);
  const encoding = detectEncoding(bytes);
  const text = iconv.decode(bytes.subarray(bom?.skip ?? 0), encoding);
  return { text, encoding };
}

// C0 controls other than tab, line feed, vertical tab, form feed, carriage return; plus DEL.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** Text, not binary: no NUL outside UTF-16, and (almost) no other control characters. */
export function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) {
    return false;
  }
  const utf16 = bomEncoding(head)?.encoding.startsWith('utf-16') ?? false;
  if (!utf16 && head.includes(0)) {
    return false;
  }
  const { text } = decodeText(head);
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls <= text.length / 200;
}
