import { describe, expect, it } from 'vitest';
import { decodeFileName, encodeFileName } from '../../../../src/core/rar/file-name-codec.js';

const bytes = (...values: number[]): Buffer => Buffer.from(values);

describe('encodeFileName', () => {
  it('stores ASCII names as they are, with backslash separators', () => {
    const encoded = encodeFileName('dir/show.s01e01.mkv');
    expect(encoded.unicode).toBe(false);
    expect(encoded.bytes.toString('latin1')).toBe('dir\\show.s01e01.mkv');
  });

  it('stores other names as legacy name, NUL, high byte 0 and opcode-2 UTF-16 units', () => {
    const encoded = encodeFileName('é.b');
    expect(encoded.unicode).toBe(true);
    // legacy "_.b" · NUL · H=0 · flags 0b10_10_10_00 · E9 00 · 2E 00 · 62 00
    expect([...encoded.bytes]).toEqual([
      0x5f, 0x2e, 0x62, 0x00, 0x00, 0xa8, 0xe9, 0x00, 0x2e, 0x00, 0x62, 0x00,
    ]);
  });

  it('writes one flag byte per four units', () => {
    const encoded = encodeFileName('ééééé');
    // 5 legacy bytes, NUL, H, 0xAA + 8 bytes, 0x80 + 2 bytes
    expect(encoded.bytes.length).toBe(5 + 1 + 1 + 1 + 8 + 1 + 2);
    expect(encoded.bytes[7]).toBe(0xaa);
    expect(encoded.bytes[16]).toBe(0x80);
  });
});

describe('decodeFileName', () => {
  it.each([
    'plain.txt',
    'Ærø/Østerbro – Ünïcödé.epub',
    '日本語のファイル.pdf',
    'emoji 😀 and 𝄞 clef.mkv',
    'a',
  ])('round-trips %s', (name) => {
    const encoded = encodeFileName(name);
    expect(decodeFileName(encoded.bytes, encoded.unicode)).toBe(name);
  });

  it('decodes opcodes 0 and 1 (one byte, with high byte 0 or H)', () => {
    // legacy "ab" NUL, H=0x04, flags 0b00_01_00_00: 'a' then 0x0430 ('а' Cyrillic)
    const encoded = bytes(0x61, 0x62, 0x00, 0x04, 0x10, 0x61, 0x30);
    expect(decodeFileName(encoded, true)).toBe('a\u0430');
  });

  it('decodes opcode 3 copying from the legacy name, with and without correction', () => {
    // legacy "abcdef" NUL, H=0x00, flags 0b11_11_00_00:
    // op3 L=1 → copy 3 legacy chars "abc"; op3 L=0x80|0 C=1 → 2 chars (d+1, e+1) = "ef"
    const encoded = bytes(0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x00, 0x00, 0xf0, 0x01, 0x80, 0x01);
    expect(decodeFileName(encoded, true)).toBe('abcef');
  });

  it('reads a Unicode-flagged name without NUL as UTF-8', () => {
    expect(decodeFileName(Buffer.from('naïve.txt', 'utf8'), true)).toBe('naïve.txt');
  });

  it('stops at truncated operands instead of failing', () => {
    expect(decodeFileName(bytes(0x61, 0x00, 0x00, 0x80, 0x61), true)).toBe('');
  });

  it('turns backslashes into slashes', () => {
    expect(decodeFileName(Buffer.from('a\\b.txt', 'latin1'), false)).toBe('a/b.txt');
  });
});
