import { describe, expect, it } from 'vitest';
import { parsePins } from '../../../../src/services/metadata/pins.js';
import { AppError } from '../../../../src/shared/errors.js';

describe('parsePins', () => {
  it('reads every scheme into one normal form', () => {
    expect(
      parsePins([
        'isbn:0-441-17271-7',
        'ISBN: 978-2-07-061275-8',
        'olid:ol7353617m',
        'gbid:B1hSG45JCX4C',
        'tvdb:081189',
        'tmdb:1396',
        'imdb:TT0903747',
      ]),
    ).toEqual([
      { scheme: 'isbn', value: '9780441172719' },
      { scheme: 'isbn', value: '9782070612758' },
      { scheme: 'olid', value: 'OL7353617M' },
      { scheme: 'gbid', value: 'B1hSG45JCX4C' },
      { scheme: 'tvdb', value: '81189' },
      { scheme: 'tmdb', value: '1396' },
      { scheme: 'imdb', value: 'tt0903747' },
    ]);
  });

  it('refuses malformed pins, naming each one', () => {
    let error: unknown;
    try {
      parsePins(['isbn:9780441172710', 'tvdb:81189', 'asin:B000', 'imdb:0903747', 'olid']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation.failed');
    expect((error as AppError).details).toEqual({
      issues: [
        {
          path: 'pins.0',
          message: '"isbn:9780441172710" is not an ISBN-10 or ISBN-13 with a valid check digit',
        },
        {
          path: 'pins.2',
          message: '"asin:B000" is not a pin; use isbn:…, olid:…, gbid:…, tvdb:…, tmdb:…, imdb:…',
        },
        { path: 'pins.3', message: '"imdb:0903747" is not an IMDb id such as tt0903747' },
        {
          path: 'pins.4',
          message: '"olid" is not a pin; use isbn:…, olid:…, gbid:…, tvdb:…, tmdb:…, imdb:…',
        },
      ],
    });
  });

  it('accepts no pins at all', () => {
    expect(parsePins([])).toEqual([]);
  });
});
