/**
 * The enrichment use case: given what the file says, what the user typed, the provider settings
 * (keys already decrypted) and pins, ask the providers in the documented order and merge field by
 * field with provenance. It never fails because a provider did: each one's outcome — found, not
 * found, refused, unreachable, skipped and why — is in the status list, and the merge uses what
 * is there. Only the caller's abort (the signal) rejects.
 */
import { PREFERENCE_DEFAULTS } from '../../domain/preference-defaults.js';
import { API_PROVIDERS } from '../../domain/enums.js';
import type { BookFields, MetadataSource, TvFields } from '../../metadata/ports.js';
import { lookUpBook, type Lookups } from './enrich-book.js';
import { lookUpTv } from './enrich-tv.js';
import type {
  BookEnrichRequest,
  BookEnrichResult,
  EnrichDeps,
  EnrichRequest,
  EnrichResult,
  TvEnrichRequest,
  TvEnrichResult,
} from './types.js';

export class MetadataEnrichService {
  constructor(private readonly deps: EnrichDeps) {}

  enrich(request: BookEnrichRequest): Promise<BookEnrichResult>;
  enrich(request: TvEnrichRequest): Promise<TvEnrichResult>;
  enrich(request: EnrichRequest): Promise<BookEnrichResult | TvEnrichResult>;
  async enrich(request: EnrichRequest): Promise<BookEnrichResult | TvEnrichResult> {
    if (request.type === 'TV') {
      const lookups = await lookUpTv(this.deps, request);
      return { type: 'TV', ...this.combine<TvFields>(request, lookups) };
    }
    const lookups = await lookUpBook(this.deps, request);
    return { type: request.type, ...this.combine<BookFields>(request, lookups) };
  }

  private combine<F extends object>(
    request: EnrichRequest & { file?: F; user?: F; fileFallback?: F },
    lookups: Lookups<F>,
  ): EnrichResult<F> {
    const merged = this.deps.merge<F>({
      priority: priorityFor(request.type, request.priority),
      candidates: [
        ...lookups.candidates,
        ...(request.file ? [{ source: 'file' as const, fields: request.file }] : []),
      ],
      ...(request.user ? { user: request.user } : {}),
      ...(request.fileFallback
        ? { fallback: { source: 'file', fields: request.fileFallback } }
        : {}),
    });
    const sources = lookups.statuses
      .filter((status) => status.outcome === 'found')
      .map((status) => status.provider);
    return { ...merged, providers: lookups.statuses, sources: [...new Set(sources)] };
  }
}

const SOURCES: readonly string[] = ['file', ...API_PROVIDERS];

/** The given order, else the built-in preference; unknown entries are ignored. */
function priorityFor(
  type: EnrichRequest['type'],
  given: readonly string[] | undefined,
): MetadataSource[] {
  const key = `metadata.priority.${type === 'TV' ? 'TV' : 'EBOOK'}`;
  const fallback = PREFERENCE_DEFAULTS[key];
  const raw = given ?? (Array.isArray(fallback) ? fallback : []);
  const valid = raw.filter(
    (item): item is MetadataSource => typeof item === 'string' && SOURCES.includes(item),
  );
  return [...new Set(valid)];
}
