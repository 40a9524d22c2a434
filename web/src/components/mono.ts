/** Input styles for typed-in code (paths, JSON, keys, templates): the monospace font on the field itself. */
export const monoInput = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
