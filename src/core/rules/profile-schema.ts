/**
 * The shape of a ruleset profile. Profiles are data (one file each under `profiles/`), parsed
 * through this schema when the registry loads, so a typo in a profile fails at start-up and in the
 * tests rather than in a release. Every fact the reference marks unconfirmed is a setting here,
 * and the profile's `assumptions` list says which settings are such choices and why.
 */
import { z } from 'zod';
import { RELEASE_TYPES } from '../../domain/enums.js';

/** Confidence labels of `scene-rules.md`: Primary, Condensed copy, Secondary, Unconfirmed. */
const CONFIDENCE_LABELS = ['P', 'C', 'S', 'U'] as const;

const regexSource = z.string().refine(isRegex, { message: 'not a valid regular expression' });
const positiveInt = z.number().int().positive();

const assumptionSchema = z.object({
  /** Dotted path of the profile setting this choice fills in. */
  setting: z.string().min(1),
  confidence: z.enum(CONFIDENCE_LABELS),
  note: z.string().min(1),
});

const volumeSizesSchema = z
  .object({
    /** Sizes allowed as they are, smallest first (eBOOK list, SD 15/20 MB). */
    fixed: z.array(positiveInt),
    /** Whether the fixed sizes apply only to standard-definition video (WDX). */
    fixedOnlyForSd: z.boolean(),
    /** Any positive multiple of this many bytes is allowed too (TV), or null. */
    multipleOf: positiveInt.nullable(),
    /**
     * The step-up rule, enforced: a multiple n > 1 is allowed only when the multiple n-1 would
     * give at least this many volumes. Null where the rules state none.
     */
    stepUpMinVolumes: positiveInt.nullable(),
    /**
     * How a packer picks among legal sizes: `smallest` takes the smallest size that fits the
     * volume cap; `climb` starts at the smallest and moves one size up while the current one
     * gives at least `climbAt` volumes.
     */
    prefer: z.enum(['smallest', 'climb']),
    climbAt: positiveInt,
    /** What the sizes measure; eBOOK sizes are read as inner RAR volume sizes. */
    measures: z.enum(['rar-volume']),
  })
  .refine((v) => v.fixed.length > 0 || v.multipleOf !== null, {
    message: 'a profile needs fixed sizes or a multiple',
  });

const archiveSchema = z.object({
  layout: z.enum(['zip-diz', 'rar-sfv']),
  rar: z.object({
    version: z.enum(['rar4']),
    method: z.enum(['store']),
    recoveryRecord: z.literal(false),
    encrypted: z.literal(false),
    /** `.rar`, `.r00` … `.r99` */
    volumeNaming: z.enum(['old-style']),
    /** Longest allowed RAR file name including its extension, or null for no limit. */
    maxNameLength: positiveInt.nullable(),
    /** Files the RAR set holds: one payload (book or MKV). */
    payloadFiles: positiveInt,
  }),
  zip: z
    .object({
      method: z.enum(['store', 'deflate']),
      nameStyle: z.enum(['dos-8.3']),
      /** Each disk holds exactly one RAR volume. */
      volumesPerDisk: z.literal(1),
      nfoInEveryDisk: z.boolean(),
      dizInEveryDisk: z.boolean(),
    })
    .nullable(),
  volumeSizes: volumeSizesSchema,
  maxVolumes: positiveInt,
  sfv: z.enum(['required-one', 'forbidden']),
});

const whereSchema = z.enum(['root', 'disk', 'sample-dir', 'proof-dir', 'anywhere']);

const requiredFileSchema = z.object({
  id: z.string().min(1),
  where: whereSchema,
  /** Matched case-insensitively against the bare file name. */
  pattern: regexSource,
  min: z.number().int().nonnegative(),
  max: positiveInt.nullable(),
  explanation: z.string().min(1),
});

const forbiddenFileSchema = requiredFileSchema.omit({ min: true, max: true });

const filesSchema = z.object({
  required: z.array(requiredFileSchema),
  forbidden: z.array(forbiddenFileSchema),
  allowedDirs: z.array(z.string()),
  forbiddenDirs: z.array(z.string()),
  names: z.object({
    /** Which produced files the name rules apply to. */
    appliesTo: z.array(z.enum(['rar', 'sfv', 'nfo', 'sample', 'proof', 'zip', 'diz'])),
    lowercase: z.boolean(),
    groupTag: z.enum(['required', 'none']),
    noSpaces: z.boolean(),
    /** Kinds of file whose names must be DOS 8.3. */
    dos83: z.array(z.enum(['zip'])),
    /** `release`: the lowercased release name; `group-prefix`: `grp-show.s01e01.720p`. */
    stemStyle: z.enum(['release', 'group-prefix']),
  }),
});

const nfoFieldSchema = z.object({
  id: z.string().min(1),
  /** Template variables that satisfy the field; any one of them is enough. */
  anyOf: z.array(z.string().min(1)).min(1),
  when: z.enum(['always', 'retail', 'transcode', 'fix']),
  explanation: z.string().min(1),
});

