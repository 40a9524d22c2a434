import { describe, expect, it } from 'vitest';
import {
  formatChannels,
  formatFps,
  formatMegabytes,
  formatRuntime,
} from '../../../../src/core/nfo/format.js';
import {
  ebookNfoVariables,
  formatVolumes,
  tvNfoVariables,
} from '../../../../src/core/nfo/index.js';
import { EBOOK_FACTS, TV_FACTS } from './sample-facts.js';

describe('NFO number formats', () => {
  it.each([
    [6, '5.1'],
    [2, '2.0'],
    [1, '1.0'],
    [8, '7.1'],
    [7, '6.1'],
  ])('%i channels read %s', (channels, expected) => {
    expect(formatChannels(channels)).toBe(expected);
  });

  it.each([
    [1, 50_000_000, '1 x 50 MB'],
    [37, 50_000_000, '37 x 50 MB'],
    [20, 15_000_000, '20 x 15 MB'],
    [3, 5_000_000, '3 x 5 MB'],
    [6, 250_000_000, '6 x 250 MB'],
  ])('%i volumes of %i bytes read %s', (count, size, expected) => {
    expect(formatVolumes(count, size)).toBe(expected);
  });

  it('formats runtime, frame rate and sizes', () => {
    expect(formatRuntime(2530.4)).toBe('00:42:10');
    expect(formatRuntime(3 * 3600 + 5)).toBe('03:00:05');
    expect(formatFps(25)).toBe('25 fps');
    expect(formatFps(29.97002997)).toBe('29.97 fps');
    expect(formatMegabytes(1_834_567_890)).toBe('1834.57 MB');
  });
});

describe('template variables', () => {
  it('offers the documented eBOOK variables', () => {
    const variables = ebookNfoVariables(EBOOK_FACTS);
    for (const name of [
      'title',
      'author',
      'publisher',
      'year',
      'language',
      'isbn',
      'format',
      'release_name',
      'group',
      'url',
      'size',
      'md5',
      'sha1',
      'release_date',
      'source',
      'disks',
    ]) {
      expect(variables).toHaveProperty(name);
    }
    expect(variables).toMatchObject({
      language: 'French',
      format: 'EPUB',
      disks: '3 x 5 MB',
      disk_count: 3,
      size: '2.35 MB',
      sha1: '',
    });
  });

  it('writes English for a missing language and keeps an unknown one as given', () => {
    expect(ebookNfoVariables({ ...EBOOK_FACTS, language: null }).language).toBe('English');
    expect(ebookNfoVariables({ ...EBOOK_FACTS, language: 'Klingon' }).language).toBe('Klingon');
  });

  it('offers the TV variables', () => {
    const variables = tvNfoVariables({ ...TV_FACTS, subtitles: [] });
    expect(variables).toMatchObject({
      episode_label: 'S01E02 - The Beginning',
      audio_codec: 'E-AC-3',
      audio_channels: '5.1',
      subtitles: 'None',
      disks: '37 x 50 MB',
      volume_count: 37,
      resolution: '1920x1080',
    });
  });
});
