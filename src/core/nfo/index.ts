export {
  formatBitrate,
  formatChannels,
  formatFps,
  formatMegabytes,
  formatRuntime,
  formatVolumes,
} from './format.js';
export { defaultNfoTemplate, missingFields, renderNfo, type NfoRequest } from './render.js';
export {
  ebookNfoVariables,
  tvNfoVariables,
  type AudioTrack,
  type DiskFacts,
  type EbookNfoFacts,
  type NfoVariables,
  type TvNfoFacts,
} from './variables.js';
