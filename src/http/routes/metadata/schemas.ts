import { z } from 'zod';
import { API_PROVIDERS } from '../../../domain/enums.js';
import { releaseType } from '../../schemas.js';

const text = (max = 500) => z.string().trim().min(1).max(max);
const year = z.number().int().min(1800).max(2200);
const list = z.array(text(200)).max(100);

const bookFields = z
  .strictObject({
    title: text(),
    subtitle: text(),
    authors: list,
    publisher: text(),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    year,
    language: z.string().regex(/^[a-z]{2}$/),
    isbn: z.string().regex(/^\d{13}$/),
    pageCount: z.number().int().min(1).max(100_000),
    description: text(20_000),
    subjects: list,
    coverUrl: z.url(),
    series: text(),
    seriesIndex: z.number().min(0).max(100_000),
    olid: z.string().regex(/^OL\d+[MW]$/),
    gbid: z.string().regex(/^[\w-]{4,32}$/),
  })
  .partial()
  .meta({ id: 'BookFields' });

const tvFields = z
  .strictObject({
    seriesTitle: text(),
    year,
    firstAired: z.iso.date(),
    seriesOverview: text(20_000),
    network: text(200),
    genres: list,
    status: text(100),
    language: z.string().regex(/^[a-z]{2}$/),
    posterUrl: z.url(),
    season: z.number().int().min(0).max(10_000),
    episode: z.number().int().min(0).max(100_000),
    episodeTitle: text(),
    aired: z.iso.date(),
    episodeOverview: text(20_000),
    runtimeMinutes: z.number().int().min(1).max(10_000),
    imdbRating: z.number().min(0).max(10),
    tmdbRating: z.number().min(0).max(10),
    tvdbId: z.string().regex(/^\d{1,12}$/),
    tmdbId: z.string().regex(/^\d{1,12}$/),
    imdbId: z.string().regex(/^tt\d{5,12}$/),
    tvdbEpisodeId: z.string().regex(/^\d{1,12}$/),
    tmdbEpisodeId: z.string().regex(/^\d{1,12}$/),
    imdbEpisodeId: z.string().regex(/^tt\d{5,12}$/),
  })
  .partial()
  .meta({ id: 'TvFields' });

export const extractBody = z.strictObject({ path: z.string().min(1).max(500) });

export const enrichBody = z.strictObject({
  type: releaseType,
  metadata: z.union([bookFields, tvFields]).optional(),
  overrides: z.union([bookFields, tvFields]).optional(),
  pins: z.array(z.string().min(3).max(64)).max(10).optional(),
  offline: z.boolean().optional(),
  config: z
    .strictObject({
      providers: z.array(z.enum(API_PROVIDERS)).max(5).optional(),
      offline: z.boolean().optional(),
    })
    .optional(),
});

export const extraction = z
  .object({ format: z.object({ format: z.string(), mimeType: z.string() }), metadata: z.unknown() })
  .meta({ id: 'Extraction' });

export const enrichment = z
  .object({
    type: releaseType,
    fields: z.unknown(),
    provenance: z.unknown(),
    providers: z.array(z.unknown()),
    sources: z.array(z.enum(API_PROVIDERS)),
  })
  .meta({ id: 'Enrichment' });

export const providerTest = z
  .object({ success: z.boolean(), message: z.string(), details: z.record(z.string(), z.unknown()) })
  .meta({ id: 'ProviderTestResult' });
