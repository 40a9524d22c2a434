import { describe, expect, it } from 'vitest';
import { toIso639_1 } from '../../../../src/metadata/extract/language.js';

describe('toIso639_1', () => {
  it.each([
    ['fr', 'fr'],
    ['FR', 'fr'],
    ['fr-FR', 'fr'],
    ['fr_CA', 'fr'],
    ['fre', 'fr'],
    ['fra', 'fr'],
    ['French', 'fr'],
    ['français', 'fr'],
    ['en-US', 'en'],
    ['eng', 'en'],
    ['ger', 'de'],
    ['deu', 'de'],
    ['Deutsch', 'de'],
    ['nld', 'nl'],
    ['dut', 'nl'],
    ['zh-Hans', 'zh'],
    ['chi', 'zh'],
    ['spa', 'es'],
    ['pt-BR', 'pt'],
  ])('%s → %s', (input, expected) => {
    expect(toIso639_1(input)).toBe(expected);
  });

  it.each(['', 'und', 'zxx', 'xx-YY', 'Klingon'])('%s is not recognised', (input) => {
    expect(toIso639_1(input)).toBeNull();
  });
});
