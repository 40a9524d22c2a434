/**
 * Scripted providers for the enrichment's unit tests: each answer is keyed by the call
 * (`isbn:…`, `id:…`, `title:…`), every call is recorded, and anything unscripted is not_found.
 */
import type {
  BookFields,
  BookProvider,
  BookProviderName,
  BookQuery,
  EpisodeRef,
  LookupOutcome,
  LookupResult,
  TvFields,
  TvIdRef,
  TvIdScheme,
  TvProvider,
  TvProviderName,
  TvQuery,
} from '../../../src/metadata/ports.js';

class Script<F> {
  readonly calls: string[] = [];
  private readonly answers = new Map<string, LookupResult<F> | Error>();

  set(call: string, answer: LookupOutcome<F> | Error, fromCache = false): void {
    this.answers.set(call, answer instanceof Error ? answer : { outcome: answer, fromCache });
  }

  respond(call: string): Promise<LookupResult<F>> {
    this.calls.push(call);
    const answer = this.answers.get(call) ?? { outcome: { kind: 'not_found' }, fromCache: false };
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  }
}

export class FakeBookProvider implements BookProvider {
  readonly kind = 'book';
  readonly requiresKey = false;
  readonly script = new Script<BookFields>();

  constructor(readonly name: BookProviderName) {}

  get calls(): string[] {
    return this.script.calls;
  }

  byIsbn(isbn: string): Promise<LookupResult<BookFields>> {
    return this.script.respond(`isbn:${isbn}`);
  }

  byId(id: string): Promise<LookupResult<BookFields>> {
    return this.script.respond(`id:${id}`);
  }

  search(query: BookQuery): Promise<LookupResult<BookFields>> {
    return this.script.respond(`title:${query.title}|${query.author ?? ''}`);
  }
}

export class FakeTvProvider implements TvProvider {
  readonly kind = 'tv';
  readonly requiresKey = true;
  readonly script = new Script<TvFields>();

  constructor(
    readonly name: TvProviderName,
    readonly idSchemes: readonly TvIdScheme[],
  ) {}

  get calls(): string[] {
    return this.script.calls;
  }

  byId(ref: TvIdRef, episode: EpisodeRef): Promise<LookupResult<TvFields>> {
    return this.script.respond(`id:${ref.scheme}:${ref.id}:${episodeText(episode)}`);
  }

  search(query: TvQuery): Promise<LookupResult<TvFields>> {
    return this.script.respond(`title:${query.title}:${episodeText(query)}`);
  }
}

function episodeText(episode: EpisodeRef): string {
  return `${String(episode.season)}x${String(episode.episode)}`;
}
