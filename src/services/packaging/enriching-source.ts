/**
 * `EnrichingMetadataSource`: the local facts, then what the metadata providers add to them. The
 * flags always win; the file's values stay or are improved as the merge decided (the priority
 * preference); each provider's outcome becomes one plain note. Enrichment never fails a pack: an
 * error is a note and the local facts are packed — only the caller's abort goes through.
 */
import type { BookFacts, EpisodeFacts } from '../../core/plan.js';
import type { TvEpisode } from '../../core/release-name/index.js';
import type {
  BookFields,
  FieldProvenance,
  MetadataSource as FieldSource,
  Provenance,
  TvFields,
} from '../../metadata/ports.js';
import type { ProviderStatus } from '../metadata/types.js';
import type {
  EnrichOutcome,
  FactsEnricher,
  InputFile,
  MetadataSource,
  PackFlags,
  ReleaseFacts,
} from './types.js';

export class EnrichingMetadataSource implements MetadataSource {
  readonly #local: MetadataSource;
  readonly #enrich: FactsEnricher;

  constructor(local: MetadataSource, enrich: FactsEnricher) {
    this.#local = local;
    this.#enrich = enrich;
  }

  async describe(input: InputFile, flags: PackFlags, signal?: AbortSignal): Promise<ReleaseFacts> {
    const facts = await this.#local.describe(input, flags, signal);
    const outcome = await this.#ask(flags, facts, signal);
    if (outcome === undefined) {
      return facts;
    }
    if (typeof outcome === 'string') {
      return { ...facts, warnings: [...facts.warnings, outcome] };
    }
    return applyOutcome(facts, flags, outcome);
  }

  /** The providers' answer, or a note saying why there is none. */
  async #ask(
    flags: PackFlags,
    facts: ReleaseFacts,
    signal: AbortSignal | undefined,
  ): Promise<EnrichOutcome | string | undefined> {
    signal?.throwIfAborted();
    try {
      return await this.#enrich(flags.type, facts, signal);
    } catch (error) {
      if (signal?.aborted === true) {
        throw error;
      }
      const reason = error instanceof Error ? error.message : String(error);
      return `metadata enrichment failed (${reason}); packed from the flags and the file`;
    }
  }
}

/** What the file and the flags say, as the fields the enrichment merges. */
export function localFields(facts: ReleaseFacts): BookFields | TvFields {
  if (facts.episode !== undefined) {
    return tvFields(facts.episode);
  }
  return facts.book === undefined ? {} : bookFields(facts.book);
}

// ---- applying the merge: provider values for the fields no flag gave ----

type Picked = { value: string; source: FieldSource } | undefined;

interface Rule<F, K extends string> {
  label: string;
  /** Any of these flags given: the field is the user's. */
  flags: readonly (keyof PackFlags)[];
  fact: K;
  pick: (provenance: Provenance<F>) => Picked;
}

type BookKey = 'title' | 'author' | 'publisher' | 'year' | 'publishDate' | 'isbn' | 'language';
type EpisodeKey = 'show' | 'episodeTitle';

const BOOK_RULES: readonly Rule<BookFields, BookKey>[] = [
  { label: 'title', flags: ['title'], fact: 'title', pick: (p) => picked(p.title, String) },
  { label: 'author', flags: ['author'], fact: 'author', pick: (p) => picked(p.authors, first) },
  {
    label: 'publisher',
    flags: ['publisher'],
    fact: 'publisher',
    pick: (p) => picked(p.publisher, String),
  },
  { label: 'year', flags: ['year'], fact: 'year', pick: (p) => picked(p.year, String) },
  {
    label: 'publication date',
    flags: ['year'],
    fact: 'publishDate',
    pick: (p) => picked(p.date, String),
  },
  { label: 'ISBN', flags: ['isbn'], fact: 'isbn', pick: (p) => picked(p.isbn, String) },
  {
    label: 'language',
    flags: ['language'],
    fact: 'language',
    pick: (p) => picked(p.language, String),
  },
];

// The year of a show is left alone: in a TV name it only tells same-titled shows apart, which
// a provider's first-aired year cannot decide.
const EPISODE_RULES: readonly Rule<TvFields, EpisodeKey>[] = [
  {
    label: 'show title',
    flags: ['show', 'title'],
    fact: 'show',
    pick: (p) => picked(p.seriesTitle, String),
  },
  {
    label: 'episode title',
    flags: ['episodeTitle'],
    fact: 'episodeTitle',
    pick: (p) => picked(p.episodeTitle, String),
  },
];

