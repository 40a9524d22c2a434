/**
 * The fixed-width filters templates use, on top of Liquid's own. Widths are columns; every filter
 * works line by line on multi-line values, so they compose (`value | field: "Title" | box`).
 * `truncate` replaces Liquid's own so cutting a value is always reported.
 */
import type { FilterImplOptions } from 'liquidjs';
import {
  boxLines,
  centerText,
  displayValue,
  fieldLines,
  padText,
  truncateText,
  wrapText,
  type Align,
} from './layout.js';

export interface FilterWarning {
  message: string;
}

const MAX_REPEAT = 1_000;

export function layoutFilters(warn: (w: FilterWarning) => void): Record<string, FilterImplOptions> {
  return {
    center: (value: unknown, width: unknown) => centerText(displayValue(value), count(width, 80)),
    pad: (value: unknown, width: unknown, align: unknown = 'left') =>
      padText(displayValue(value), count(width, 80), alignOf(align)),
    wrap: (value: unknown, width: unknown) =>
      wrapText(displayValue(value), Math.max(1, count(width, 80))).join('\n'),
    truncate: (value: unknown, width: unknown, ellipsis: unknown = '...') =>
      truncated(displayValue(value), count(width, 50), displayValue(ellipsis), warn),
    box: (value: unknown, inner: unknown, left: unknown = '║ ', right: unknown = ' ║') =>
      boxLines(displayValue(value), count(inner, 76), displayValue(left), displayValue(right)),
    field: (value: unknown, label: unknown, width: unknown, labelWidth: unknown) =>
      fieldLines(value, displayValue(label), count(width, 76), count(labelWidth, 16)),
    spaced: (value: unknown) => Array.from(displayValue(value)).join(' '),
    repeat: (value: unknown, times: unknown) =>
      displayValue(value).repeat(Math.min(MAX_REPEAT, count(times, 1))),
    mb: (value: unknown, decimals: unknown) => megabytes(value, count(decimals, 0)),
  };
}

function truncated(
  text: string,
  width: number,
  ellipsis: string,
  warn: (w: FilterWarning) => void,
): string {
  const cut = truncateText(text, width, ellipsis);
  if (cut !== text) {
    const start = Array.from(text).slice(0, 30).join('');
    warn({
      message: `A value of ${Array.from(text).length} characters was cut to ${width}: "${start}…"`,
    });
  }
  return cut;
}

/** Decimal megabytes, as scene volume sizes are counted (50 MB = 50,000,000 bytes). */
function megabytes(value: unknown, decimals: number): string {
  const bytes = Number(value);
  return Number.isFinite(bytes) ? `${(bytes / 1_000_000).toFixed(Math.min(decimals, 6))} MB` : '';
}

function count(value: unknown, fallback: number): number {
  const n = Number(value);
  return value === undefined || value === null || !Number.isFinite(n)
    ? fallback
    : Math.max(0, Math.trunc(n));
}

function alignOf(value: unknown): Align {
  return value === 'right' || value === 'center' ? value : 'left';
}
