/**
 * Our NFO art: a shaded bar, a banner with the group's name spaced out, and a double-line box
 * whose rows come from the `field` and `box` filters, so values of any length stay inside it.
 * Every line is exactly 80 columns; the pieces are built here so the widths are checked by code.
 */
const WIDTH = 80;
const INNER = WIDTH - 2;

const SHADE_BAR = `░░▒▒▓▓${'█'.repeat(WIDTH - 12)}▓▓▒▒░░`;
const BANNER_BLANK = `██${' '.repeat(WIDTH - 4)}██`;
const BOX_TOP = `╔${'═'.repeat(INNER)}╗`;
const BOX_RULE = `╟${'─'.repeat(INNER)}╢`;
const BOX_BOTTOM = `╚${'═'.repeat(INNER)}╝`;

export function banner(subtitle: string): string[] {
  return [
    SHADE_BAR,
    BANNER_BLANK,
    `██{{ group | upcase | spaced | center: ${WIDTH - 4} }}██`,
    `██{{ "${subtitle}" | center: ${WIDTH - 4} }}██`,
    BANNER_BLANK,
    SHADE_BAR,
  ];
}

export function boxTitle(title: string): string[] {
  return [BOX_TOP, `║{{ "${title}" | center: ${INNER} }}║`, BOX_RULE];
}

/** A box row for a field, left out when the value is empty. */
export function optionalField(variable: string, label: string): string[] {
  return [`{%- if ${variable} %}`, field(variable, label), '{%- endif %}'];
}

export function field(variable: string, label: string): string {
  return `{{ ${variable} | field: "${label}" | box }}`;
}

/** A titled, wrapped paragraph inside the box, left out when empty. */
export function optionalSection(variable: string, heading: string): string[] {
  return [
    `{%- if ${variable} %}`,
    BOX_RULE,
    `{{ "${heading}" | center: ${INNER - 2} | box }}`,
    `{{ ${variable} | wrap: ${INNER - 2} | box }}`,
    '{%- endif %}',
  ];
}

export function footer(): string[] {
  return [
    BOX_RULE,
    `{{ release_name | wrap: ${INNER - 2} | center: ${INNER - 2} | box }}`,
    BOX_BOTTOM,
    `{{ "packed with scenepacker" | center: ${WIDTH} | rstrip }}`,
    '',
  ];
}