/** Which fields each provider supplied, by provider name. */
type Used = Map<string, string[]>;

function applyOutcome(facts: ReleaseFacts, flags: PackFlags, outcome: EnrichOutcome): ReleaseFacts {
  const used: Used = new Map();
  const next: ReleaseFacts = { ...facts };
  if (outcome.type === 'TV' && facts.episode !== undefined) {
    next.episode = applyRules(facts.episode, flags, outcome.provenance, EPISODE_RULES, used);
  } else if (outcome.type !== 'TV' && facts.book !== undefined) {
    next.book = applyRules(facts.book, flags, outcome.provenance, BOOK_RULES, used);
  }
  next.warnings = [...facts.warnings, ...providerNotes(outcome.providers, used)];
  return next;
}

function applyRules<T extends Partial<Record<K, string | number | null>>, F, K extends string>(
  facts: T,
  flags: PackFlags,
  provenance: Provenance<F>,
  rules: readonly Rule<F, K>[],
  used: Used,
): T {
  const next = { ...facts };
  for (const rule of rules) {
    const chosen = rule.pick(provenance);
    if (chosen === undefined || !isProvider(chosen.source) || rule.flags.some(flagged(flags))) {
      continue;
    }
    if (String(facts[rule.fact] ?? '') !== chosen.value) {
      next[rule.fact] = chosen.value as T[K];
      used.set(chosen.source, [...(used.get(chosen.source) ?? []), rule.label]);
    }
  }
  return next;
}

function picked<V>(field: FieldProvenance<V> | undefined, convert: (value: V) => string): Picked {
  if (field === undefined) {
    return undefined;
  }
  const value = convert(field.value).trim();
  return value === '' ? undefined : { value, source: field.source };
}

function first(values: readonly string[]): string {
  return values[0] ?? '';
}

function isProvider(source: FieldSource): boolean {
  return source !== 'file' && source !== 'user';
}

function flagged(flags: PackFlags): (name: keyof PackFlags) => boolean {
  return (name) => {
    const value = flags[name];
    return value !== null && value !== undefined && String(value).trim() !== '';
  };
}

// ---- notes: one per provider, in the order they were asked ----

function providerNotes(statuses: readonly ProviderStatus[], used: Used): string[] {
  const byProvider = new Map<string, ProviderStatus[]>();
  for (const status of statuses) {
    byProvider.set(status.provider, [...(byProvider.get(status.provider) ?? []), status]);
  }
  return [...byProvider].map(([provider, calls]) => noteFor(provider, calls, used.get(provider)));
}

function noteFor(provider: string, calls: ProviderStatus[], fields: string[] | undefined): string {
  if (fields !== undefined) {
    return `${provider}: used for ${fields.join(', ')}`;
  }
  if (calls.some((call) => call.outcome === 'found')) {
    return `${provider}: found the release, nothing new (the flags or the file already say it)`;
  }
  const last = calls[calls.length - 1];
  return `${provider}: ${last?.outcome ?? 'skipped'} — ${last?.reason ?? 'no reason given'}`;
}

// ---- local facts → the merge's fields ----

function bookFields(book: BookFacts): BookFields {
  const isbn = book.isbn?.replace(/[^0-9Xx]/g, '') ?? '';
  const date = book.publishDate ?? '';
  return withoutEmpty({
    title: book.title,
    authors: book.author === null || book.author === undefined ? undefined : [book.author],
    publisher: book.publisher ?? undefined,
    year: yearOf(book.year),
    date: /^\d{4}(-\d{2}){0,2}$/.test(date) ? date : undefined,
    language: book.language ?? undefined,
    isbn: isbn.length === 10 || isbn.length === 13 ? isbn : undefined,
  });
}

function tvFields(episode: EpisodeFacts): TvFields {
  return withoutEmpty({
    seriesTitle: episode.show,
    year: yearOf(episode.year),
    ...episodeNumbers(episode.episode),
    episodeTitle: episode.episodeTitle ?? undefined,
  });
}

/** Season and episode when the release is one numbered episode; the series alone otherwise. */
function episodeNumbers(episode: TvEpisode): { season?: number; episode?: number } {
  if (episode.kind !== 'episode' || episode.season === null || episode.episodes[0] === undefined) {
    return {};
  }
  return { season: episode.season, episode: episode.episodes[0] };
}

function yearOf(year: string | number | null | undefined): number | undefined {
  const text = year === null || year === undefined ? '' : String(year).trim();
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

function withoutEmpty<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && value !== ''),
  ) as T;
}
