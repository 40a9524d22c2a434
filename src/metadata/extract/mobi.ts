/**
 * MOBI / AZW / AZW3 / PRC: PalmDB name, MOBI header full name and the EXTH records
 * (100 author, 101 publisher, 103 description, 104 ISBN, 105 subject, 106 date, 201 cover,
 * 503 title, 524 language). EXTH is never encrypted, so a DRM book still yields metadata.
 */
import iconv from 'iconv-lite';
import type { BookMetadata, Identifier } from '../ports.js';
import { buildBook } from './book.js';
import { withFile } from './file.js';
import { readKindleHeader } from './mobi-header.js';
import type { KindleHeader } from './mobi-header.js';

const EXTH = {
  author: 100,
  publisher: 101,
  description: 103,
  isbn: 104,
  subject: 105,
  date: 106,
  asin: 113,
  cover: 201,
  title: 503,
  language: 524,
} as const;

const NO_COVER = 0xffffffff;

function decoderFor(header: KindleHeader): (bytes: Buffer) => string {
  const encoding = header.textEncoding === 1252 ? 'windows-1252' : 'utf8';
  return (bytes) => iconv.decode(bytes, encoding).replace(/\0+$/, '');
}

function hasCover(header: KindleHeader): boolean {
  const offset = header.exth.get(EXTH.cover)?.[0];
  return offset !== undefined && offset.length >= 4 && offset.readUInt32BE(0) !== NO_COVER;
}

function identifiersOf(text: (type: number) => string[]): Identifier[] {
  return [
    ...text(EXTH.isbn).map((value) => ({ scheme: 'isbn', value })),
    ...text(EXTH.asin).map((value) => ({ scheme: 'asin', value })),
  ];
}

function toBook(path: string, header: KindleHeader): BookMetadata {
  const decode = decoderFor(header);
  const text = (type: number): string[] => (header.exth.get(type) ?? []).map(decode);
  const fullName = header.fullName === null ? null : decode(header.fullName);
  return buildBook(header.kf8Only ? 'azw3' : 'mobi', path, {
    title: text(EXTH.title)[0] ?? fullName ?? header.palmName.replace(/_/g, ' '),
    creators: text(EXTH.author).map((name) => ({ name, fileAs: null, role: 'aut' })),
    publisher: text(EXTH.publisher)[0] ?? null,
    description: text(EXTH.description)[0] ?? null,
    identifiers: identifiersOf(text),
    subjects: text(EXTH.subject),
    date: text(EXTH.date)[0] ?? null,
    language: text(EXTH.language)[0] ?? null,
    hasCover: hasCover(header),
    drm: header.encryption !== 0,
    kf8: header.hasKf8,
  });
}

export function extractMobi(path: string): Promise<BookMetadata> {
  return withFile(path, async (file) => toBook(path, await readKindleHeader(file)));
}
