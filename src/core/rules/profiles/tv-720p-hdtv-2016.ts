/**
 * "The 720p TV x264 Releasing Standards 2016" (scene-rules.md §2.1), read in full [P].
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

export const tv720pHdtv2016: z.input<typeof profileSchema> = {
  id: 'tv-720p-hdtv-2016',
  version: '1.0.0',
  family: 'tv',
  title: 'TV 720p HDTV x264 2016',
  ruleset: 'The.720p.TV.x264.Releasing.Standards.2016-TVx264',
  confidence: 'P',
  mandatoryFrom: '2016-04-10',
  releaseTypes: ['TV'],
  naming: {
    allowedCharacters: '[A-Za-z0-9._-]',
    maxLength: 255,
    punctuationRuns: 'forbid',
    groupPattern: '^[A-Za-z0-9_]{2,32}$',
    languageStyle: 'upper',
    templates: tvTemplates('720p.<FORMAT>.x264'),
    formats: [
      { source: 'HDTV', codec: 'x264', origin: 'broadcast', resolutions: ['720p'] },
      { source: 'AHDTV', codec: 'x264', origin: 'broadcast', resolutions: ['720p'] },
      { source: 'HR.PDTV', codec: 'x264', origin: 'broadcast', resolutions: [null] },
    ],
    resolutionClasses: [
      { token: null, maxWidth: 960, maxHeight: 720 },
      { token: '720p', maxWidth: 1280, maxHeight: 720 },
    ],
    tags: TV2016_TAGS,
    tagRules: TAG_RULES,
    languageShortForms: LANGUAGE_SHORT_FORMS,
    featureIncludesCodec: true,
    miniseriesStyle: 'Part.N',
    specialMarker: 'Special',
    countryAliases: COUNTRY_ALIASES,
  },
  archive: tvArchive([], false),
  files: tvFiles('mkv', ['Sample'], ['rar', 'sfv', 'sample']),
  nfo: tvNfo([]),
  diz: null,
  sample: TV_SAMPLE,
  assumptions: [
    ...TV_ASSUMPTIONS,
    {
      setting: 'naming.featureIncludesCodec',
      confidence: 'U',
      note: 'The special and single-title templates omit .x264, most likely by mistake; real releases carry it.',
    },
  ],
};
