/**
 * RTF: the `{\info …}` group (title, author, subject, keywords, doccomm, creatim, nofpages,
 * nofwords). Text in RTF is 7-bit with escapes: `\'hh` bytes in the document's ANSI code page
 * (`\ansicpgN`), `\uN` Unicode characters followed by `\ucN` fallback characters to skip.
 */
import iconv from 'iconv-lite';
import type { BookMetadata } from '../ports.js';
import { buildBook, clean } from './book.js';
import type { RawBook } from './book.js';
import { splitKeywords } from './docx.js';
import { tooLarge } from './errors.js';
import { withFile } from './file.js';
import type { ExtractionLimits } from './limits.js';

// The info group sits in the header, before the body; font and style tables can be long.
const HEAD_BYTES = 4 * 1024 * 1024;
const MAX_GROUP_DEPTH = 64;

interface InfoGroup {
  /** The group's first control word (`title`, `author`, `creatim` …). */
  name: string;
  text: string;
  /** Numeric control words inside the group (`yr`, `mo`, `dy`, or the group's own parameter). */
  numbers: Map<string, number>;
}

/** Reads one RTF group starting just after its `{`, turning escapes into text. */
class GroupReader {
  private bytes: number[] = [];
  private text = '';
  private skip = 0;
  private unicodeSkip = 1;
  readonly numbers = new Map<string, number>();
  name = '';

  constructor(
    private readonly src: string,
    public pos: number,
    private readonly codePage: string,
    private readonly depth: number,
  ) {}

  read(): InfoGroup {
    while (this.pos < this.src.length) {
      const char = this.src[this.pos] ?? '';
      this.pos += 1;
      if (char === '}') {
        break;
      }
      this.step(char);
    }
    this.flush();
    return { name: this.name, text: this.text, numbers: this.numbers };
  }

  private step(char: string): void {
    if (char === '{') {
      this.nested();
    } else if (char === '\\') {
      this.control();
    } else if (char !== '\r' && char !== '\n') {
      this.pushByte(char.charCodeAt(0));
    }
  }

  private nested(): void {
    if (this.depth >= MAX_GROUP_DEPTH) {
      throw tooLarge('xml_depth', MAX_GROUP_DEPTH, 'RTF groups nested deeper than allowed');
    }
    const inner = new GroupReader(this.src, this.pos, this.codePage, this.depth + 1);
    const group = inner.read();
    this.pos = inner.pos;
    if (group.name !== '*') {
      this.flush();
      this.text += group.text;
    }
  }

  private pushByte(byte: number): void {
    if (this.skip > 0) {
      this.skip -= 1;
      return;
    }
    this.bytes.push(byte);
  }

  private flush(): void {
    if (this.bytes.length > 0) {
      this.text += iconv.decode(Buffer.from(this.bytes), this.codePage);
      this.bytes = [];
    }
  }

  private control(): void {
    const next = this.src[this.pos] ?? '';
    if (next === "'") {
      this.pushByte(Number.parseInt(this.src.slice(this.pos + 1, this.pos + 3), 16) || 0x3f);
      this.pos += 3;
      return;
    }
    if (!/[a-zA-Z]/.test(next)) {
      this.pos += 1;
      this.symbol(next);
      return;
    }
    const match = /^([a-zA-Z]+)(-?\d+)? ?/.exec(this.src.slice(this.pos, this.pos + 40));
    this.pos += match?.[0].length ?? 1;
    this.word(match?.[1] ?? '', match?.[2] === undefined ? null : Number(match[2]));
  }

  private symbol(char: string): void {
    const literal: Record<string, string> = {
      '\\': '\\',
      '{': '{',
      '}': '}',
      '~': '\u00a0',
      _: '-',
    };
    if (char === '*' && this.name === '') {
      this.name = '*';
    } else if (literal[char] !== undefined) {
      this.pushByte(literal[char].charCodeAt(0));
    }
  }

  private word(name: string, param: number | null): void {
    if (this.name === '') {
      this.name = name;
    }
    if (name === 'u' && param !== null) {
      this.flush();
      this.text += String.fromCharCode(param < 0 ? param + 65536 : param);
      this.skip = this.unicodeSkip;
    } else if (name === 'uc' && param !== null) {
      this.unicodeSkip = param;
    } else if (name === 'par' || name === 'line' || name === 'tab') {
      this.pushByte(0x20);
    } else if (param !== null) {
      this.numbers.set(name, param);
    }
  }
}

function codePageOf(header: string): string {
  const page = /\\ansicpg(\d+)/.exec(header)?.[1];
  const name = page === undefined ? 'cp1252' : `cp${page}`;
  return iconv.encodingExists(name) ? name : 'cp1252';
}

function infoGroups(src: string): InfoGroup[] {
  const start = src.indexOf('{\\info');
  if (start < 0) {
    return [];
  }
  const codePage = codePageOf(src.slice(0, start));
  const groups: InfoGroup[] = [];
  let pos = start + '{\\info'.length;
  while (pos < src.length && src[pos] !== '}') {
    if (src[pos] === '{') {
      const reader = new GroupReader(src, pos + 1, codePage, 1);
      groups.push(reader.read());
      pos = reader.pos;
    } else {
      pos += 1;
    }
  }
  return groups;
}

function dateOf(group: InfoGroup | undefined): string | null {
  const year = group?.numbers.get('yr');
  if (group === undefined || year === undefined || year === 0) {
    return null;
  }
  const pad = (n: number | undefined): string => String(n ?? 1).padStart(2, '0');
  return `${year}-${pad(group.numbers.get('mo'))}-${pad(group.numbers.get('dy'))}`;
}

function toRaw(groups: InfoGroup[]): RawBook {
  const text = (name: string): string | null => clean(groups.find((g) => g.name === name)?.text);
  const number = (name: string): number | null =>
    groups.find((g) => g.name === name)?.numbers.get(name) ?? null;
  const subject = text('subject');
  return {
    title: text('title'),
    creators: groups
      .filter((g) => g.name === 'author')
      .map((g) => ({ name: clean(g.text) ?? '', fileAs: null, role: 'aut' })),
    publisher: text('company'),
    description: text('doccomm'),
    subjects: [...(subject === null ? [] : [subject]), ...splitKeywords(text('keywords'))],
    date: dateOf(groups.find((g) => g.name === 'creatim')),
    pageCount: number('nofpages'),
    wordCount: number('nofwords'),
  };
}

export function extractRtf(path: string, limits: ExtractionLimits): Promise<BookMetadata> {
  return withFile(path, async (file) => {
    const head = await file.read(0, Math.min(HEAD_BYTES, limits.maxTextBytes));
    return buildBook('rtf', path, toRaw(infoGroups(head.toString('latin1'))));
  });
}
