export { formatVolumes } from './format.js';
export { defaultNfoTemplate, renderNfo, type NfoRequest } from './render.js';
export {
  ebookNfoVariables,
  tvNfoVariables,
  type AudioTrack,
  type DiskFacts,
  type EbookNfoFacts,
  type NfoVariables,
  type TvNfoFacts,
} from './variables.js';
export { sampleNfoVariables } from './sample.js';
