/** Fixed requests the plan tests use, and the golden-file helper (UPDATE_GOLDEN=1 rewrites). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { EbookPlanRequest, ReleasePlan, TvPlanRequest } from '../../../../src/core/plan.js';
import { getProfile, type EbookProfile, type TvProfile } from '../../../../src/core/rules/index.js';

export const EBOOK_PROFILE = getProfile('ebook-2022') as EbookProfile;
const TV_PROFILE = getProfile('tv-web-2020') as TvProfile;

export const EPUB_REQUEST: EbookPlanRequest = {
  type: 'EBOOK',
  profile: EBOOK_PROFILE,
  group: 'MYGRP',
  releaseDate: '2024-03-05',
  payload: {
    fileName: 'Le Chateau-retail.epub',
    bytes: 12_345_678,
    format: 'EPUB',
    extension: 'epub',
  },
  book: {
    title: 'Le Château de Verre',
    author: 'Émile Dupont',
    publisher: 'Gallimard',
    year: 2019,
    publishDate: '2019-05-02',
    language: 'fr',
    source: 'RETAIL',
    isbn: '9782070368228',
    url: 'https://www.example-bookshop.fr/le-chateau-de-verre',
  },
};

export const TV_REQUEST: TvPlanRequest = {
  type: 'TV',
  profile: TV_PROFILE,
  group: 'GRP',
  releaseDate: '2024-03-05',
  payload: { fileName: 'show.s01e02.mkv', bytes: 2 * 1024 ** 3, format: 'MKV', extension: 'mkv' },
  episode: {
    show: 'Show Name',
    episode: { kind: 'episode', season: 1, episodes: [2], suffix: null },
    episodeTitle: 'The Beginning',
  },
  video: {
    width: 1920,
    height: 1080,
    videoCodec: 'AVC',
    writingLibrary: null,
    fps: 23.976,
    durationSeconds: 2530,
    bitrateKbps: 6200,
    audio: [{ codec: 'E-AC-3', channels: 6, language: 'en', bitrateKbps: 640 }],
    subtitles: ['English'],
  },
  sample: true,
};

const FIXTURES = fileURLToPath(new URL('../../../fixtures/packaging/', import.meta.url));

/** Compares bytes (or text) with a golden file under test/fixtures/packaging. */
export function expectGolden(relativePath: string, content: Uint8Array | string): void {
  const path = FIXTURES + relativePath;
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.CI === 'true') {
      throw new Error(`golden file ${relativePath} is missing`);
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  expect(bytes.equals(readFileSync(path)), `${relativePath} differs from its golden file`).toBe(
    true,
  );
}

/** The plan as a golden JSON document: texts as text, bytes as lengths. */
export function planSummary(plan: ReleasePlan): string {
  return `${JSON.stringify(
    plan,
    (key, value: unknown) =>
      key === 'bytes' && typeof value === 'object' ? byteLength(value) : value,
    2,
  )}\n`;
}

/** Buffers reach a replacer already turned into `{ type: 'Buffer', data }` by their toJSON. */
function byteLength(value: unknown): number {
  if (value instanceof Uint8Array) {
    return value.length;
  }
  return (value as { data: unknown[] }).data.length;
}
