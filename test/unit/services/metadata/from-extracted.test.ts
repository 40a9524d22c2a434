import { describe, expect, it } from 'vitest';
import type { BookMetadata, VideoMetadata } from '../../../../src/metadata/ports.js';
import {
  bookFieldsFromExtracted,
  tvFieldsFromVideo,
} from '../../../../src/services/metadata/from-extracted.js';

const BOOK: BookMetadata = {
  kind: 'book',
  format: 'epub',
  title: 'Le Château de Verre',
  titleSource: 'metadata',
  subtitle: null,
  creators: [
    { name: 'Émile Dupont', fileAs: 'Dupont, Émile', role: 'aut' },
    { name: 'Jane Roe', fileAs: null, role: 'trl' },
    { name: 'Anon', fileAs: null, role: null },
  ],
  publisher: 'Gallimard',
  language: 'fr',
  languageRaw: 'fr-FR',
  date: '2019-05-02',
  year: 2019,
  identifiers: [],
  isbn: '9782070612758',
  series: { name: 'Verre', index: 2 },
  description: null,
  subjects: [],
  pageCount: null,
  wordCount: 1000,
  hasCover: true,
  drm: false,
  encrypted: false,
  kf8: null,
  warnings: [],
};

describe('fields from extracted metadata', () => {
  it('keeps what the file says, authors only, and no empty values', () => {
    expect(bookFieldsFromExtracted(BOOK)).toEqual({
      file: {
        title: 'Le Château de Verre',
        authors: ['Émile Dupont', 'Anon'],
        publisher: 'Gallimard',
        date: '2019-05-02',
        year: 2019,
        language: 'fr',
        isbn: '9782070612758',
        series: 'Verre',
        seriesIndex: 2,
      },
      fileFallback: {},
    });
  });

  it('makes a title taken from the file name a fallback only', () => {
    const fields = bookFieldsFromExtracted({
      ...BOOK,
      title: 'chateau_v2',
      titleSource: 'file_name',
    });
    expect(fields.file.title).toBeUndefined();
    expect(fields.fileFallback).toEqual({ title: 'chateau_v2' });
  });

  it('takes a video runtime in whole minutes', () => {
    const video = { durationSeconds: 3481.5 } as VideoMetadata;
    expect(tvFieldsFromVideo(video)).toEqual({ runtimeMinutes: 58 });
    expect(tvFieldsFromVideo({ ...video, durationSeconds: null })).toEqual({});
  });
});
