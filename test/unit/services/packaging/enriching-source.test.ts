import { describe, expect, it } from 'vitest';
import type { BookFacts, EpisodeFacts, VideoFacts } from '../../../../src/core/plan.js';
import type { ProviderStatus } from '../../../../src/services/metadata/types.js';
import {
  EnrichingMetadataSource,
  localFields,
  type EnrichOutcome,
  type FactsEnricher,
  type InputFile,
  type MetadataSource,
  type PackFlags,
  type ReleaseFacts,
} from '../../../../src/services/packaging/index.js';

const INPUT: InputFile = {
  path: '/in/dune.epub',
  name: 'dune.epub',
  info: { kind: 'file', size: 1000, mtime: new Date(0) },
};
const PAYLOAD = { fileName: 'dune.epub', bytes: 1000, format: 'EPUB', extension: 'epub' };

const BOOK: BookFacts = {
  title: 'Dune',
  author: 'Frank Herbert',
  publisher: null,
  year: null,
  publishDate: null,
  language: 'en',
  source: 'RETAIL',
  isbn: '978-0-441-17271-9',
};

const EPISODE: EpisodeFacts = {
  show: 'Breaking Bad',
  episode: { kind: 'episode', season: 1, episodes: [2], suffix: null },
  episodeTitle: null,
  year: null,
};
const VIDEO = { width: 1920, height: 1080 } as VideoFacts;

/** The local source's answer, fixed: flags are already folded in as the real one does. */
class FixedMetadataSource implements MetadataSource {
  constructor(private readonly facts: ReleaseFacts) {}
  describe(): Promise<ReleaseFacts> {
    return Promise.resolve(structuredClone(this.facts));
  }
}

function status(
  provider: ProviderStatus['provider'],
  outcome: ProviderStatus['outcome'],
  reason: string | null = null,
): ProviderStatus {
  return { provider, lookup: 'isbn', outcome, reason, durationMs: 1, fromCache: false };
}

const DUNE_ANSWER: EnrichOutcome = {
  type: 'EBOOK',
  fields: { title: 'Dune', publisher: 'Ace', year: 1990, date: '1990', isbn: '9780441172719' },
  provenance: {
    title: { value: 'Dune', source: 'file', agreeing: ['openlibrary'], rejected: [] },
    publisher: { value: 'Ace', source: 'openlibrary', agreeing: [], rejected: [] },
    year: { value: 1990, source: 'openlibrary', agreeing: [], rejected: [] },
    date: { value: '1990', source: 'openlibrary', agreeing: [], rejected: [] },
    isbn: { value: '9780441172719', source: 'openlibrary', agreeing: [], rejected: [] },
  },
  providers: [
    status('openlibrary', 'found'),
    status('googlebooks', 'not_found', 'no volume with this ISBN'),
    status('googlebooks', 'unavailable', 'connection refused'),
  ],
  sources: ['openlibrary'],
};

const BOOK_FLAGS: PackFlags = { type: 'EBOOK', group: 'SCNPKR' };

interface Asked {
  type: string;
  facts: ReleaseFacts;
  signal: AbortSignal | undefined;
}

function answering(outcome: EnrichOutcome | undefined): { enrich: FactsEnricher; asked: Asked[] } {
  const asked: Asked[] = [];
  const enrich: FactsEnricher = (type, facts, signal) => {
    asked.push({ type, facts, signal });
    return Promise.resolve(outcome);
  };
  return { enrich, asked };
}

function bookSource(enrich: FactsEnricher, book: BookFacts = BOOK): EnrichingMetadataSource {
  return new EnrichingMetadataSource(
    new FixedMetadataSource({ payload: PAYLOAD, book, warnings: ['from the name'] }),
    enrich,
  );
}

