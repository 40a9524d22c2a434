/**
 * Metadata for the API and the CLI: extract from a server-side file (inside the allowed roots)
 * or an upload, enrich typed or extracted fields from the providers with the caller's keys (their
 * own row, else the global one), and test a provider configuration with a real call.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { API_PROVIDERS, type ApiProvider, type ReleaseType } from '../domain/enums.js';
import type {
  BookFields,
  DetectedFormat,
  ExtractedMetadata,
  Extractor,
  LookupOutcome,
  MetadataProviders,
  TvFields,
} from '../metadata/ports.js';
import type { Workspace } from '../storage/ports.js';
import type { ApiConfigsService } from './api-configs.service.js';
import { assertCan, type Caller, type Runtime } from './context.js';
import type { MetadataEnrichService } from './metadata/enrich.js';
import { bookFieldsFromExtracted, tvFieldsFromVideo } from './metadata/from-extracted.js';
import { parsePins } from './metadata/pins.js';
import type { BookEnrichResult, ProviderConfigs, TvEnrichResult } from './metadata/types.js';
import type { PathsService } from './paths.service.js';
import type { PreferencesService } from './preferences.service.js';

export interface MetadataApiDeps {
  runtime: Runtime;
  extractor: Extractor;
  enricher: MetadataEnrichService;
  apiConfigs: ApiConfigsService;
  preferences: PreferencesService;
  paths: PathsService;
  workspace: Workspace;
  /** Where uploads are staged while they are read (inside the data dir). */
  uploadDir: string;
  /** Providers with no cache, for configuration tests (a cached answer would prove nothing). */
  freshProviders: () => Required<MetadataProviders>;
}

export interface Extraction {
  format: DetectedFormat;
  metadata: ExtractedMetadata;
}

export interface EnrichInput {
  type: ReleaseType;
  /** What the file (or the caller) says; the providers fill the gaps. */
  metadata?: BookFields | TvFields;
  /** Typed by the user: always wins. */
  overrides?: BookFields | TvFields;
  pins?: readonly string[];
  offline?: boolean;
  /** Only these providers (all by default). */
  providers?: readonly ApiProvider[];
  signal?: AbortSignal;
}

export interface ProviderTestResult {
  success: boolean;
  message: string;
  details: Record<string, unknown>;
}

/** A harmless lookup every provider answers: Roald Dahl's "Fantastic Mr Fox" / the series "Friends". */
const PROBE_ISBN = '9780140328721';
const PROBE_SERIES = { title: 'Friends', season: 1, episode: 1 };
/** Providers that answer without a key. */
const KEYLESS: readonly string[] = ['openlibrary', 'googlebooks'];

function describeOutcome(
  provider: ApiProvider,
  outcome: LookupOutcome<unknown>,
): ProviderTestResult {
  switch (outcome.kind) {
    case 'found':
    case 'not_found':
      return {
        success: true,
        message: `${provider} answered with the configured settings`,
        details: { outcome: outcome.kind },
      };
    case 'bad_credentials':
      return {
        success: false,
        message: `${provider} refused the key: ${outcome.reason}`,
        details: { outcome: outcome.kind, code: 'metadata.bad_credentials' },
      };
    case 'rate_limited':
      return {
        success: false,
        message: `${provider} quota exhausted or rate limited: ${outcome.reason}`,
        details: {
          outcome: outcome.kind,
          code: 'metadata.rate_limited',
          retryAfterSeconds: outcome.retryAfterSeconds ?? null,
        },
      };
    case 'unavailable':
      return {
        success: false,
        message: `${provider} is unreachable: ${outcome.reason}`,
        details: { outcome: outcome.kind, code: 'metadata.unavailable' },
      };
    case 'bad_response':
      return {
        success: false,
        message: `${provider} answered something unexpected: ${outcome.reason}`,
        details: { outcome: outcome.kind, code: 'metadata.bad_response' },
      };
  }
}

export class MetadataApiService {
  constructor(private readonly deps: MetadataApiDeps) {}

  /** A file on the server, inside the data dir or an allowed root. */
  async extractPath(caller: Caller, path: string): Promise<Extraction> {
    assertCan(caller, 'metadata.use');
    const resolved = await this.deps.paths.resolvePath(path, 'path');
    return this.extract(resolved);
  }

  /** An uploaded file, staged in the data dir while it is read, then removed. */
  async extractUpload(
    caller: Caller,
    upload: { filename: string; stream: Readable },
  ): Promise<Extraction> {
    assertCan(caller, 'metadata.use');
    const staging = await this.deps.workspace.stage(this.deps.uploadDir, `upload-${randomUUID()}`, {
      overwrite: false,
    });
    try {
      const name = 'input';
      await pipeline(upload.stream, await staging.createFile(name));
      return await this.extract(staging.pathOf(name));
    } finally {
      await staging.discard();
    }
  }

