import { describe, expect, it } from 'vitest';
import { diskStem, isDosZipName, zipDiskNames } from '../../../../src/core/zip/disk-names.js';

describe('zipDiskNames', () => {
  it('numbers the disks in order with two digits, inside 8.3', () => {
    expect(zipDiskNames('grpxyz', 3)).toEqual(['grpxyz01.zip', 'grpxyz02.zip', 'grpxyz03.zip']);
  });

  it('shortens the stem to make room for the counter, and widens it past 99 disks', () => {
    expect(zipDiskNames('longstemname', 2)).toEqual(['longst01.zip', 'longst02.zip']);
    const many = zipDiskNames('abcdefgh', 120);
    expect(many[0]).toBe('abcde001.zip');
    expect(many.at(-1)).toBe('abcde120.zip');
  });

  it('keeps only lower-case letters and digits, with a fallback stem', () => {
    expect(zipDiskNames('Grp X.Y-Z', 1)).toEqual(['grpxyz01.zip']);
    expect(zipDiskNames('...', 1)).toEqual(['disk01.zip']);
  });

  it('gives unique, valid 8.3 names', () => {
    const names = zipDiskNames('scene', 99);
    expect(new Set(names).size).toBe(99);
    expect(names.every(isDosZipName)).toBe(true);
  });

  it('refuses a count it cannot name', () => {
    expect(() => zipDiskNames('a', 0)).toThrow(
      expect.objectContaining({ code: 'validation.failed' }),
    );
    expect(() => zipDiskNames('a', 10_000_000)).toThrow(
      expect.objectContaining({ code: 'validation.failed' }),
    );
  });
});

describe('isDosZipName', () => {
  it.each([
    ['grpxyz01.zip', true],
    ['a.zip', true],
    ['GRP01.ZIP', true],
    ['grpxyz001.zip', false],
    ['grp 01.zip', false],
    ['grp.01.zip', false],
    ['grp01.rar', false],
    ['.zip', false],
  ])('%s → %s', (name, expected) => {
    expect(isDosZipName(name)).toBe(expected);
  });
});

describe('diskStem', () => {
  it('starts with the group and is six safe characters', () => {
    const stem = diskStem('PAPERCLiPS', 'EDGE.No.314.2018.HYBRiD.MAGAZiNE.eBook-PAPERCLiPS');
    expect(stem).toMatch(/^pap[a-z0-9]{3}$/);
  });

  it('is stable for a release and differs between releases', () => {
    const a = diskStem('GRP', 'Some.Book.2020.RETAiL.eBOOK-GRP');
    expect(diskStem('GRP', 'Some.Book.2020.RETAiL.eBOOK-GRP')).toBe(a);
    expect(diskStem('GRP', 'Other.Book.2020.RETAiL.eBOOK-GRP')).not.toBe(a);
  });
});