describe('EnrichingMetadataSource', () => {
  it('fills the fields the file lacks from the providers and notes which provider gave what', async () => {
    const { enrich, asked } = answering(DUNE_ANSWER);
    const facts = await bookSource(enrich).describe(INPUT, BOOK_FLAGS);
    expect(asked.map((a) => [a.type, a.facts.book?.title])).toEqual([['EBOOK', 'Dune']]);
    expect(facts.book).toMatchObject({
      title: 'Dune',
      author: 'Frank Herbert',
      publisher: 'Ace',
      year: '1990',
      publishDate: '1990',
      isbn: '9780441172719',
      language: 'en',
    });
    expect(facts.warnings).toEqual([
      'from the name',
      'openlibrary: used for publisher, year, publication date, ISBN',
      'googlebooks: unavailable — connection refused',
    ]);
  });

  it('keeps every value the user gave as a flag, whatever the providers say', async () => {
    const flagged: BookFacts = { ...BOOK, publisher: 'Chilton', year: '1965', isbn: '0441172717' };
    const { enrich } = answering(DUNE_ANSWER);
    const facts = await bookSource(enrich, flagged).describe(INPUT, {
      ...BOOK_FLAGS,
      publisher: 'Chilton',
      year: 1965,
      isbn: '0441172717',
    });
    expect(facts.book).toMatchObject({
      publisher: 'Chilton',
      year: '1965',
      publishDate: null,
      isbn: '0441172717',
    });
    expect(facts.warnings).toContain(
      'openlibrary: found the release, nothing new (the flags or the file already say it)',
    );
  });

  it('gives a TV episode its canonical show and episode title, unless --show says otherwise', async () => {
    const answer: EnrichOutcome = {
      type: 'TV',
      fields: { seriesTitle: 'Breaking Bad', episodeTitle: 'Cat’s in the Bag...', year: 2008 },
      provenance: {
        seriesTitle: { value: 'Breaking Bad', source: 'tvdb', agreeing: ['file'], rejected: [] },
        episodeTitle: { value: 'Cat’s in the Bag...', source: 'tvdb', agreeing: [], rejected: [] },
        year: { value: 2008, source: 'tvdb', agreeing: [], rejected: [] },
      },
      providers: [status('tvdb', 'found'), status('tmdb', 'skipped', 'no API key is configured')],
      sources: ['tvdb'],
    };
    const local = { payload: PAYLOAD, episode: EPISODE, video: VIDEO, warnings: [] };
    const shown = { ...local, episode: { ...EPISODE, show: 'breaking bad' } };
    const { enrich, asked } = answering(answer);
    const tvFlags: PackFlags = { type: 'TV', group: 'SCNPKR' };
    const facts = await new EnrichingMetadataSource(
      new FixedMetadataSource(shown),
      enrich,
    ).describe(INPUT, tvFlags);
    expect(localFields(asked[0]!.facts)).toEqual({
      seriesTitle: 'breaking bad',
      season: 1,
      episode: 2,
    });
    expect(facts.episode).toMatchObject({
      show: 'Breaking Bad',
      episodeTitle: 'Cat’s in the Bag...',
      year: null,
    });
    expect(facts.warnings).toEqual([
      'tvdb: used for show title, episode title',
      'tmdb: skipped — no API key is configured',
    ]);
    const flagged = await new EnrichingMetadataSource(
      new FixedMetadataSource(shown),
      enrich,
    ).describe(INPUT, { ...tvFlags, show: 'breaking bad' });
    expect(flagged.episode?.show).toBe('breaking bad');
  });

  it('packs the local facts with a note when the enrichment throws', async () => {
    const enrich: FactsEnricher = () => Promise.reject(new Error('getaddrinfo ENOTFOUND db'));
    const facts = await bookSource(enrich).describe(INPUT, BOOK_FLAGS);
    expect(facts.book).toEqual(BOOK);
    expect(facts.warnings).toEqual([
      'from the name',
      'metadata enrichment failed (getaddrinfo ENOTFOUND db); packed from the flags and the file',
    ]);
  });

  it('changes nothing and says nothing when enrichment is not set up', async () => {
    const { enrich } = answering(undefined);
    const facts = await bookSource(enrich).describe(INPUT, BOOK_FLAGS);
    expect(facts).toEqual({ payload: PAYLOAD, book: BOOK, warnings: ['from the name'] });
  });

  it('lets the caller’s abort through instead of turning it into a note', async () => {
    const controller = new AbortController();
    const asked: AbortSignal[] = [];
    const enrich: FactsEnricher = (_type, _facts, signal) =>
      new Promise((_resolve, reject) => {
        asked.push(signal!);
        signal?.addEventListener('abort', () => {
          reject(signal.reason as Error);
        });
        controller.abort(new Error('Interrupted (Ctrl-C)'));
      });
    const pending = bookSource(enrich).describe(INPUT, BOOK_FLAGS, controller.signal);
    await expect(pending).rejects.toThrow('Interrupted (Ctrl-C)');
    expect(asked).toEqual([controller.signal]);

    const never = answering(DUNE_ANSWER);
    await expect(
      bookSource(never.enrich).describe(INPUT, BOOK_FLAGS, controller.signal),
    ).rejects.toThrow('Interrupted (Ctrl-C)');
    expect(never.asked).toEqual([]);
  });
});

describe('localFields', () => {
  it('turns book facts into the merge’s fields: digits-only ISBN, numeric year, no empties', () => {
    expect(
      localFields({ payload: PAYLOAD, book: { ...BOOK, year: '1965' }, warnings: [] }),
    ).toEqual({
      title: 'Dune',
      authors: ['Frank Herbert'],
      year: 1965,
      language: 'en',
      isbn: '9780441172719',
    });
  });
});