  /** Extracts a local file for the CLI (no path restriction: the user runs it on their own files). */
  extractLocal(path: string): Promise<Extraction> {
    return this.extract(path);
  }

  async enrich(caller: Caller, input: EnrichInput): Promise<BookEnrichResult | TvEnrichResult> {
    assertCan(caller, 'metadata.use');
    const settings = await this.settingsFor(caller.actor.id, input.providers);
    const priority = await this.deps.preferences.valueFor<string[]>(
      caller.actor.id,
      `metadata.priority.${input.type === 'TV' ? 'TV' : 'EBOOK'}`,
    );
    const common = {
      settings,
      pins: parsePins(input.pins ?? []),
      priority,
      offline: input.offline,
      signal: input.signal,
    };
    if (input.type === 'TV') {
      return this.deps.enricher.enrich({
        ...common,
        type: 'TV',
        file: input.metadata,
        user: input.overrides,
      });
    }
    return this.deps.enricher.enrich({
      ...common,
      type: input.type,
      file: input.metadata,
      user: input.overrides,
    });
  }

  /**
   * Whether the caller has any provider set up (their own row or the global one, switched on,
   * with a key — any row for OpenLibrary and Google Books, which need none): `pack` enriches
   * only then.
   */
  async hasConfiguredProviders(caller: Caller): Promise<boolean> {
    const settings = await this.settingsFor(caller.actor.id, undefined);
    return Object.entries(settings).some(
      ([provider, config]) =>
        config.enabled === true &&
        ((config.apiKey ?? '').trim() !== '' || KEYLESS.includes(provider)),
    );
  }

  /** Extract then enrich, as `scenepacker metadata enrich <file>` does. */
  async enrichFile(
    caller: Caller,
    path: string,
    input: Omit<EnrichInput, 'metadata' | 'type'> & { type?: ReleaseType },
  ): Promise<{ extraction: Extraction; enriched: BookEnrichResult | TvEnrichResult }> {
    const extraction = await this.extract(path);
    const { metadata } = extraction;
    if (metadata.kind === 'video') {
      const enriched = await this.enrich(caller, {
        ...input,
        type: 'TV',
        metadata: tvFieldsFromVideo(metadata),
      });
      return { extraction, enriched };
    }
    const fields = bookFieldsFromExtracted(metadata);
    const enriched = await this.enrich(caller, {
      ...input,
      type: input.type ?? 'EBOOK',
      metadata: { ...fields.fileFallback, ...fields.file },
    });
    return { extraction, enriched };
  }

  /** A real call with the caller's effective settings: TVDB logs in, the others look something up. */
  async testProvider(caller: Caller, provider: ApiProvider): Promise<ProviderTestResult> {
    assertCan(caller, 'apiConfigs.read');
    const credentials = await this.deps.apiConfigs.credentials(caller.actor.id, provider);
    const settings = {
      apiKey: credentials?.apiKey ?? undefined,
      pin: credentials?.pin ?? undefined,
      baseUrl: credentials?.baseUrl ?? undefined,
    };
    const needsKey = provider === 'tvdb' || provider === 'tmdb' || provider === 'omdb';
    if (needsKey && settings.apiKey === undefined) {
      return {
        success: false,
        message: `No ${provider} key is configured (yours or a global one)`,
        details: { code: 'metadata.bad_credentials', outcome: 'skipped' },
      };
    }
    const providers = this.deps.freshProviders();
    const started = this.deps.runtime.clock.now().getTime();
    const lookup =
      provider === 'openlibrary' || provider === 'googlebooks'
        ? await providers[provider].byIsbn(PROBE_ISBN, settings)
        : await providers[provider].search(PROBE_SERIES, settings);
    const result = describeOutcome(provider, lookup.outcome);
    return {
      ...result,
      details: {
        ...result.details,
        source: credentials?.source ?? 'none',
        durationMs: this.deps.runtime.clock.now().getTime() - started,
        quota: lookup.quota ?? null,
      },
    };
  }

  private async extract(path: string): Promise<Extraction> {
    const format = await this.deps.extractor.detect(path);
    return { format, metadata: await this.deps.extractor.extract(path) };
  }

  private async settingsFor(
    userId: string,
    only: readonly ApiProvider[] | undefined,
  ): Promise<ProviderConfigs> {
    const chosen = only ?? API_PROVIDERS;
    const entries = await Promise.all(
      chosen.map(async (provider) => {
        const credentials = await this.deps.apiConfigs.credentials(userId, provider);
        const config =
          credentials === undefined
            ? {}
            : {
                apiKey: credentials.apiKey ?? undefined,
                pin: credentials.pin ?? undefined,
                baseUrl: credentials.baseUrl ?? undefined,
                enabled: credentials.enabled,
              };
        return [provider, config] as const;
      }),
    );
    return Object.fromEntries(entries);
  }
}
