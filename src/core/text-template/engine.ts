/**
 * A LiquidJS engine that is safe for templates users write: no file system (include, render and
 * layout are refused), no clock ('now' is refused: dates come in the data), no prototype access,
 * bounded time, bounded memory and bounded output.
 */
import {
  CaptureTag,
  Context,
  Liquid,
  Tag,
  filters as builtinFilters,
  toValueSync,
  type Emitter,
  type TagToken,
  type TopLevelToken,
  type Template,
} from 'liquidjs';
import { layoutFilters, type FilterWarning } from './filters.js';
import { displayValue } from './layout.js';

export interface EngineLimits {
  timeLimitMs: number;
  /** Characters of output. */
  maxOutputChars: number;
  /** Units of Liquid's own allocation counter (ranges, string building). */
  memoryLimit: number;
}

/** Thrown by the emitter; the renderer turns it into `template.output_too_large`. */
export class OutputLimitError extends Error {}

const REFUSED_TAGS = ['include', 'render', 'layout'];

export function createEngine(warn: (w: FilterWarning) => void, limits: EngineLimits): Liquid {
  const liquid = new Liquid({
    templates: {},
    relativeReference: false,
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    // "" and 0 are false in {% if %}, as the earlier templates expect of an empty ISBN.
    jsTruthy: true,
    timezoneOffset: 0,
    parseLimit: 200_000,
    renderLimit: limits.timeLimitMs,
    memoryLimit: limits.memoryLimit,
  });
  for (const [name, filter] of Object.entries(layoutFilters(warn))) {
    liquid.registerFilter(name, filter);
  }
  liquid.registerFilter('date', dateWithoutClock);
  liquid.registerTag('capture', BoundedCapture);
  for (const name of REFUSED_TAGS) {
    liquid.registerTag(name, refusedTag(name));
  }
  return liquid;
}

/** Renders parsed templates synchronously into a bounded buffer. */
export function renderBounded(
  liquid: Liquid,
  templates: Template[],
  data: object,
  maxOutputChars: number,
): string {
  const context = new Context(data, liquid.options, { sync: true }, { liquid });
  const emitter: Emitter = {
    buffer: '',
    write(html: unknown) {
      const text = outputText(html);
      if (this.buffer.length + text.length > maxOutputChars) {
        throw new OutputLimitError(`more than ${maxOutputChars} characters`);
      }
      this.buffer += text;
    },
  };
  toValueSync(liquid.renderer.renderTemplates(templates, context, emitter));
  return emitter.buffer;
}

/** What Liquid itself writes for a value: lists run together, like `{{ list }}` in Liquid. */
function outputText(value: unknown): string {
  return Array.isArray(value) ? value.map(outputText).join('') : displayValue(value);
}

/** Liquid's capture, with the captured text counted against the memory limit. */
class BoundedCapture extends CaptureTag {
  override *render(ctx: Context): Generator<unknown, void, string> {
    yield* super.render(ctx);
    const value: unknown = ctx.bottom()[this.variable];
    ctx.memoryLimit.use(typeof value === 'string' ? value.length : 0);
  }
}

function refusedTag(name: string) {
  return class extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      throw new Error(`the ${name} tag is not available: templates cannot read other files`);
    }
    render(): void {
      // never reached: the constructor refuses the tag while parsing
    }
  };
}

function dateWithoutClock(this: unknown, value: unknown, ...args: unknown[]): unknown {
  if (typeof value === 'string' && ['now', 'today'].includes(value.trim().toLowerCase())) {
    throw new Error(`"${value}" is not available: use release_date from the data`);
  }
  const builtin = builtinFilters.date as (this: unknown, ...a: unknown[]) => unknown;
  return builtin.call(this, value, ...args);
}
