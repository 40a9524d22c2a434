/** Fixed facts the NFO and DIZ tests render (and the golden files pin). */
import type { EbookNfoFacts, TvNfoFacts } from '../../../../src/core/nfo/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const EBOOK_FACTS: EbookNfoFacts = {
  releaseName: 'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP',
  group: 'MYGRP',
  releaseDate: '2024-03-05',
  title: 'Le Château de Verre',
  author: 'Émile Dupont',
  publisher: 'Éditions Gallimard',
  year: 2019,
  publishDate: '2019-05-02',
  language: 'fr',
  source: 'RETAiL',
  format: 'EPUB',
  kind: 'Fiction',
  isbn: '9782070123456',
  url: 'https://www.example-bookshop.fr/livres/le-chateau-de-verre-emile-dupont-9782070123456.html',
  genre: 'Novel',
  payload: {
    fileName: 'le-chateau-de-verre.epub',
    bytes: 2_345_678,
    md5: 'd41d8cd98f00b204e9800998ecf8427e',
  },
  disks: { count: 3, volumeBytes: 5_000_000 },
  notes: 'Retail EPUB, untouched apart from the removal of the retailer watermark.',
};

export const DOCS_FACTS: EbookNfoFacts = {
  releaseName: 'ACME.Corp.Installation.Guide.v2.2023.HYBRiD.iNTERNAL.DOCX.eBOOK-DOCGRP',
  group: 'DOCGRP',
  releaseDate: '2024-03-05',
  title: 'Installation Guide',
  publisher: 'ACME Corp',
  edition: 'v2',
  year: 2023,
  language: 'en',
  source: 'HYBRiD',
  format: 'DOCX',
  nonScene: true,
  payload: { bytes: 734_003 },
  disks: { count: 1, volumeBytes: 5_000_000 },
};

export const TV_FACTS: TvNfoFacts = {
  releaseName: 'Show.Name.S01E02.The.Beginning.1080p.WEB.H264-GRP',
  group: 'GRP',
  releaseDate: '2024-03-05',
  show: 'Show Name',
  season: 1,
  episode: 2,
  episodeTitle: 'The Beginning',
  airDate: '2024-03-04',
  network: 'Example TV',
  genre: 'Drama',
  url: 'https://www.tvmaze.com/shows/1/show-name',
  plot: 'A long plot that goes on about the characters and what happens to them in this episode, long enough to wrap over two lines of the box.',
  runtimeSeconds: 2530.4,
  video: {
    codec: 'H.264 (AVC)',
    width: 1920,
    height: 1080,
    fps: 23.976023,
    bitrateKbps: 5800,
    aspectRatio: '16:9',
  },
  audio: [
    { codec: 'E-AC-3', channels: 6, language: 'en', bitrateKbps: 640 },
    { codec: 'AAC', channels: 2, language: 'fra' },
  ],
  subtitles: ['English', 'French'],
  totalBytes: 1_834_567_890,
  volumes: { count: 37, volumeBytes: 50_000_000 },
};

/**
 * Compares bytes with a golden file under test/fixtures. UPDATE_GOLDEN=1 rewrites the file
 * instead; review the diff before committing it.
 */
export function expectGolden(relativePath: string, bytes: Buffer): void {
  const path = fileURLToPath(new URL(`../../../fixtures/${relativePath}`, import.meta.url));
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(path, bytes);
  }
  const golden = readFileSync(path);
  expect(bytes.toString('hex')).toBe(golden.toString('hex'));
}
