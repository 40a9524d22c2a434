export type { LineEnding, TextEncoding } from './encode.js';
export {
  renderTemplate,
  type RenderOptions,
  type RenderResult,
  type TemplateWarning,
  type TemplateWarningCode,
} from './render.js';
