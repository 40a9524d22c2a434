/**
 * Fixed-width text layout for NFO and DIZ files. Widths are counted in code points, one column
 * each, as a CP437 viewer shows them. Wrapping never drops a character: a line breaks at a space
 * (which the break consumes), after punctuation that ends a part of a release name or URL, or,
 * with no such place, exactly at the width.
 */

const SOFT_BREAK_AFTER = new Set(['.', '-', '/', '_', ',', ';', ':', '?', '&', '=']);

export type Align = 'left' | 'right' | 'center';

export function columns(text: string): number {
  let count = 0;
  for (const _char of text) {
    count += 1;
  }
  return count;
}

export function wrapText(text: string, width: number): string[] {
  if (!Number.isInteger(width) || width < 1) {
    throw new RangeError(`wrap width must be a positive whole number, got ${width}`);
  }
  return text.split('\n').flatMap((paragraph) => wrapParagraph(Array.from(paragraph), width));
}

function wrapParagraph(chars: string[], width: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (visibleEnd(chars, start, chars.length) - start > width) {
    const end = breakPoint(chars, start, width);
    lines.push(trimSpaces(chars.slice(start, end).join('')));
    start = end;
    while (chars[start] === ' ') {
      start += 1;
    }
  }
  const rest = chars.slice(start).join('');
  lines.push(columns(rest) > width ? trimSpaces(rest) : rest);
  return lines;
}

/** Where the line starting at `start` ends: the last break that fits, else a hard cut. */
function breakPoint(chars: string[], start: number, width: number): number {
  let lastBreak = -1;
  let visible = start;
  for (let end = start + 1; end <= chars.length; end += 1) {
    if (chars[end - 1] !== ' ') {
      visible = end;
    }
    if (visible - start > width) {
      break;
    }
    if (isBreak(chars, end)) {
      lastBreak = end;
    }
  }
  return lastBreak > start ? lastBreak : start + width;
}

/** Only the spaces a break consumed go; tabs and other blanks are characters like any other. */
function trimSpaces(text: string): string {
  return text.replace(/ +$/, '');
}

function isBreak(chars: string[], end: number): boolean {
  const before = chars[end - 1] ?? '';
  const after = chars[end] ?? '';
  return end === chars.length || before === ' ' || (SOFT_BREAK_AFTER.has(before) && after !== ' ');
}

/** Index just past the last non-space character in [start, end). */
function visibleEnd(chars: string[], start: number, end: number): number {
  let last = end;
  while (last > start && chars[last - 1] === ' ') {
    last -= 1;
  }
  return last;
}

export function padText(text: string, width: number, align: Align = 'left'): string {
  return mapLines(text, (line) => padLine(line, width, align));
}

export function centerText(text: string, width: number): string {
  return padText(text, width, 'center');
}

function padLine(line: string, width: number, align: Align): string {
  const room = width - columns(line);
  if (room <= 0) {
    return line;
  }
  const left = align === 'right' ? room : align === 'center' ? Math.floor(room / 2) : 0;
  return ' '.repeat(left) + line + ' '.repeat(room - left);
}

/** The text cut to `width` columns, the ellipsis included; unchanged when it fits. */
export function truncateText(text: string, width: number, ellipsis = '...'): string {
  const chars = Array.from(text);
  if (chars.length <= width) {
    return text;
  }
  const keep = Math.max(0, width - columns(ellipsis));
  return keep === 0 ? chars.slice(0, width).join('') : chars.slice(0, keep).join('') + ellipsis;
}

/** Each line between borders, padded to `inner` columns. */
export function boxLines(text: string, inner: number, left: string, right: string): string {
  return mapLines(text, (line) => left + padLine(line, inner, 'left') + right);
}

/**
 * "Label ....: value", the value wrapped to the remaining width and continued under itself:
 * box art stays aligned whatever the value's length.
 */
export function fieldLines(
  value: unknown,
  label: string,
  width: number,
  labelWidth: number,
): string {
  const prefix = `${`${label} `.padEnd(labelWidth - 1, '.')}: `;
  const room = Math.max(1, width - columns(prefix));
  const [first = '', ...rest] = wrapText(displayValue(value), room);
  const indent = ' '.repeat(columns(prefix));
  return [prefix + first, ...rest.map((line) => indent + line)].join('\n');
}

/** How a data value reads in a filter: lists joined with commas, objects as JSON. */
export function displayValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      if (value === null) {
        return '';
      }
      return Array.isArray(value) ? value.map(displayValue).join(', ') : JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return '';
  }
}

function mapLines(text: string, map: (line: string) => string): string {
  return text.split('\n').map(map).join('\n');
}
