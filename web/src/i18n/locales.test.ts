import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fr from './locales/fr.json';

const LOCALES: Record<string, Record<string, string>> = { en, fr };
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

describe('locales', () => {
  it('have the same keys in French and English', () => {
    const onlyEn = Object.keys(en).filter((key) => !(key in fr));
    const onlyFr = Object.keys(fr).filter((key) => !(key in en));
    expect({ onlyEn, onlyFr }).toEqual({ onlyEn: [], onlyFr: [] });
  });

  it.each(Object.keys(LOCALES))('%s keeps its keys sorted, dotted and flat', (name) => {
    const messages = LOCALES[name]!;
    const keys = Object.keys(messages);
    expect(keys).toEqual([...keys].sort());
    for (const key of keys) {
      expect(key).toMatch(/^[a-z][A-Za-z]*(\.[A-Za-z_]+)+$/);
      expect(typeof messages[key], key).toBe('string');
      expect(messages[key]!.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.keys(en).filter(
      (key) =>
        key in fr &&
        placeholders((en as Record<string, string>)[key]!).join() !==
          placeholders((fr as Record<string, string>)[key]!).join(),
    );
    expect(mismatched).toEqual([]);
  });
});
