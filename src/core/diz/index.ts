export { DEFAULT_DIZ_TEMPLATE } from './template.js';
export {
  dizCounter,
  readDizCounters,
  renderDiz,
  renderDizSet,
  type DiskCounter,
  type DizRequest,
} from './render.js';
