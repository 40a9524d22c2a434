/**
 * The tokens parsers recognise, gathered from every profile so a name made under one ruleset can
 * be read (and then judged) under another. Lookups are by upper case; values keep the profile's
 * spelling.
 */
import { listProfiles } from '../rules/index.js';

function upperMap(tokens: Iterable<string>): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const token of tokens) {
    map.set(token.toUpperCase(), token);
  }
  return map;
}

function collect<T>(pick: (profile: ReturnType<typeof listProfiles>[number]) => T[]): T[] {
  return listProfiles().flatMap(pick);
}

const ebookNaming = collect((p) => (p.family === 'ebook' ? [p.naming] : []));
const tvNaming = collect((p) => (p.family === 'tv' ? [p.naming] : []));

export const EBOOK_VOCABULARY = {
  markers: upperMap(ebookNaming.map((n) => n.typeMarker)),
  sources: upperMap(ebookNaming.flatMap((n) => n.sourceTags)),
  formats: upperMap(
    ebookNaming.flatMap((n) => [
      ...n.formats.flatMap((f) => (f.tag === null ? [] : [f.tag])),
      ...n.nonSceneFormats,
    ]),
  ),
  extras: upperMap(ebookNaming.flatMap((n) => [...n.extraTags, ...n.conventionTags])),
  types: upperMap(ebookNaming.flatMap((n) => Object.values(n.typeTags))),
};

export const TV_VOCABULARY = {
  sources: upperMap(tvNaming.flatMap((n) => n.formats.map((f) => f.source))),
  codecs: upperMap(tvNaming.flatMap((n) => n.formats.map((f) => f.codec))),
  tags: upperMap(tvNaming.flatMap((n) => [...n.tags, ...n.tagRules.forbiddenVariants])),
  shortLanguages: upperMap(tvNaming.flatMap((n) => n.languageShortForms)),
  specialMarkers: upperMap(tvNaming.map((n) => n.specialMarker)),
};

/** The longest multi-token tag, in dot-separated tokens (ALTERNATIVE.CUT → 2). */
export const LONGEST_TV_TAG = Math.max(
  ...[...TV_VOCABULARY.tags.keys(), ...TV_VOCABULARY.sources.keys()].map(
    (tag) => tag.split('.').length,
  ),
);
