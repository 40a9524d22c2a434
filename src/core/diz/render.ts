/**
 * FILE_ID.DIZ for each ZIP disk: rendered with the profile's DIZ limits (44 columns, 30 lines,
 * both warnings by the rules' own word) and checked for a [NN/TT] counter matching its disk.
 */
import type { EbookProfile } from '../rules/index.js';
import {
  renderTemplate,
  type LineEnding,
  type RenderResult,
  type TemplateWarning,
  type TextEncoding,
} from '../text-template/index.js';
import { DEFAULT_DIZ_TEMPLATE } from './template.js';

export interface DizRequest {
  profile: EbookProfile;
  variables: Readonly<Record<string, unknown>>;
  /** 1-based disk number. */
  disk: number;
  total: number;
  /** A user template; the default when absent. */
  template?: string | null;
  timeLimitMs?: number;
  /** Overrides the profile's encoding (CP437 by default) and line endings. */
  encoding?: TextEncoding;
  lineEnding?: LineEnding;
}

export interface DiskCounter {
  disk: number;
  total: number;
}

const COUNTER = /\[\s*0*(\d+)\s*\/\s*0*(\d+)\s*\]/g;

export function dizCounter(disk: number, total: number): string {
  return `[${pad(disk)}/${pad(total)}]`;
}

/** Every [NN/TT] counter in a DIZ text, as numbers (the checker reads DIZ files with it). */
export function readDizCounters(text: string): DiskCounter[] {
  return [...text.matchAll(COUNTER)].map((m) => ({ disk: Number(m[1]), total: Number(m[2]) }));
}

export function renderDiz(request: DizRequest): RenderResult {
  assertDisk(request.disk, request.total, request.profile);
  const template = request.template ?? DEFAULT_DIZ_TEMPLATE;
  const { diz } = request.profile;
  const variables = {
    ...request.variables,
    disk_number: request.disk,
    disk_total: request.total,
    disk_counter: dizCounter(request.disk, request.total),
  };
  const result = renderTemplate(template, variables, {
    encoding: request.encoding ?? diz.encoding,
    lineEnding: request.lineEnding ?? diz.lineEnding,
    maxWidth: diz.maxWidth,
    maxLines: diz.maxLines,
    ...(request.timeLimitMs === undefined ? {} : { timeLimitMs: request.timeLimitMs }),
  });
  const counter = counterWarnings(result.text, request.disk, request.total);
  return { ...result, warnings: [...result.warnings, ...counter] };
}

/** One DIZ per disk, 1 to `total`, in disk order. */
export function renderDizSet(request: Omit<DizRequest, 'disk'>): RenderResult[] {
  return Array.from({ length: request.total }, (_, i) => renderDiz({ ...request, disk: i + 1 }));
}

function counterWarnings(text: string, disk: number, total: number): TemplateWarning[] {
  const counters = readDizCounters(text);
  if (counters.length === 0) {
    return [warning(`The DIZ shows no disk counter; the rules want ${dizCounter(disk, total)}`)];
  }
  return counters
    .filter((c) => c.disk !== disk || c.total !== total)
    .map((c) =>
      warning(
        `The DIZ counter says ${dizCounter(c.disk, c.total)} but this is disk ${dizCounter(disk, total)}`,
      ),
    );
}

function warning(message: string): TemplateWarning {
  return { code: 'diz_counter', line: null, message };
}

function assertDisk(disk: number, total: number, profile: EbookProfile): void {
  const ok =
    Number.isInteger(disk) &&
    Number.isInteger(total) &&
    disk >= 1 &&
    disk <= total &&
    total <= profile.archive.maxVolumes;
  if (!ok) {
    throw new RangeError(`disk ${disk} of ${total} is not a disk of a ${profile.id} release`);
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
