export { toNameComponent } from './components.js';
export { transliterate } from './transliterate.js';
export {
  languageDisplayName,
  languageOfToken,
  languageTag,
  resolveLanguage,
  type Language,
} from './languages.js';
export {
  buildDocsName,
  buildEbookName,
  type BuiltName,
  type EbookNameInput,
} from './ebook-build.js';
export { EBOOK_KINDS, type EbookKind } from './ebook-head.js';
export {
  formatEbookName,
  parseEbookName,
  type EbookNameFields,
  type ParseResult,
} from './ebook-name.js';
export { buildTvName, type TvNameInput } from './tv-build.js';
export { chooseTvFormat, type TvFormatChoice, type TvMediaFacts } from './tv-format.js';
export {
  episodeMarker,
  formatTvName,
  parseTvName,
  type TvEpisode,
  type TvNameFields,
} from './tv-name.js';
export { canonicalTvTags, checkTvTags, type TagProblem } from './tv-tags.js';
export type { NameContext, NameFinding } from './findings.js';
export { validateReleaseName } from './validate.js';
export {
  dosDiskNames,
  ebookReleaseFiles,
  isDos83,
  rarVolumeNames,
  tvFileStem,
  tvReleaseFiles,
  type EbookReleaseFiles,
  type TvReleaseFiles,
} from './file-names.js';
