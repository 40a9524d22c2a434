/**
 * Renders a user-editable template from a plain data object into the bytes of an NFO or DIZ,
 * and reports what a reader would trip over: lines wider than the limit (naming the line), too
 * many lines, cut values, characters the encoding cannot show. Used by the packer and by the
 * HTTP template preview alike.
 */
import { LiquidError, type Liquid, type Template } from 'liquidjs';
import { AppError } from '../../shared/errors.js';
import { encodeText, type LineEnding, type TextEncoding } from './encode.js';
import { createEngine, OutputLimitError, renderBounded, type EngineLimits } from './engine.js';
import { columns } from './layout.js';
import { rewriteLegacyBlocks } from './legacy.js';

export interface RenderOptions {
  encoding?: TextEncoding;
  lineEnding?: LineEnding;
  /** Columns per line before a warning; null for no limit. */
  maxWidth?: number | null;
  /** Lines before a warning; null for no limit. */
  maxLines?: number | null;
  timeLimitMs?: number;
  maxOutputChars?: number;
}

export type TemplateWarningCode =
  | 'line_too_wide'
  | 'too_many_lines'
  | 'value_truncated'
  | 'not_encodable'
  /** A field the ruleset makes mandatory is empty or not in the template (NFO). */
  | 'missing_field'
  /** The disk counter is missing or does not match its disk (DIZ). */
  | 'diz_counter';

export interface TemplateWarning {
  code: TemplateWarningCode;
  /** 1-based line of the output, when the warning is about one line. */
  line: number | null;
  message: string;
}

export interface RenderResult {
  /** The text as written, lines joined with "\n". */
  text: string;
  /** The file content: encoded, with the chosen line endings. */
  bytes: Buffer;
  warnings: TemplateWarning[];
}

const DEFAULTS = {
  encoding: 'cp437',
  lineEnding: 'crlf',
  maxWidth: 80,
  maxLines: null,
  timeLimitMs: 500,
  maxOutputChars: 256 * 1024,
} as const;

const TAB_STOP = 8;

export function renderTemplate(
  source: string,
  data: Readonly<Record<string, unknown>>,
  options: RenderOptions = {},
): RenderResult {
  const settings = { ...DEFAULTS, ...options };
  const warnings: TemplateWarning[] = [];
  const limits: EngineLimits = {
    timeLimitMs: settings.timeLimitMs,
    maxOutputChars: settings.maxOutputChars,
    memoryLimit: Math.max(10_000_000, settings.maxOutputChars * 8),
  };
  const liquid = createEngine(
    (w) => warnings.push({ code: 'value_truncated', line: null, message: w.message }),
    limits,
  );
  const templates = parseTemplate(liquid, source);
  const raw = runTemplate(liquid, templates, data, limits);
  const encoded = encodeText(
    expandTabs(raw.replace(/\r\n?/g, '\n')),
    settings.encoding,
    settings.lineEnding,
  );
  warnings.push(...encoded.warnings.map((w) => ({ code: 'not_encodable' as const, ...w })));
  warnings.push(...lineWarnings(encoded.text, settings.maxWidth, settings.maxLines));
  return { text: encoded.text, bytes: encoded.bytes, warnings };
}

function parseTemplate(liquid: Liquid, source: string): Template[] {
  try {
    return liquid.parse(rewriteLegacyBlocks(source));
  } catch (error) {
    throw new AppError(
      'template.render_failed',
      `The template cannot be read: ${describe(error)}`,
      {
        details: { reason: 'syntax', ...position(error) },
        cause: error,
      },
    );
  }
}

function runTemplate(
  liquid: Liquid,
  templates: Template[],
  data: object,
  limits: EngineLimits,
): string {
  try {
    return renderBounded(liquid, templates, data, limits.maxOutputChars);
  } catch (error) {
    throw renderFailure(error, limits);
  }
}

function renderFailure(error: unknown, limits: EngineLimits): AppError {
  const root = rootCause(error);
  const text = error instanceof Error ? error.message : String(error);
  if (root instanceof OutputLimitError) {
    return new AppError(
      'template.output_too_large',
      `The template produced more than ${limits.maxOutputChars} characters and was stopped`,
      { details: { reason: 'output_limit', limit: limits.maxOutputChars }, cause: error },
    );
  }
  if (text.includes('template render limit exceeded')) {
    return new AppError(
      'template.render_failed',
      `The template ran longer than ${limits.timeLimitMs} ms and was stopped (a loop that does not end?)`,
      { details: { reason: 'time_limit', limit: limits.timeLimitMs }, cause: error },
    );
  }
  if (text.includes('memory alloc limit exceeded')) {
    return new AppError(
      'template.render_failed',
      'The template does too much work (a loop over too many items, or text built too large) and was stopped',
      { details: { reason: 'memory_limit', ...position(error) }, cause: error },
    );
  }
  return new AppError('template.render_failed', `The template failed: ${describe(error)}`, {
    details: { reason: 'render', ...position(error) },
    cause: error,
  });
}

function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof LiquidError && current.originalError !== undefined) {
    current = current.originalError;
  }
  return current;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function position(error: unknown): { line?: number; column?: number } {
  const match = /line:(\d+), col:(\d+)/.exec(describe(error));
  return match === null ? {} : { line: Number(match[1]), column: Number(match[2]) };
}

function expandTabs(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line.replace(/[^\t]*\t/g, (chunk) => {
        const before = chunk.slice(0, -1);
        return before + ' '.repeat(TAB_STOP - (columns(before) % TAB_STOP));
      }),
    )
    .join('\n');
}

function lineWarnings(
  text: string,
  maxWidth: number | null,
  maxLines: number | null,
): TemplateWarning[] {
  const lines = text.split('\n');
  const warnings: TemplateWarning[] = [];
  if (maxWidth !== null) {
    lines.forEach((line, i) => {
      const width = columns(line);
      if (width > maxWidth) {
        const start = Array.from(line).slice(0, 40).join('').trim();
        warnings.push({
          code: 'line_too_wide',
          line: i + 1,
          message: `Line ${i + 1} is ${width} columns wide (limit ${maxWidth}): "${start}…"`,
        });
      }
    });
  }
  const count = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  if (maxLines !== null && count > maxLines) {
    warnings.push({
      code: 'too_many_lines',
      line: maxLines + 1,
      message: `The text has ${count} lines (limit ${maxLines}); line ${maxLines + 1} and after are over`,
    });
  }
  return warnings;
}
