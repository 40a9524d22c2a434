export { encodeText, type Encoded, type LineEnding, type TextEncoding } from './encode.js';
export {
  boxLines,
  centerText,
  columns,
  fieldLines,
  padText,
  truncateText,
  wrapText,
  type Align,
} from './layout.js';
export {
  renderTemplate,
  type RenderOptions,
  type RenderResult,
  type TemplateWarning,
  type TemplateWarningCode,
} from './render.js';
