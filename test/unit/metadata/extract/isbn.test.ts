import { describe, expect, it } from 'vitest';
import {
  findIsbnInText,
  isbnFromIdentifier,
  toIsbn13,
} from '../../../../src/metadata/extract/isbn.js';

describe('toIsbn13', () => {
  it.each([
    ['9782070368228', '9782070368228'],
    ['978-2-07-036822-8', '9782070368228'],
    ['978 2 07 036822 8', '9782070368228'],
    ['207036822X', '9782070368228'],
    ['2-07-036822-x', '9782070368228'],
    ['0-8044-2957-X', '9780804429573'],
    ['080442957x', '9780804429573'],
  ])('normalises %s to %s', (input, expected) => {
    expect(toIsbn13(input)).toBe(expected);
  });

  it.each(['9782070368229', '2070368221', '978207036822', '12345', 'abcdefghij', ''])(
    'rejects %s (wrong check digit or length)',
    (input) => {
      expect(toIsbn13(input)).toBeNull();
    },
  );

  it('rejects a 13-digit number that is not in the 978/979 ranges', () => {
    expect(toIsbn13('1234567890128')).toBeNull();
  });
});

describe('isbnFromIdentifier', () => {
  it.each([
    [{ value: '9782070368228', scheme: 'ISBN' }, '9782070368228'],
    [{ value: 'urn:isbn:978-2-07-036822-8', scheme: null }, '9782070368228'],
    [{ value: 'ISBN:9782070368228', scheme: null }, '9782070368228'],
    [{ value: 'isbn 2-07-036822-X', scheme: null }, '9782070368228'],
    [{ value: '978-2-07-036822-8', scheme: null }, '9782070368228'],
  ])('reads %j', (identifier, expected) => {
    expect(isbnFromIdentifier(identifier.value, identifier.scheme)).toBe(expected);
  });

  it('ignores UUIDs and other schemes that only look numeric', () => {
    expect(isbnFromIdentifier('urn:uuid:f06f14b2-b0ff-4c05-967f-5fcce99308be', null)).toBeNull();
    expect(isbnFromIdentifier('9782070368228', 'calibre')).toBeNull();
    expect(isbnFromIdentifier('B00ABCDEFG', 'MOBI-ASIN')).toBeNull();
  });
});

describe('findIsbnInText', () => {
  it('finds a hyphenated ISBN after its label', () => {
    expect(findIsbnInText('Dépôt légal : 2019\nISBN 978-2-07-036822-8\nImprimé en France')).toBe(
      '9782070368228',
    );
  });

  it('finds an ISBN-10 with X check digit and converts it', () => {
    expect(findIsbnInText('ISBN-10: 0-8044-2957-X')).toBe('9780804429573');
  });

  it('skips an invalid candidate and takes the next valid one', () => {
    expect(findIsbnInText('ISBN 978-0-00-000000-1 … ISBN 9782070368228')).toBe('9782070368228');
  });

  it('returns null when the text has no valid ISBN', () => {
    expect(findIsbnInText('Phone 0123456789, order 9999999999999')).toBeNull();
  });
});
