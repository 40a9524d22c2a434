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
export type { NameContext, NameFinding } from './findings.js';
export { guessEbookSource, nameWords, parseReleaseName, type ParsedName } from './identify.js';
export { languageDisplayName, resolveLanguage, type Language } from './languages.js';
export { buildTvName, type TvNameInput } from './tv-build.js';
export { type TvFormatChoice, type TvMediaFacts } from './tv-format.js';
export { formatTvName, parseTvName, type TvEpisode, type TvNameFields } from './tv-name.js';
export { validateReleaseName } from './validate.js';
