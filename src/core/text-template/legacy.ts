/**
 * The block syntax of the earlier templates (`{{#if name}}…{{/if}}`, `{{#ifnot name}}…{{/ifnot}}`,
 * `{{else}}`), rewritten to Liquid before parsing so stored templates keep working, nested blocks
 * included. Plain `{{name}}` is already Liquid; single braces in ASCII art are left alone.
 */
const NAME = '([A-Za-z_][\\w.]*)';

const REWRITES: readonly [RegExp, string][] = [
  [new RegExp(`\\{\\{\\s*#if\\s+${NAME}\\s*\\}\\}`, 'g'), '{% if $1 %}'],
  [new RegExp(`\\{\\{\\s*#ifnot\\s+${NAME}\\s*\\}\\}`, 'g'), '{% unless $1 %}'],
  [/\{\{\s*else\s*\}\}/g, '{% else %}'],
  [/\{\{\s*\/if\s*\}\}/g, '{% endif %}'],
  [/\{\{\s*\/ifnot\s*\}\}/g, '{% endunless %}'],
];

export function rewriteLegacyBlocks(source: string): string {
  return REWRITES.reduce(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    source,
  );
}
