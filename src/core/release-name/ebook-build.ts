/**
 * Builds eBOOK and DOCS release names from metadata (scene-rules.md §1.2). Failures the user can
 * fix (no title, no year, a bad group, a format the rules refuse) throw AppErrors with stable
 * codes; the result keeps the full title for the NFO when the name had to shorten it.
 */
import { AppError } from '../../shared/errors.js';
import type { EbookProfile } from '../rules/index.js';
import { formatEbookName, type EbookNameFields } from './ebook-name.js';
import { assembleHead, type EbookKind } from './ebook-head.js';
import { assertGroup } from './group.js';
import { languageTag, resolveLanguage } from './languages.js';
import { assertYear, invalidName } from './name-errors.js';
import { fitToLength } from './shorten.js';

export interface EbookNameInput {
  kind?: EbookKind;
  title: string;
  author?: string | null;
  publisher?: string | null;
  /** 3 → 3rd.Edition; text is kept ("Revised Edition", "v2.1"). */
  edition?: string | number | null;
  /** Comics and manga: 23 → Vol.23. */
  volume?: string | number | null;
  /** Magazines and comics: 3 → No.03; text such as "NR03" is kept. */
  issue?: string | number | null;
  /** Month, week or day label: "September", "23 December", "Dec". */
  date?: string | null;
  year: number | string | null | undefined;
  /** ISO 639 code, region variant or name; empty means English. */
  language?: string | null;
  /** RETAIL, HYBRID or SCAN, any case. */
  source: string;
  /** Payload format: PDF, EPUB, CBZ, KF8 (or AZW3), AZW, MOBI, PRC. */
  format: string;
  extraTags?: readonly string[];
  group: string;
  /** Pack a format outside the rules (DOCX, ODT, RTF, TXT) as a non-scene iNTERNAL release. */
  allowNonSceneFormat?: boolean;
}

export interface BuiltName<F> {
  name: string;
  fields: F;
  /** The complete title as given, for the NFO. */
  fullTitle: string;
  titleShortened: boolean;
}

const FORMAT_ALIASES: Readonly<Record<string, string>> = { AZW3: 'KF8' };

export function buildEbookName(
  input: EbookNameInput,
  profile: EbookProfile,
): BuiltName<EbookNameFields> {
  const group = assertGroup(input.group.trim(), profile);
  const year = assertYear(input.year);
  const source = canonicalSource(input.source, profile);
  const format = formatTag(input.format, source, profile, input.allowNonSceneFormat === true);
  const extraTags = canonicalExtras(input.extraTags ?? [], format, profile);
  const kind = input.kind ?? 'fiction';
  const fields: EbookNameFields = {
    head: '',
    year,
    language: ebookLanguage(input.language, profile),
    source,
    extraTags,
    typeTag: profile.naming.typeTags[kind] ?? null,
    format: format.tag,
    unknownTags: [],
    marker: profile.naming.typeMarker,
    group,
  };
  const parts = assembleHead(kind, input, profile);
  const render = (head: string) => formatEbookName({ ...fields, head });
  const fitted = fitToLength(parts, render, profile.naming.maxLength);
  const name = formatEbookName({ ...fields, head: fitted.head });
  return {
    name,
    fields: { ...fields, head: fitted.head },
    fullTitle: input.title.trim(),
    titleShortened: fitted.titleShortened,
  };
}

/** DOCS follow the technical-literature naming of the eBOOK rules. */
export function buildDocsName(
  input: Omit<EbookNameInput, 'kind'>,
  profile: EbookProfile,
): BuiltName<EbookNameFields> {
  return buildEbookName({ ...input, kind: 'technical' }, profile);
}

function canonicalSource(source: string, profile: EbookProfile): string {
  const found = profile.naming.sourceTags.find(
    (tag) => tag.toUpperCase() === source.trim().toUpperCase(),
  );
  if (found === undefined) {
    throw invalidName(
      'source',
      `Source "${source}" is not one of ${profile.naming.sourceTags.join(', ')}`,
    );
  }
  return found;
}

interface FormatChoice {
  tag: string | null;
  nonScene: boolean;
}

function formatTag(
  input: string,
  source: string,
  profile: EbookProfile,
  allowNonScene: boolean,
): FormatChoice {
  const upper = input.trim().toUpperCase().replace(/^\./, '');
  const format = FORMAT_ALIASES[upper] ?? upper;
  const known = profile.naming.formats.find((f) => f.format === format);
  if (known !== undefined) {
    if (source.toUpperCase() === 'SCAN' && known.tag !== null) {
      throw formatRefused(format, 'SCAN releases must be PDF');
    }
    return { tag: known.tag, nonScene: false };
  }
  if (profile.naming.nonSceneFormats.includes(format) && allowNonScene) {
    return { tag: format, nonScene: true };
  }
  throw formatRefused(format, `${format} is not a format the ${profile.id} rules accept`);
}

function formatRefused(format: string, message: string): AppError {
  return new AppError('release.format_not_allowed', message, { details: { format } });
}

function canonicalExtras(
  tags: readonly string[],
  format: FormatChoice,
  profile: EbookProfile,
): string[] {
  const known = [...profile.naming.extraTags, ...profile.naming.conventionTags];
  const out: string[] = [];
  for (const tag of tags) {
    const found = known.find((k) => k.toUpperCase() === tag.trim().toUpperCase());
    if (found === undefined) {
      throw invalidName('extraTags', `Tag "${tag}" is not allowed; use ${known.join(', ')}`);
    }
    if (!out.includes(found)) {
      out.push(found);
    }
  }
  // A non-scene format is only acceptable as an internal release (scene-rules.md §3).
  if (format.nonScene && !out.includes(profile.naming.nonSceneTag)) {
    out.push(profile.naming.nonSceneTag);
  }
  return out;
}

function ebookLanguage(input: string | null | undefined, profile: EbookProfile): string | null {
  if (input === null || input === undefined || input.trim() === '') {
    return null;
  }
  const language = resolveLanguage(input);
  if (language === null) {
    throw invalidName('language', `Language "${input}" is not a known ISO 639 code or name`);
  }
  return languageTag(language, profile.naming.languageStyle);
}
