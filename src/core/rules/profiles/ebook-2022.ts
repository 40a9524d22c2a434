/**
 * "[2022] eBOOK" (iNTERNATiONAL eBOOK rules), scene-rules.md §1, used for EBOOK and DOCS. The whole
 * ruleset is known only through a secondary summary [S]; the settings the summary leaves open are
 * the safe choices scene-rules.md names, listed in `assumptions`.
 */
import type { z } from 'zod';
import type { profileSchema } from '../profile-schema.js';

const MB = 1_000_000;

export const ebook2022: z.input<typeof profileSchema> = {
  id: 'ebook-2022',
  version: '1.0.0',
  family: 'ebook',
  title: 'eBOOK 2022 (iNTERNATiONAL eBOOK rules)',
  ruleset: '[2022] eBOOK',
  confidence: 'S',
  mandatoryFrom: '2020-04-19',
  releaseTypes: ['EBOOK', 'DOCS'],
  naming: {
    allowedCharacters: '[A-Za-z0-9._-]',
    maxLength: 243,
    punctuationRuns: 'allow-spaced-dash',
    groupPattern: '^[A-Za-z0-9_]{2,32}$',
    languageStyle: 'scene-i',
    templates: {
      fiction:
        '<Author or Publisher>.<Title>.[Edition].<Year>.[LANG].<SOURCE>.[EXTRA].[FMT].eBOOK-GRP',
      technical:
        '<Publisher or Author>.<Title>.[Issue/Version/Edition].<Year>.[LANG].<SOURCE>.[EXTRA].[FMT].eBOOK-GRP',
      magazine:
        '<Name>.<Issue or Month/Week/Date>.<Year>.[LANG].<SOURCE>.[EXTRA].MAGAZiNE.[FMT].eBOOK-GRP',
      comic: '<Name>.<Vol.X>.<No.Y>.[Date].<Year>.[LANG].<SOURCE>.[EXTRA].COMiC.[FMT].eBOOK-GRP',
      manga: '<Name>.<Vol.X>.[No.Y].<Year>.[LANG].<SOURCE>.[EXTRA].MANGA.[FMT].eBOOK-GRP',
      newspaper: '<Name>.<Date>.<Year>.[LANG].<SOURCE>.[EXTRA].[FMT].eBOOK-GRP',
      xxx: '[Author].<Title>.<Year>.[LANG].<SOURCE>.[EXTRA].XXX.[FMT].eBOOK-GRP',
    },
    typeMarker: 'eBOOK',
    sourceTags: ['RETAiL', 'HYBRiD', 'SCAN'],
    formats: [
      { format: 'PDF', tag: null },
      { format: 'EPUB', tag: 'ePUB' },
      { format: 'CBZ', tag: 'CBZ' },
      { format: 'KF8', tag: 'KF8' },
      { format: 'AZW', tag: 'AZW' },
      { format: 'MOBI', tag: 'MOBI' },
      { format: 'PRC', tag: 'PRC' },
    ],
    nonSceneFormats: ['DOCX', 'ODT', 'RTF', 'TXT'],
    nonSceneTag: 'iNTERNAL',
    extraTags: ['READNFO', 'NFOFiX', 'DiRFiX', 'iNTERNAL', 'PROPER'],
    conventionTags: ['REPACK', 'REAL'],
    typeTags: { magazine: 'MAGAZiNE', comic: 'COMiC', manga: 'MANGA', xxx: 'XXX' },
    issuePrefix: 'No.',
  },
  archive: {
    layout: 'zip-diz',
    rar: {
      version: 'rar4',
      method: 'store',
      recoveryRecord: false,
      encrypted: false,
      volumeNaming: 'old-style',
      maxNameLength: 140,
      payloadFiles: 1,
    },
    zip: {
      method: 'store',
      nameStyle: 'dos-8.3',
      volumesPerDisk: 1,
      nfoInEveryDisk: true,
      dizInEveryDisk: true,
    },
    volumeSizes: {
      fixed: [5 * MB, 10 * MB, 50 * MB, 100 * MB, 150 * MB, 200 * MB, 250 * MB],
      fixedOnlyForSd: false,
      multipleOf: null,
      stepUpMinVolumes: null,
      prefer: 'climb',
      climbAt: 10,
      measures: 'rar-volume',
    },
    maxVolumes: 99,
    sfv: 'forbidden',
  },
  files: {
    required: [
      {
        id: 'files.zip_disks',
        where: 'root',
        pattern: '\\.zip$',
        min: 1,
        max: 99,
        explanation: 'The release is a set of ZIP disks, at most 99.',
      },
      {
        id: 'files.nfo',
        where: 'root',
        pattern: '\\.nfo$',
        min: 1,
        max: 1,
        explanation: 'Exactly one NFO sits next to the disks.',
      },
      {
        id: 'files.disk_diz',
        where: 'disk',
        pattern: '^file_id\\.diz$',
        min: 1,
        max: 1,
        explanation: 'Every ZIP disk holds one FILE_ID.DIZ.',
      },
      {
        id: 'files.disk_nfo',
        where: 'disk',
        pattern: '\\.nfo$',
        min: 1,
        max: 1,
        explanation: 'Every ZIP disk holds the NFO.',
      },
      {
        id: 'files.disk_rar',
        where: 'disk',
        pattern: '\\.(rar|r\\d{2})$',
        min: 1,
        max: 1,
        explanation: 'Every ZIP disk holds exactly one RAR volume.',
      },
    ],
    forbidden: [
      {
        id: 'files.no_sfv',
        where: 'anywhere',
        pattern: '\\.sfv$',
        explanation: 'eBOOK releases carry no SFV; the ZIP CRCs cover integrity.',
      },
      {
        id: 'files.no_spaces',
        where: 'anywhere',
        pattern: ' .*\\.(rar|r\\d{2}|zip|diz|nfo)$',
        explanation: 'RAR, ZIP, DIZ and NFO names contain no spaces.',
      },
    ],
    allowedDirs: [],
    forbiddenDirs: ['Sample'],
    names: {
      appliesTo: ['zip', 'rar', 'nfo', 'diz'],
      lowercase: true,
      groupTag: 'none',
      noSpaces: true,
      dos83: ['zip'],
      stemStyle: 'release',
    },
  },
  nfo: {
    maxWidth: 80,
    encoding: 'cp437',
    lineEnding: 'crlf',
    limitsAreWarnings: true,
    requiredFields: [
      {
        id: 'release_date',
        anyOf: ['release_date'],
        when: 'always',
        explanation: 'Release date (ISO YYYY-MM-DD).',
      },
      {
        id: 'publish_date',
        anyOf: ['publish_date', 'year'],
        when: 'always',
        explanation: 'Publish date, or at least the year.',
      },
      { id: 'language', anyOf: ['language'], when: 'always', explanation: 'Language.' },
      {
        id: 'release_type',
        anyOf: ['source'],
        when: 'always',
        explanation: 'Release type (RETAiL/SCAN/HYBRiD).',
      },
      {
        id: 'creator',
        anyOf: ['author', 'publisher'],
        when: 'always',
        explanation: 'Author and/or publisher.',
      },
      {
        id: 'proof_url',
        anyOf: ['url'],
        when: 'retail',
        explanation: 'A link proving retail availability in the released format.',
      },
      {
        id: 'fixed_release',
        anyOf: ['fixes'],
        when: 'fix',
        explanation: 'PROPER/REPACK/FiX releases name the release they replace and why.',
      },
    ],
  },
  diz: {
    maxWidth: 44,
    maxLines: 30,
    encoding: 'cp437',
    lineEnding: 'crlf',
    limitsAreWarnings: true,
    fileName: 'FILE_ID.DIZ',
    counter: '[NN/TT]',
  },
  sample: null,
  assumptions: [
    {
      setting: 'naming.allowedCharacters',
      confidence: 'U',
      note: 'The summary names no character set; the common scene set is used.',
    },
    {
      setting: 'naming.languageStyle',
      confidence: 'S',
      note: 'The rules write language tags like SWEDiSH and iTALiAN; checkers compare case-insensitively.',
    },
    {
      setting: 'naming.conventionTags',
      confidence: 'U',
      note: 'REPACK and REAL are used by convention; accepted with a warning.',
    },
    {
      setting: 'archive.volumeSizes.measures',
      confidence: 'U',
      note: 'The allowed sizes are read as inner RAR volume sizes; each ZIP is a few KB larger.',
    },
    {
      setting: 'archive.volumeSizes.climbAt',
      confidence: 'U',
      note: 'The eBOOK rules state no step-up rule; the TV one (10 volumes) is borrowed to pick sizes, not enforced.',
    },
    {
      setting: 'archive.maxVolumes',
      confidence: 'S',
      note: '"At most 99 files" is read as at most 99 ZIP disks (two-digit DIZ counter).',
    },
    {
      setting: 'archive.rar.version',
      confidence: 'U',
      note: 'RAR4, no recovery record, old-style volume names: the safe choice.',
    },
    {
      setting: 'archive.zip.nfoInEveryDisk',
      confidence: 'U',
      note: 'NFO and DIZ in every ZIP is the 0day convention.',
    },
    {
      setting: 'archive.zip.method',
      confidence: 'U',
      note: 'ZIP compression method is not stated; store is chosen.',
    },
    {
      setting: 'nfo.encoding',
      confidence: 'U',
      note: 'No ruleset sets the encoding; CP437 on an 80-column display is the convention.',
    },
    {
      setting: 'nfo.lineEnding',
      confidence: 'U',
      note: 'CRLF line endings, the DOS convention of NFO and DIZ files.',
    },
    {
      setting: 'diz.counter',
      confidence: 'U',
      note: 'The exact counter literal is unconfirmed; [NN/TT] with two digits is used.',
    },
    {
      setting: 'files.names.lowercase',
      confidence: 'U',
      note: 'Lowercase ZIP names are recommended, not required.',
    },
  ],
};
