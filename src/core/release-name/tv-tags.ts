/**
 * TV tag rules (TV16 §15.1, WDX §18): tags come from the profile's whitelist, READ.NFO and RNFO
 * are misspellings, READNFO never goes with PROPER/REPACK/RERIP, and no tag repeats except REAL.
 */
import type { TvProfile } from '../rules/index.js';

export interface TagProblem {
  rule: 'tv.tags_unknown' | 'tv.tags_variant' | 'tv.tags_repeated' | 'tv.tags_exclusive';
  message: string;
}

type Naming = TvProfile['naming'];

/** The profile's spelling of each tag; unknown tags are returned as given. */
export function canonicalTvTags(tags: readonly string[], naming: Naming): string[] {
  return tags.map((tag) => {
    const wanted = tag.trim().toUpperCase();
    return naming.tags.find((known) => known.toUpperCase() === wanted) ?? tag.trim();
  });
}

export function checkTvTags(tags: readonly string[], naming: Naming): TagProblem[] {
  const upper = tags.map((tag) => tag.toUpperCase());
  return [
    ...unknownTags(tags, naming),
    ...repeatedTags(upper, naming),
    ...exclusiveTags(upper, naming),
  ];
}

function unknownTags(tags: readonly string[], naming: Naming): TagProblem[] {
  const known = new Set(naming.tags.map((tag) => tag.toUpperCase()));
  const variants = new Set(naming.tagRules.forbiddenVariants.map((tag) => tag.toUpperCase()));
  return tags.flatMap((tag): TagProblem[] => {
    if (variants.has(tag.toUpperCase())) {
      return [{ rule: 'tv.tags_variant', message: `"${tag}" is a misspelling: write READNFO` }];
    }
    if (!known.has(tag.toUpperCase())) {
      return [{ rule: 'tv.tags_unknown', message: `"${tag}" is not a tag this ruleset allows` }];
    }
    return [];
  });
}

function repeatedTags(upper: readonly string[], naming: Naming): TagProblem[] {
  const stackable = new Set(naming.tagRules.stackable.map((tag) => tag.toUpperCase()));
  const repeated = upper.filter((tag, i) => upper.indexOf(tag) !== i && !stackable.has(tag));
  return [...new Set(repeated)].map((tag) => ({
    rule: 'tv.tags_repeated' as const,
    message: `${tag} appears more than once; only ${naming.tagRules.stackable.join(', ')} may repeat`,
  }));
}

function exclusiveTags(upper: readonly string[], naming: Naming): TagProblem[] {
  return naming.tagRules.exclusive.flatMap(({ tag, notWith }) => {
    if (!upper.includes(tag.toUpperCase())) {
      return [];
    }
    const clashes = notWith.filter((other) => upper.includes(other.toUpperCase()));
    return clashes.map((other) => ({
      rule: 'tv.tags_exclusive' as const,
      message: `${tag} is never combined with ${other}`,
    }));
  });
}
