/** Printing for humans (aligned tables) or scripts (`--json`, one JSON document on stdout). */
import type { CliOutput } from './context.js';

type Row = Record<string, unknown>;

function cell(value: unknown): string {
  if (value === null || value === undefined) {
    return '-';
  }
  if (value instanceof Date) {
    return value.toISOString().replace('T', ' ').slice(0, 19);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function table(rows: Row[], columns: string[]): string {
  const cells = rows.map((row) => columns.map((column) => cell(row[column])));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const format = (line: string[]): string =>
    line
      .map((text, index) => text.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(columns.map((c) => c.toUpperCase())), ...cells.map(format)].join('\n');
}

/** `data` goes out as JSON with --json, else `human(data)`. */
export function emit<T>(output: CliOutput, data: T, human: (data: T) => string): void {
  output.out(output.json ? JSON.stringify(data, null, 2) : human(data));
}
