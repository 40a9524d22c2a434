/**
 * TV lookups, TheTVDB then TMDb then OMDb, one after the other so each can use the ids the
 * previous ones found (TheTVDB gives the TMDb and IMDb ids): resolve by id first, search second
 * (metadata-apis.md §7.3). A pinned or typed id is trusted — no search when it is not found; an
 * id learnt from another provider is only a hint, and a title search follows when it fails.
 */
import type {
  EpisodeRef,
  MergeCandidate,
  TvFields,
  TvIdRef,
  TvIdScheme,
  TvProvider,
  TvProviderName,
  TvQuery,
} from '../../metadata/ports.js';
import { pinOf, type Lookups } from './enrich-book.js';
import { callProvider, skipReason, skipped, type CallResult } from './provider-call.js';
import type { EnrichDeps, ProviderStatus, TvEnrichRequest } from './types.js';

const TV_PROVIDERS: readonly TvProviderName[] = ['tvdb', 'tmdb', 'omdb'];
const ID_FIELDS: Record<TvIdScheme, 'tvdbId' | 'tmdbId' | 'imdbId'> = {
  tvdb: 'tvdbId',
  tmdb: 'tmdbId',
  imdb: 'imdbId',
};

interface KnownId {
  id: string;
  /** Pinned or typed by the user: trusted, never replaced by a search. */
  trusted: boolean;
}

type KnownIds = Partial<Record<TvIdScheme, KnownId>>;

export async function lookUpTv(
  deps: EnrichDeps,
  request: TvEnrichRequest,
): Promise<Lookups<TvFields>> {
  const known = initialIds(request);
  const statuses: ProviderStatus[] = [];
  const candidates: MergeCandidate<TvFields>[] = [];
  for (const name of TV_PROVIDERS) {
    const provider = deps.providers[name];
    const reason = skipReason(provider, request.settings[name], request.offline ?? false);
    const results =
      reason !== undefined || provider === undefined
        ? [{ status: skipped(name, reason ?? 'not available') }]
        : await askTv(deps, request, provider, known);
    for (const result of results) {
      statuses.push(result.status);
      if (result.found) {
        candidates.push({ source: name, fields: result.found });
        learnIds(known, result.found);
      }
    }
  }
  return { statuses, candidates };
}

async function askTv(
  deps: EnrichDeps,
  request: TvEnrichRequest,
  provider: TvProvider,
  known: KnownIds,
): Promise<CallResult<TvFields>[]> {
  const settings = request.settings[provider.name] ?? {};
  const { signal } = request;
  const query = tvQuery(request);
  const ref = idFor(provider, known);
  const search = (q: TvQuery): Promise<CallResult<TvFields>> =>
    callProvider(deps.clock, provider.name, 'title', signal, () =>
      provider.search(q, settings, signal),
    );
  if (ref === undefined) {
    return query === undefined
      ? [{ status: skipped(provider.name, 'nothing to look up: no series title or id') }]
      : [await search(query)];
  }
  const byId = await callProvider(deps.clock, provider.name, 'id', signal, () =>
    provider.byId(ref, episodeOf(request), settings, signal),
  );
  const hintFailed = byId.status.outcome === 'not_found' && !known[ref.scheme]?.trusted;
  return hintFailed && query !== undefined ? [byId, await search(query)] : [byId];
}

/** The provider's own id first, then the other schemes it can resolve. */
function idFor(provider: TvProvider, known: KnownIds): TvIdRef | undefined {
  const own: TvIdScheme = provider.name === 'omdb' ? 'imdb' : provider.name;
  const order = [own, ...provider.idSchemes.filter((scheme) => scheme !== own)];
  const scheme = order.find(
    (candidate) => provider.idSchemes.includes(candidate) && known[candidate],
  );
  const entry = scheme === undefined ? undefined : known[scheme];
  return scheme === undefined || entry === undefined ? undefined : { scheme, id: entry.id };
}

function initialIds(request: TvEnrichRequest): KnownIds {
  const known: KnownIds = {};
  for (const scheme of ['tvdb', 'tmdb', 'imdb'] as const) {
    const trusted = pinOf(request, scheme) ?? request.user?.[ID_FIELDS[scheme]];
    const hint = request.file?.[ID_FIELDS[scheme]];
    if (trusted !== undefined) {
      known[scheme] = { id: trusted, trusted: true };
    } else if (hint !== undefined) {
      known[scheme] = { id: hint, trusted: false };
    }
  }
  return known;
}

/** Ids a provider reported fill the gaps, never replacing one already known. */
function learnIds(known: KnownIds, fields: TvFields): void {
  for (const scheme of ['tvdb', 'tmdb', 'imdb'] as const) {
    const id = fields[ID_FIELDS[scheme]];
    if (id !== undefined && known[scheme] === undefined) {
      known[scheme] = { id, trusted: false };
    }
  }
}

function tvQuery(request: TvEnrichRequest): TvQuery | undefined {
  const title = (request.user?.seriesTitle ?? request.file?.seriesTitle)?.trim();
  if (title === undefined || title === '') {
    return undefined;
  }
  return { title, year: request.user?.year ?? request.file?.year ?? null, ...episodeOf(request) };
}

function episodeOf(request: TvEnrichRequest): EpisodeRef {
  return {
    season: request.user?.season ?? request.file?.season ?? null,
    episode: request.user?.episode ?? request.file?.episode ?? null,
  };
}
