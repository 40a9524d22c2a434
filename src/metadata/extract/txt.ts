/**
 * TXT: encoding detected on the first 64 KiB (BOM, strict UTF-8, else chardet), then the whole
 * file is streamed through the decoder in chunks to count words, so size does not cost memory.
 * The first non-empty line is the title when it looks like one (short, no sentence punctuation).
 */
import iconv from 'iconv-lite';
import type { BookMetadata } from '../ports.js';
import { buildBook } from './book.js';
import type { OpenedFile } from './file.js';
import { withFile } from './file.js';
import type { ExtractionLimits } from './limits.js';
import { detectEncoding } from './text.js';

const SAMPLE_BYTES = 64 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const MAX_TITLE_LENGTH = 100;
const MAX_TITLE_WORDS = 15;

/** A word is a run of non-space characters holding at least one letter or digit. */
function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

async function wordsIn(file: OpenedFile, encoding: string, limit: number): Promise<number> {
  const decoder = iconv.getDecoder(encoding);
  let words = 0;
  let carry = '';
  const end = Math.min(file.size, limit);
  for (let offset = 0; offset < end; offset += CHUNK_BYTES) {
    const text =
      carry + decoder.write(await file.read(offset, Math.min(CHUNK_BYTES, end - offset)));
    // The last token may continue in the next chunk: count it then.
    const cut = text.search(/\S*$/);
    words += countWords(text.slice(0, cut));
    carry = text.slice(cut);
  }
  return words + countWords(carry + (decoder.end() ?? ''));
}

function titleFrom(sample: string): string | null {
  const line = sample
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (line === undefined || line.length >= MAX_TITLE_LENGTH || !/\p{L}/u.test(line)) {
    return null;
  }
  // A line ending like a sentence is prose; "…?", "…!" and "..." can end titles.
  const sentence = /[.,;:]$/.test(line) && !line.endsWith('...');
  return sentence || line.split(/\s+/).length > MAX_TITLE_WORDS ? null : line;
}

export function extractTxt(path: string, limits: ExtractionLimits): Promise<BookMetadata> {
  return withFile(path, async (file) => {
    const head = await file.read(0, SAMPLE_BYTES);
    const encoding = detectEncoding(head);
    const title = titleFrom(iconv.decode(head, encoding));
    const warnings =
      file.size > limits.maxTextBytes
        ? [`Words counted in the first ${limits.maxTextBytes} bytes`]
        : [];
    return buildBook('txt', path, {
      title,
      titleSource: 'first_line',
      wordCount: await wordsIn(file, encoding, limits.maxTextBytes),
      warnings,
    });
  });
}
