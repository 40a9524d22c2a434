import { describe, expect, it } from 'vitest';
import { checkVolumeSize, chooseVolumeSize, getProfile } from '../../../../src/core/rules/index.js';
import { isAppError } from '../../../../src/shared/errors.js';

const MB = 1_000_000;
const web = getProfile('tv-web-2020');
const hdtv = getProfile('tv-720p-hdtv-2016');
const sd = getProfile('tv-sd-2016');
const ebook = getProfile('ebook-2022');

describe('chooseVolumeSize', () => {
  it.each([
    // [profile, total bytes, expected size, expected count]
    [hdtv, 1, 50 * MB, 1],
    [hdtv, 600 * MB, 50 * MB, 12],
    [hdtv, 101 * 50 * MB, 50 * MB, 101],
    [hdtv, 101 * 50 * MB + 1, 100 * MB, 51],
    [hdtv, 30_000 * MB, 300 * MB, 100],
    [web, 300 * MB, 50 * MB, 6],
    [web, 2_500 * MB, 50 * MB, 50],
    [sd, 0, 15 * MB, 1],
    [sd, 101 * 15 * MB, 15 * MB, 101],
    [sd, 101 * 15 * MB + 1, 20 * MB, 76],
    [ebook, 3 * MB, 5 * MB, 1],
    [ebook, 30 * MB, 5 * MB, 6],
    [ebook, 50 * MB, 10 * MB, 5],
    [ebook, 60 * MB, 10 * MB, 6],
    [ebook, 300 * MB, 50 * MB, 6],
    [ebook, 2_400 * MB, 250 * MB, 10],
    [ebook, 99 * 250 * MB, 250 * MB, 99],
  ])('%# picks the size the rules allow', (profile, total, size, count) => {
    expect(chooseVolumeSize(profile, total)).toEqual({ volumeSize: size, volumeCount: count });
  });

  it('lets SD WEB releases use 15,000,000 and 20,000,000 bytes, HD ones not', () => {
    const asSd = { standardDefinition: true };
    expect(chooseVolumeSize(web, 300 * MB, asSd)).toEqual({ volumeSize: 15 * MB, volumeCount: 20 });
    expect(chooseVolumeSize(web, 1_600 * MB, asSd)).toEqual({
      volumeSize: 20 * MB,
      volumeCount: 80,
    });
    expect(chooseVolumeSize(web, 2_500 * MB, asSd)).toEqual({
      volumeSize: 50 * MB,
      volumeCount: 50,
    });
    expect(checkVolumeSize(web, 15 * MB, 100 * MB)).toMatchObject({ ok: false });
    expect(checkVolumeSize(web, 15 * MB, 100 * MB, asSd)).toEqual({ ok: true });
  });

  it('always returns a size the checker accepts', () => {
    for (const profile of [web, hdtv, sd, ebook]) {
      for (const total of [1, 7 * MB, 499 * MB, 501 * MB, 4_321 * MB, 9_999 * MB]) {
        const { volumeSize } = chooseVolumeSize(profile, total);
        expect(checkVolumeSize(profile, volumeSize, total)).toEqual({ ok: true });
      }
    }
  });

  it('refuses a payload that needs more than the maximum volume count', () => {
    try {
      chooseVolumeSize(ebook, 99 * 250 * MB + 1);
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('release.too_many_volumes');
    }
  });

  it('refuses a negative or fractional size as a programming error', () => {
    expect(() => chooseVolumeSize(web, -1)).toThrow(RangeError);
    expect(() => chooseVolumeSize(web, 1.5)).toThrow(RangeError);
  });
});

describe('checkVolumeSize', () => {
  it('accepts n x 50,000,000 only when the smaller step gives at least 10 volumes', () => {
    expect(checkVolumeSize(hdtv, 100 * MB, 600 * MB)).toEqual({ ok: true });
    expect(checkVolumeSize(hdtv, 100 * MB, 450 * MB)).toMatchObject({ ok: false });
    expect(checkVolumeSize(hdtv, 150 * MB, 500 * MB)).toMatchObject({ ok: false });
  });

  it('refuses sizes outside the allowed lists', () => {
    expect(checkVolumeSize(hdtv, 15 * MB, 100 * MB)).toMatchObject({ ok: false });
    expect(checkVolumeSize(sd, 15 * MB, 100 * MB)).toEqual({ ok: true });
    expect(checkVolumeSize(ebook, 15 * MB, 100 * MB)).toMatchObject({ ok: false });
    expect(checkVolumeSize(ebook, 250 * MB, 1 * MB)).toEqual({ ok: true });
    expect(checkVolumeSize(web, 60 * MB, 1_000 * MB)).toMatchObject({ ok: false });
  });

  it('refuses a size that needs more volumes than the profile allows', () => {
    const result = checkVolumeSize(hdtv, 50 * MB, 102 * 50 * MB);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toMatch(/102 volumes/);
  });
});
