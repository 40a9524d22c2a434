import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxLines,
  centerText,
  columns,
  fieldLines,
  padText,
  truncateText,
  wrapText,
} from '../../../../src/core/text-template/layout.js';

// Letters with and without a CP437 form, astral characters, other whitespace and break points.
const mixedChar = fc.constantFrom(...Array.from('aZ9 É ø ß Ω ж 中 😀 \t \u00a0 \u3000 . - / _ ,'));

describe('wrapText', () => {
  it.each<[string, number, string[]]>([
    ['the quick brown fox', 10, ['the quick', 'brown fox']],
    ['the quick brown fox', 9, ['the quick', 'brown fox']],
    ['the quick brown fox', 8, ['the', 'quick', 'brown', 'fox']],
    ['short', 80, ['short']],
    ['', 10, ['']],
    [
      'emile.dupont.le.chateau.de.verre.2019.RETAIL.EPUB.french.mygrp',
      44,
      ['emile.dupont.le.chateau.de.verre.2019.', 'RETAIL.EPUB.french.mygrp'],
    ],
    [
      'https://shop.example.com/books/le-chateau-de-verre',
      20,
      ['https://shop.', 'example.com/books/', 'le-chateau-de-verre'],
    ],
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['line one\nline two is longer', 8, ['line one', 'line two', 'is', 'longer']],
    ['a  b', 1, ['a', 'b']],
    ['ÉÉÉÉ ÉÉ', 4, ['ÉÉÉÉ', 'ÉÉ']],
  ])('wrap(%j, %i)', (text, width, expected) => {
    expect(wrapText(text, width)).toEqual(expected);
  });

  it('never loses a character and never exceeds the width (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
        fc.integer({ min: 1, max: 90 }),
        (raw, width) => {
          const text = raw.replace(/\n/g, ' ');
          const lines = wrapText(text, width);
          for (const line of lines) {
            expect(columns(line)).toBeLessThanOrEqual(width);
          }
          const squeeze = (s: string) => s.replace(/ /g, '');
          expect(squeeze(lines.join(''))).toBe(squeeze(text));
          if (!text.includes(' ')) {
            expect(lines.join('')).toBe(text);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps the characters of non-ASCII text too (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: mixedChar, maxLength: 120 }),
        fc.integer({ min: 1, max: 40 }),
        (text, width) => {
          const lines = wrapText(text, width);
          expect(lines.every((l) => columns(l) <= width)).toBe(true);
          expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('fixed-width helpers', () => {
  it('centers in the width, left side taking the smaller half', () => {
    expect(centerText('abc', 8)).toBe('  abc   ');
    expect(centerText('abcdefghij', 8)).toBe('abcdefghij');
    expect(centerText('a\nbb', 4)).toBe(' a  \n bb ');
  });

  it('pads left, right or center', () => {
    expect(padText('ab', 5)).toBe('ab   ');
    expect(padText('ab', 5, 'right')).toBe('   ab');
    expect(padText('ab', 5, 'center')).toBe(' ab  ');
    expect(padText('abcdef', 3)).toBe('abcdef');
  });

  it('truncates with an ellipsis inside the width', () => {
    expect(truncateText('abcdefghij', 6)).toBe('abc...');
    expect(truncateText('abcdefghij', 6, '')).toBe('abcdef');
    expect(truncateText('abc', 6)).toBe('abc');
    expect(truncateText('abcdef', 2)).toBe('ab');
  });

  it('frames lines between borders', () => {
    expect(boxLines('ab\ncde', 4, '| ', ' |')).toBe('| ab   |\n| cde  |');
  });

  it('lays out a labelled field with wrapped continuation lines', () => {
    expect(fieldLines('Le Château de Verre et autres histoires', 'Title', 40, 10)).toBe(
      'Title ...: Le Château de Verre et autres\n           histoires',
    );
    expect(fieldLines('', 'ISBN', 40, 10)).toBe('ISBN ....: ');
    expect(fieldLines(2019, 'Year', 40, 10)).toBe('Year ....: 2019');
  });

  it('counts columns by code point', () => {
    expect(columns('║ É ║')).toBe(5);
    expect(columns('😀')).toBe(1);
  });
});
