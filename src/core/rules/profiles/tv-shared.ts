/**
 * Pieces the three TV rulesets share (scene-rules.md §2): RAR+SFV packaging, the sample, the file
 * rules and the NFO fields. Each profile file spreads these and states its own differences.
 */
import type { z } from 'zod';
import type { profileSchema } from '../profile-schema.js';

type ProfileInput = z.input<typeof profileSchema>;
type TvProfileInput = Extract<ProfileInput, { family: 'tv' }>;

const MB = 1_000_000;

/** TV16 §15.1, exhaustive; the SD 2016 rules use the same list. */
export const TV2016_TAGS = [
  'ALTERNATIVE.CUT',
  'CONVERT',
  'COLORIZED',
  'DC',
  'DIRFIX',
  'DUBBED',
  'EXTENDED',
  'FINAL',
  'INTERNAL',
  'NFOFIX',
  'OAR',
  'OM',
  'PPV',
  'PROPER',
  'REAL',
  'REMASTERED',
  'READNFO',
  'REPACK',
  'RERIP',
  'SAMPLEFIX',
  'SOURCE.SAMPLE',
  'SUBBED',
  'UNCENSORED',
  'UNRATED',
  'UNCUT',
  'WEST.FEED',
  'WS',
];

export const TAG_RULES: TvProfileInput['naming']['tagRules'] = {
  exclusive: [{ tag: 'READNFO', notWith: ['PROPER', 'REPACK', 'RERIP'] }],
  stackable: ['REAL'],
  forbiddenVariants: ['READ.NFO', 'RNFO'],
};

/** Established short language forms TV16 names next to the full names. */
export const LANGUAGE_SHORT_FORMS = ['EE', 'SI', 'PL', 'PLDUB', 'SWESUB', 'SUBFRENCH', 'NLSUBBED'];

export const COUNTRY_ALIASES = { GB: 'UK' };

export function tvTemplates(format: string): Record<string, string> {
  const tail = `<TAGS>.[LANGUAGE].${format}-GROUP`;
  return {
    weekly: `Show.Name.[CC].[YEAR].SxxExx[Part].[Episode.Title].${tail}`,
    multi: `Show.Name.[CC].[YEAR].SxxExx-Exx[Part].[Episode.Title].${tail}`,
    special: `Show.Name.Special.SxxE00.Special.Title.${tail}`,
    daily: `Show.Name.YYYY.MM.DD.[Guest.Name].${tail}`,
    miniseries: `Show.Name.Part.X.[Episode.Title].${tail}`,
    feature: `Title.YYYY.${tail}`,
  };
}

export function tvArchive(fixed: number[], fixedOnlyForSd: boolean): TvProfileInput['archive'] {
  return {
    layout: 'rar-sfv',
    rar: {
      version: 'rar4',
      method: 'store',
      recoveryRecord: false,
      encrypted: false,
      volumeNaming: 'old-style',
      maxNameLength: null,
      payloadFiles: 1,
    },
    zip: null,
    volumeSizes: {
      fixed,
      fixedOnlyForSd,
      multipleOf: 50 * MB,
      stepUpMinVolumes: 10,
      prefer: 'smallest',
      climbAt: 10,
      measures: 'rar-volume',
    },
    maxVolumes: 101,
    sfv: 'required-one',
  };
}

export function tvFiles(
  sampleExtensions: string,
  allowedDirs: string[],
  nameRulesApplyTo: TvProfileInput['files']['names']['appliesTo'],
): TvProfileInput['files'] {
  return {
    required: [
      rootFile('files.nfo', '\\.nfo$', 1, 1, 'Exactly one NFO.'),
      rootFile('files.sfv', '\\.sfv$', 1, 1, 'Exactly one SFV listing every RAR volume.'),
      rootFile('files.rar_first', '\\.rar$', 1, 1, 'One first volume named .rar.'),
      rootFile('files.rar_next', '\\.r\\d{2}$', 0, 100, 'Further volumes .r00 to .r99.'),
      {
        id: 'files.sample',
        where: 'sample-dir',
        pattern: `\\.(${sampleExtensions})$`,
        min: 1,
        max: 1,
        explanation: 'Sample/ holds exactly one video sample, not archived.',
      },
    ],
    forbidden: [
      {
        id: 'files.no_spaces',
        where: 'anywhere',
        pattern: ' ',
        explanation: 'Produced file names contain no spaces.',
      },
    ],
    allowedDirs,
    forbiddenDirs: ['Subs', 'Extras'],
    names: {
      appliesTo: nameRulesApplyTo,
      lowercase: true,
      groupTag: 'required',
      noSpaces: true,
      dos83: [],
      stemStyle: 'release',
    },
  };
}

function rootFile(id: string, pattern: string, min: number, max: number, explanation: string) {
  return { id, where: 'root' as const, pattern, min, max, explanation };
}

export function tvNfo(extraFields: TvProfileInput['nfo']['requiredFields']): TvProfileInput['nfo'] {
  const always = (id: string, explanation: string, anyOf = [id]) => ({
    id,
    anyOf,
    when: 'always' as const,
    explanation,
  });
  return {
    maxWidth: 80,
    encoding: 'cp437',
    lineEnding: 'crlf',
    limitsAreWarnings: true,
    requiredFields: [
      always('release_name', 'Release name.'),
      always('release_date', 'Release date (ISO).'),
      always('runtime', 'Runtime.'),
      always('resolution', 'Resolution.'),
      always('fps', 'Frame rate.'),
      always('video_codec', 'Video codec.'),
      always('audio_codec', 'Audio codec.', ['audio', 'audio_codec']),
      always('audio_channels', 'Audio channels.', ['audio', 'audio_channels']),
      always('subtitles', 'Subtitles (or none).'),
      always('size', 'Total size.'),
      always('archive', 'Volumes as "N x M MB" with the real count.', ['disks']),
      ...extraFields,
    ],
  };
}

export const TV_SAMPLE: TvProfileInput['sample'] = {
  count: 1,
  minSeconds: 50,
  maxSeconds: 70,
  dir: 'Sample',
  archived: false,
  containers: ['mkv'],
};

/** Assumptions every TV profile shares; each profile adds its own. */
export const TV_ASSUMPTIONS: TvProfileInput['assumptions'] = [
  {
    setting: 'naming.maxLength',
    confidence: 'U',
    note: 'No TV ruleset states a length; 255 is the filesystem and ftpd limit.',
  },
  {
    setting: 'files.names.stemStyle',
    confidence: 'U',
    note: 'File names must be lowercase, unique and carry the group: the lowercased release name is all three.',
  },
  {
    setting: 'archive.volumeSizes.prefer',
    confidence: 'U',
    note: 'Tool choice: the smallest legal volume size, the most common practice.',
  },
  {
    setting: 'nfo.encoding',
    confidence: 'U',
    note: 'No ruleset sets the NFO encoding; CP437 is the convention.',
  },
  {
    setting: 'nfo.lineEnding',
    confidence: 'U',
    note: 'CRLF, the DOS convention of NFO files.',
  },
];
