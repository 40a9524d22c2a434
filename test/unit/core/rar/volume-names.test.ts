import { describe, expect, it } from 'vitest';
import {
  MAX_OLD_STYLE_VOLUMES,
  nextVolumeName,
  volumeName,
} from '../../../../src/core/rar/volume-names.js';

describe('volumeName (old style)', () => {
  it('names the first volume .rar, then .r00 … .r99, then .s00', () => {
    expect(volumeName('grp-show', 0)).toBe('grp-show.rar');
    expect(volumeName('grp-show', 1)).toBe('grp-show.r00');
    expect(volumeName('grp-show', 100)).toBe('grp-show.r99');
    expect(volumeName('grp-show', 101)).toBe('grp-show.s00');
    expect(volumeName('grp-show', 900)).toBe('grp-show.z99');
  });

  it('allows 901 volumes (.rar, then r00 to z99) and no more', () => {
    expect(MAX_OLD_STYLE_VOLUMES).toBe(901);
    expect(() => volumeName('x', 901)).toThrow(/too many volumes/i);
  });
});

describe('nextVolumeName', () => {
  it('follows old-style names, keeping the case', () => {
    expect(nextVolumeName('a.rar', false)).toBe('a.r00');
    expect(nextVolumeName('A.RAR', false)).toBe('A.R00');
    expect(nextVolumeName('a.r09', false)).toBe('a.r10');
    expect(nextVolumeName('a.r99', false)).toBe('a.s00');
    expect(nextVolumeName('a.z99', false)).toBeUndefined();
  });

  it('follows new-style names, keeping the width and carrying into a new digit', () => {
    expect(nextVolumeName('a.part1.rar', true)).toBe('a.part2.rar');
    expect(nextVolumeName('a.part09.rar', true)).toBe('a.part10.rar');
    expect(nextVolumeName('a.part9.rar', true)).toBe('a.part10.rar');
    expect(nextVolumeName('a.part099.rar', true)).toBe('a.part100.rar');
  });

  it('agrees with volumeName over a whole old-style set', () => {
    let name = volumeName('b', 0);
    for (let index = 1; index < MAX_OLD_STYLE_VOLUMES; index += 1) {
      name = nextVolumeName(name, false) ?? '';
      expect(name).toBe(volumeName('b', index));
    }
  });
});
