import { describe, expect, it } from 'vitest';
import {
  dosDiskNames,
  ebookReleaseFiles,
  isDos83,
  rarVolumeNames,
  tvFileStem,
  tvReleaseFiles,
} from '../../../../src/core/release-name/index.js';
import { getProfile, type EbookProfile, type TvProfile } from '../../../../src/core/rules/index.js';

const web = getProfile('tv-web-2020') as TvProfile;
const ebook = getProfile('ebook-2022') as EbookProfile;

describe('TV file names', () => {
  it('uses the lowercased release name, which carries the group tag', () => {
    const files = tvReleaseFiles('Show.Name.S01E02.1080p.WEB.H264-GRP', web, 3);
    expect(files).toEqual({
      nfo: 'show.name.s01e02.1080p.web.h264-grp.nfo',
      sfv: 'show.name.s01e02.1080p.web.h264-grp.sfv',
      rarVolumes: [
        'show.name.s01e02.1080p.web.h264-grp.rar',
        'show.name.s01e02.1080p.web.h264-grp.r00',
        'show.name.s01e02.1080p.web.h264-grp.r01',
      ],
      sampleDir: 'Sample',
      sample: 'show.name.s01e02.1080p.web.h264-grp.sample.mkv',
    });
  });

  it('makes the short group-prefixed stem when a profile asks for it', () => {
    const profile = {
      ...web,
      files: { ...web.files, names: { ...web.files.names, stemStyle: 'group-prefix' as const } },
    };
    expect(tvFileStem('Show.Name.S01E02.PROPER.720p.WEB.H264-GRP', profile)).toBe(
      'grp-show.name.s01e02.proper.720p',
    );
    expect(tvFileStem('The.Office.US.Part3.WEB.H264-Grp_1', profile)).toBe(
      'grp_1-the.office.us.part3',
    );
  });

  it('names 101 volumes .rar then .r00 to .r99', () => {
    const names = rarVolumeNames('x', 101);
    expect(names[0]).toBe('x.rar');
    expect(names[1]).toBe('x.r00');
    expect(names[100]).toBe('x.r99');
    expect(new Set(names).size).toBe(101);
    expect(rarVolumeNames('x', 102)[101]).toBe('x.s00');
  });
});

describe('eBOOK file names', () => {
  const name = 'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP';

  it('gives 8.3 disk names that are unique and sort in disk order', () => {
    const disks = dosDiskNames(name, 99);
    expect(disks[0]).toBe('mygedl01.zip');
    expect(disks[98]).toBe('mygedl99.zip');
    expect(disks.every(isDos83)).toBe(true);
    expect([...disks].sort()).toEqual(disks);
    expect(new Set(disks).size).toBe(99);
  });

  it('pads short names so the prefix is always six characters', () => {
    expect(dosDiskNames('A.2019.RETAiL.eBOOK-AB', 1)).toEqual(['aba20101.zip']);
    expect(dosDiskNames('A.RETAiL.eBOOK-AB', 1)).toEqual(['abaxxx01.zip']);
  });

  it('lists the NFO, the DIZ, disks and inner RAR volumes', () => {
    const files = ebookReleaseFiles(name, ebook, 2);
    expect(files.nfo).toBe(`${name.toLowerCase()}.nfo`);
    expect(files.diz).toBe('FILE_ID.DIZ');
    expect(files.disks).toEqual(['mygedl01.zip', 'mygedl02.zip']);
    expect(files.rarVolumes).toEqual([`${name.toLowerCase()}.rar`, `${name.toLowerCase()}.r00`]);
  });

  it('keeps the inner RAR name within 140 characters', () => {
    const long = `${'Word.'.repeat(45)}2019.RETAiL.eBOOK-GRP`;
    const files = ebookReleaseFiles(long, ebook, 2);
    for (const volume of files.rarVolumes) {
      expect(volume.length).toBeLessThanOrEqual(140);
      expect(volume).not.toMatch(/ |\.\./);
    }
  });

  it.each([
    ['mygedl01.zip', true],
    ['a.zip', true],
    ['toolongname.zip', false],
    ['my grp.zip', false],
    ['a.b.zip', false],
    ['name.zipx', false],
  ])('isDos83(%s) is %s', (fileName, expected) => {
    expect(isDos83(fileName)).toBe(expected);
  });
});
