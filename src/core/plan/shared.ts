/** Pieces both kinds of plan share: texts, file rules and the warnings a user should read. */
import type { RulesetProfile } from '../rules/index.js';
import type { RenderResult } from '../text-template/index.js';
import type { FileRule, PayloadFacts, PlannedText, PlanTemplates } from './types.js';

/** Extensions a file of each detected format may carry without being "renamed". */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  EPUB: ['epub'],
  PDF: ['pdf'],
  MOBI: ['mobi', 'prc', 'azw'],
  KF8: ['azw3', 'kf8', 'azw'],
  AZW3: ['azw3', 'kf8', 'azw'],
  CBZ: ['cbz', 'zip'],
  DOCX: ['docx'],
  ODT: ['odt'],
  RTF: ['rtf'],
  TXT: ['txt', 'text', 'nfo', 'md'],
  MKV: ['mkv'],
  MP4: ['mp4', 'm4v'],
  WEBM: ['webm'],
};

export function toPlannedText(name: string, result: RenderResult): PlannedText {
  return { name, text: result.text, bytes: result.bytes, warnings: result.warnings };
}

export function fileRules(profile: RulesetProfile): PlannedRules {
  const pick = (rule: { id: string; explanation: string }): FileRule => ({
    id: rule.id,
    explanation: rule.explanation,
  });
  return {
    required: profile.files.required.map(pick),
    forbidden: profile.files.forbidden.map(pick),
  };
}

interface PlannedRules {
  required: FileRule[];
  forbidden: FileRule[];
}

/** A file whose name says one format while its content is another is packed as its content. */
export function payloadWarnings(payload: PayloadFacts): string[] {
  const dot = payload.fileName.lastIndexOf('.');
  const extension = dot > 0 ? payload.fileName.slice(dot + 1).toLowerCase() : '';
  const expected = EXTENSIONS[payload.format] ?? [payload.extension];
  if (expected.includes(extension)) {
    return [];
  }
  const shown = extension === '' ? 'has no extension' : `is named .${extension}`;
  return [
    `"${payload.fileName}" ${shown} but its content is ${payload.format}; it is packed as .${payload.extension}`,
  ];
}

/** Template warnings, prefixed with the file they are about. */
export function templateWarnings(
  templates: PlanTemplates | undefined,
  nfo: PlannedText,
  diz?: PlannedText,
): string[] {
  const lines = [
    ...nfo.warnings.map((w) => `NFO: ${w.message}`),
    ...(diz?.warnings ?? []).map((w) => `DIZ: ${w.message}`),
  ];
  // One pass over the payload: its hashes are known only after the NFO is written.
  if (/\b(md5|sha1)\b/.test(templates?.nfo ?? '')) {
    lines.push('NFO: md5 and sha1 are not known before packing (one pass); they stay empty');
  }
  return lines;
}
