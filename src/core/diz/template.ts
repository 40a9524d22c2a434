/**
 * Default FILE_ID.DIZ for eBOOK and DOCS disks: 44 columns, a handful of lines, the group, the
 * title and the disk counter the rules ask for ([NN/TT]).
 */
const WIDTH = 44;
const INNER = WIDTH - 2;
const SIDE = `box: ${INNER - 2}, "│ ", " │"`;

export const DEFAULT_DIZ_TEMPLATE = [
  `┌${'─'.repeat(INNER)}┐`,
  `│{{ group | upcase | spaced | center: ${INNER} }}│`,
  `├${'─'.repeat(INNER)}┤`,
  `{{ title | wrap: ${INNER - 2} | ${SIDE} }}`,
  '{%- if author %}',
  `{{ author | wrap: ${INNER - 2} | ${SIDE} }}`,
  '{%- elsif publisher %}',
  `{{ publisher | wrap: ${INNER - 2} | ${SIDE} }}`,
  '{%- endif %}',
  '{%- capture facts %}{{ year }} · {{ language }} · {{ format }} · {{ source }}{% endcapture %}',
  `{{ facts | wrap: ${INNER - 2} | ${SIDE} }}`,
  `├${'─'.repeat(INNER)}┤`,
  `│{{ "DISK " | append: disk_counter | center: ${INNER} }}│`,
  `└${'─'.repeat(INNER)}┘`,
  '',
].join('\n');
