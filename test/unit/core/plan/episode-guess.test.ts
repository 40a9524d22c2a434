import { describe, expect, it } from 'vitest';
import { guessEpisode, parseEpisodeFlag } from '../../../../src/core/plan/episode-guess.js';

describe('guessEpisode', () => {
  it.each([
    [
      'Show.Name.S01E02.The.Beginning.1080p.WEB.H264-GRP',
      {
        show: 'Show Name',
        episode: { kind: 'episode', season: 1, episodes: [2], suffix: null },
        episodeTitle: 'The Beginning',
      },
    ],
    [
      'show name s01e02 720p',
      { show: 'show name', episode: { kind: 'episode', season: 1, episodes: [2], suffix: null } },
    ],
    [
      'Show_Name_S02E03-E04',
      {
        show: 'Show Name',
        episode: { kind: 'episode', season: 2, episodes: [3, 4], suffix: null },
      },
    ],
    [
      'The Show - 1x05 - Title',
      { show: 'The Show', episode: { kind: 'episode', season: 1, episodes: [5], suffix: null } },
    ],
    [
      'Late Show 2024.01.31 Guest',
      { show: 'Late Show', episode: { kind: 'daily', date: '2024-01-31' } },
    ],
    [
      'Band of Brothers Part 3',
      { show: 'Band of Brothers', episode: { kind: 'miniseries', part: 3 } },
    ],
    [
      'Show Name S01E02',
      { show: 'Show Name', episode: { kind: 'episode', season: 1, episodes: [2], suffix: null } },
    ],
  ])('%s', (text, expected) => {
    expect(guessEpisode(text)).toMatchObject(expected);
  });

  it.each(['holiday-video', 'S01E02', 'movie.2019.1080p'])('finds nothing in %s', (text) => {
    expect(guessEpisode(text)).toBeNull();
  });
});

describe('parseEpisodeFlag', () => {
  it.each([
    ['S01E02', { kind: 'episode', season: 1, episodes: [2], suffix: null }],
    ['s1e2', { kind: 'episode', season: 1, episodes: [2], suffix: null }],
    ['1x02', { kind: 'episode', season: 1, episodes: [2], suffix: null }],
    ['E05', { kind: 'episode', season: null, episodes: [5], suffix: null }],
    ['2024-01-31', { kind: 'daily', date: '2024-01-31' }],
    ['Part 2', { kind: 'miniseries', part: 2 }],
  ])('%s', (text, expected) => {
    expect(parseEpisodeFlag(text)).toEqual(expected);
  });

  it('answers null for what is no episode', () => {
    expect(parseEpisodeFlag('pilot')).toBeNull();
  });
});