const textFileSchema = {
  maxWidth: positiveInt,
  encoding: z.enum(['cp437', 'utf8']),
  lineEnding: z.enum(['crlf', 'lf']),
  /** Whether breaking the size limits is a warning rather than an error. */
  limitsAreWarnings: z.boolean(),
};

const nfoSchema = z.object({
  ...textFileSchema,
  requiredFields: z.array(nfoFieldSchema),
});

const dizSchema = z.object({
  ...textFileSchema,
  fileName: z.string().min(1),
  maxLines: positiveInt,
  /** The disk counter literal; NN is the disk, TT the total, both two digits. */
  counter: z.literal('[NN/TT]'),
});

const sampleSchema = z.object({
  count: positiveInt,
  minSeconds: positiveInt,
  maxSeconds: positiveInt,
  dir: z.string().min(1),
  archived: z.literal(false),
  containers: z.array(z.string().min(1)),
});

const namingBase = {
  /** One character class; every character of a release name must belong to it. */
  allowedCharacters: regexSource,
  maxLength: positiveInt,
  /** `forbid`: no `..`, `.-`, `_.` …; `allow-spaced-dash`: also accept exactly `.-.`. */
  punctuationRuns: z.enum(['forbid', 'allow-spaced-dash']),
  groupPattern: regexSource,
  /** `upper`: FRENCH, iTALiAN as ITALIAN; `scene-i`: every I written as i (SWEDiSH). */
  languageStyle: z.enum(['upper', 'scene-i']),
  /** Human-readable naming templates, keyed by the kind of release. */
  templates: z.record(z.string(), z.string()),
};

const ebookFormatSchema = z.object({
  /** Payload format as detected (upper case), e.g. EPUB. */
  format: z.string().min(1),
  /** Dirname token, or null when the format is the implied default (PDF). */
  tag: z.string().min(1).nullable(),
});

const ebookNamingSchema = z.object({
  ...namingBase,
  typeMarker: z.string().min(1),
  sourceTags: z.array(z.string().min(1)).min(1),
  formats: z.array(ebookFormatSchema).min(1),
  /** Formats outside the rules, packed only when the caller allows non-scene output. */
  nonSceneFormats: z.array(z.string().min(1)),
  /** Tag a non-scene release must carry. */
  nonSceneTag: z.string().min(1),
  extraTags: z.array(z.string().min(1)),
  /** Tags seen in real releases but not named by the rules: accepted with a warning. */
  conventionTags: z.array(z.string().min(1)),
  typeTags: z.record(z.string(), z.string()),
  issuePrefix: z.string().min(1),
});

const resolutionClassSchema = z.object({
  /** Dirname token, or null for standard definition. */
  token: z.string().min(1).nullable(),
  maxWidth: positiveInt,
  maxHeight: positiveInt,
});

const tvFormatSchema = z.object({
  source: z.string().min(1),
  codec: z.string().min(1),
  /** `untouched` streams keep their codec name, `transcode` names the encoder. */
  origin: z.enum(['untouched', 'transcode', 'broadcast']),
  /** Resolution tokens allowed with this format; null stands for "no token". */
  resolutions: z.array(z.string().min(1).nullable()).min(1),
});

const tagRulesSchema = z.object({
  exclusive: z.array(z.object({ tag: z.string(), notWith: z.array(z.string()) })),
  stackable: z.array(z.string()),
  forbiddenVariants: z.array(z.string()),
});

const tvNamingSchema = z.object({
  ...namingBase,
  formats: z.array(tvFormatSchema).min(1),
  resolutionClasses: z.array(resolutionClassSchema).min(1),
  tags: z.array(z.string().min(1)),
  tagRules: tagRulesSchema,
  languageShortForms: z.array(z.string().min(1)),
  /** Whether single-episode titles (features) carry the codec token like the other templates. */
  featureIncludesCodec: z.boolean(),
  miniseriesStyle: z.enum(['Part.N', 'PartN']),
  specialMarker: z.string().min(1),
  countryAliases: z.record(z.string(), z.string()),
});

const common = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Version of this data (semver): bump when a setting changes. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  title: z.string().min(1),
  ruleset: z.string().min(1),
  confidence: z.enum(CONFIDENCE_LABELS),
  mandatoryFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  releaseTypes: z.array(z.enum(RELEASE_TYPES)).min(1),
  archive: archiveSchema,
  files: filesSchema,
  nfo: nfoSchema,
  assumptions: z.array(assumptionSchema),
};

const ebookProfileSchema = z.object({
  ...common,
  family: z.literal('ebook'),
  naming: ebookNamingSchema,
  diz: dizSchema,
  sample: z.null(),
});

const tvProfileSchema = z.object({
  ...common,
  family: z.literal('tv'),
  naming: tvNamingSchema,
  diz: z.null(),
  sample: sampleSchema,
});

export const profileSchema = z.discriminatedUnion('family', [ebookProfileSchema, tvProfileSchema]);

export type RulesetProfile = z.infer<typeof profileSchema>;
export type EbookProfile = z.infer<typeof ebookProfileSchema>;
export type TvProfile = z.infer<typeof tvProfileSchema>;
export type TvFormat = z.infer<typeof tvFormatSchema>;
export type ResolutionClass = z.infer<typeof resolutionClassSchema>;

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
