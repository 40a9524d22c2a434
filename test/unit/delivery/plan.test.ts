import { describe, expect, it } from 'vitest';
import {
  checkRelease,
  foldersOf,
  orderForUpload,
  volumeIndex,
} from '../../../src/delivery/plan.js';
import type { LocalFile } from '../../../src/delivery/ports.js';

const files = (...paths: string[]): LocalFile[] => paths.map((path) => ({ path, size: 1 }));
const order = (...paths: string[]): string[] =>
  orderForUpload(files(...paths)).map((file) => file.path);

describe('orderForUpload', () => {
  it('puts the SFV first, the NFO second, then the RAR set in sequence, then Sample and Proof', () => {
    expect(
      order(
        'Proof/grp-show.proof.jpg',
        'grp-show.r01',
        'Sample/grp-show.sample.mkv',
        'grp-show.r00',
        'grp-show.nfo',
        'grp-show.rar',
        'grp-show.sfv',
        'grp-show.r10',
        'grp-show.r02',
      ),
    ).toEqual([
      'grp-show.sfv',
      'grp-show.nfo',
      'grp-show.rar',
      'grp-show.r00',
      'grp-show.r01',
      'grp-show.r02',
      'grp-show.r10',
      'Sample/grp-show.sample.mkv',
      'Proof/grp-show.proof.jpg',
    ]);
  });

  it('continues past .r99 with .s00 and orders .partNN.rar numerically', () => {
    expect(order('a.s00', 'a.r99', 'a.rar', 'a.s01')).toEqual(['a.rar', 'a.r99', 'a.s00', 'a.s01']);
    expect(order('b.part10.rar', 'b.part2.rar', 'b.part1.rar')).toEqual([
      'b.part1.rar',
      'b.part2.rar',
      'b.part10.rar',
    ]);
  });

  it('orders ZIP disks by number, the NFO before them, other files after', () => {
    expect(order('grpx10.zip', 'file_id.diz', 'grpx02.zip', 'grp.nfo', 'grpx01.zip')).toEqual([
      'grp.nfo',
      'grpx01.zip',
      'grpx02.zip',
      'grpx10.zip',
      'file_id.diz',
    ]);
  });

  it('keeps Sample/ and Proof/ whatever their case, and applies the order inside folders', () => {
    expect(order('proof/p.jpg', 'SAMPLE/s.mkv', 'Subs/subs.rar', 'Subs/subs.sfv', 'x.sfv')).toEqual(
      ['x.sfv', 'SAMPLE/s.mkv', 'proof/p.jpg', 'Subs/subs.sfv', 'Subs/subs.rar'],
    );
  });

  it('does not change its input', () => {
    const input = files('b.rar', 'a.sfv');
    orderForUpload(input);
    expect(input.map((file) => file.path)).toEqual(['b.rar', 'a.sfv']);
  });
});

describe('volumeIndex', () => {
  it.each([
    ['x.rar', -1],
    ['x.r00', 0],
    ['x.r42', 42],
    ['x.s03', 103],
    ['x.part07.rar', 7],
    ['x.001', 1],
    ['x.z02', 2],
    ['grpab03.zip', 3],
  ])('%s → %i', (name, index) => {
    expect(volumeIndex(name)).toBe(index);
  });
});

describe('foldersOf', () => {
  it('lists parents before children', () => {
    expect(foldersOf(files('a.rar', 'Sample/s.mkv', 'Subs/Eng/e.rar', 'Proof/p.jpg'))).toEqual([
      'Proof',
      'Sample',
      'Subs',
      'Subs/Eng',
    ]);
  });
});

describe('checkRelease', () => {
  const tv = files('grp.sfv', 'grp.nfo', 'grp.rar', 'grp.r00', 'Sample/s.mkv');
  it('accepts a RAR release with an SFV and a ZIP release with an NFO', () => {
    expect(checkRelease('Show.S01E01.720p.HDTV.x264-GRP', tv)).toEqual({ kind: 'release' });
    expect(checkRelease('Some.Book.2024.RETAIL.EPUB.eBook-GRP', files('g.nfo', 'g1.zip'))).toEqual({
      kind: 'release',
    });
  });

  it.each([
    ['has spaces-GRP', tv, 'bad_name'],
    ['NoGroup', tv, 'bad_name'],
    ['Show.S01E01-GRP', [], 'empty'],
    ['Show.S01E01-GRP', files('grp.nfo', 'readme.txt'), 'no_archives'],
    ['Show.S01E01-GRP', files('a.sfv', 'b.sfv', 'grp.rar'), 'several_sfv'],
    ['Show.S01E01-GRP', files('grp.nfo', 'grp.rar', 'grp.r00'), 'no_sfv'],
    ['Book-GRP', files('g1.zip', 'g2.zip'), 'no_nfo'],
  ])('refuses case %# (%s)', (name, listing, reason) => {
    const result = checkRelease(name, listing);
    expect(result).toMatchObject({ kind: 'not_a_release', reason });
  });
});
