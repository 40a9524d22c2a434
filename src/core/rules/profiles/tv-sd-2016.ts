/**
 * "The SD TV x264 Releasing Standards 2016" (scene-rules.md §2.2), from a condensed copy [C]: the
 * 720p structure without a resolution token, more sources, and 15/20 MB volumes.
 */
import type { z } from 'zod';
import type { profileSchema } from '../profile-schema.js';
import {
  COUNTRY_ALIASES,
  LANGUAGE_SHORT_FORMS,
  TAG_RULES,
  TV2016_TAGS,
  TV_ASSUMPTIONS,
  TV_SAMPLE,
  tvArchive,
  tvFiles,
  tvNfo,
  tvTemplates,
} from './tv-shared.js';

const SD_SOURCES = ['HDTV', 'AHDTV', 'PDTV', 'APDTV', 'DSR', 'ADSR'];

export const tvSd2016: z.input<typeof profileSchema> = {
  id: 'tv-sd-2016',
  version: '1.0.0',
  family: 'tv',
  title: 'TV SD x264 2016',
  ruleset: 'The.SD.TV.x264.Releasing.Standards.2016-SDTVx264',
  confidence: 'C',
  mandatoryFrom: '2016-04-10',
  releaseTypes: ['TV'],
  naming: {
    allowedCharacters: '[A-Za-z0-9._-]',
    maxLength: 255,
    punctuationRuns: 'forbid',
    groupPattern: '^[A-Za-z0-9_]{2,32}$',
    languageStyle: 'upper',
    templates: tvTemplates('<FORMAT>.x264'),
    formats: SD_SOURCES.map((source) => ({
      source,
      codec: 'x264',
      origin: 'broadcast' as const,
      resolutions: [null],
    })),
    resolutionClasses: [{ token: null, maxWidth: 720, maxHeight: 576 }],
    tags: TV2016_TAGS,
    tagRules: TAG_RULES,
    languageShortForms: LANGUAGE_SHORT_FORMS,
    featureIncludesCodec: true,
    miniseriesStyle: 'Part.N',
    specialMarker: 'Special',
    countryAliases: COUNTRY_ALIASES,
  },
  archive: tvArchive([15_000_000, 20_000_000], false),
  files: tvFiles('mkv', ['Sample'], ['rar', 'sfv', 'sample']),
  nfo: tvNfo([]),
  diz: null,
  sample: TV_SAMPLE,
  assumptions: [
    ...TV_ASSUMPTIONS,
    {
      setting: 'naming.featureIncludesCodec',
      confidence: 'U',
      note: 'Single-title templates are read as carrying .x264 like the others.',
    },
  ],
};
