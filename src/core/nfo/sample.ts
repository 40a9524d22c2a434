/**
 * Example release facts for template previews: what a user sees when rendering a template
 * without data of their own. Plausible values of every kind, so that every variable is filled.
 */
import type { ReleaseType } from '../../domain/enums.js';
import { ebookNfoVariables, tvNfoVariables, type NfoVariables } from './variables.js';

const RELEASE_DATE = '2026-01-15';

function ebookSample(type: 'EBOOK' | 'DOCS'): NfoVariables {
  return ebookNfoVariables({
    releaseName:
      type === 'EBOOK'
        ? 'Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP'
        : 'OReilly.Learning.Rust.2nd.Edition.2024.RETAiL.eBOOK-MYGRP',
    group: 'MYGRP',
    releaseDate: RELEASE_DATE,
    title: type === 'EBOOK' ? 'Le Château de Verre' : 'Learning Rust, 2nd Edition',
    author: type === 'EBOOK' ? 'Émile Dupont' : 'Jane Doe',
    publisher: type === 'EBOOK' ? 'Éditions Exemple' : "O'Reilly Media",
    year: type === 'EBOOK' ? 2019 : 2024,
    language: type === 'EBOOK' ? 'fr' : 'en',
    source: 'RETAiL',
    format: type === 'EBOOK' ? 'epub' : 'pdf',
    kind: type === 'EBOOK' ? 'Fiction' : 'Technical',
    isbn: type === 'EBOOK' ? '9782070123456' : '9781098100000',
    url: 'https://www.example.org/book',
    payload: {
      fileName: type === 'EBOOK' ? 'chateau.epub' : 'learning-rust.pdf',
      bytes: 7_340_032,
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
      sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    },
    disks: { count: 2, volumeBytes: 5_000_000 },
  });
}

function tvSample(): NfoVariables {
  return tvNfoVariables({
    releaseName: 'Show.Name.S01E02.1080p.WEB.H264-MYGRP',
    group: 'MYGRP',
    releaseDate: RELEASE_DATE,
    show: 'Show Name',
    season: 1,
    episode: 2,
    episodeTitle: 'The Second One',
    airDate: '2026-01-14',
    url: 'https://www.example.org/show',
    runtimeSeconds: 2_712,
    video: { codec: 'H.264', width: 1920, height: 1080, fps: 23.976, bitrateKbps: 5_800 },
    audio: [{ codec: 'E-AC-3', channels: 6, language: 'en', bitrateKbps: 640 }],
    subtitles: ['English', 'French'],
    totalBytes: 2_147_483_648,
    volumes: { count: 43, volumeBytes: 50_000_000 },
  });
}

/** Template variables of an example release of this type. */
export function sampleNfoVariables(type: ReleaseType): NfoVariables {
  return type === 'TV' ? tvSample() : ebookSample(type);
}
