import { describe, expect, it } from 'vitest';
import {
  languageDisplayName,
  languageOfToken,
  languageTag,
  resolveLanguage,
} from '../../../../src/core/release-name/languages.js';

describe('resolveLanguage', () => {
  it.each([
    ['en', 'ENGLISH'],
    ['eng', 'ENGLISH'],
    ['en-US', 'ENGLISH'],
    ['en_GB', 'ENGLISH'],
    ['fr', 'FRENCH'],
    ['fre', 'FRENCH'],
    ['fra', 'FRENCH'],
    ['fr-CA', 'FRENCH'],
    ['de', 'GERMAN'],
    ['ger', 'GERMAN'],
    ['deu', 'GERMAN'],
    ['de-AT', 'GERMAN'],
    ['nld', 'DUTCH'],
    ['dut', 'DUTCH'],
    ['sv', 'SWEDISH'],
    ['it', 'ITALIAN'],
    ['pt-BR', 'PORTUGUESE'],
    ['zh-Hant-TW', 'CHINESE'],
    ['nb', 'NORWEGIAN'],
    ['nno', 'NORWEGIAN'],
    ['French', 'FRENCH'],
    ['SWEDiSH', 'SWEDISH'],
    ['Français', 'FRENCH'],
    ['cze', 'CZECH'],
    ['ces', 'CZECH'],
    ['  JA ', 'JAPANESE'],
  ])('%s → %s', (input, name) => {
    expect(resolveLanguage(input)?.name).toBe(name);
  });

  it.each(['', 'xx', 'und', 'klingon'])('%j is unknown', (input) => {
    expect(resolveLanguage(input)).toBeNull();
  });
});

describe('languageTag', () => {
  it('gives no tag for English and the name in the profile style otherwise', () => {
    expect(languageTag(resolveLanguage('en-US')!, 'upper')).toBeNull();
    expect(languageTag(resolveLanguage('fr')!, 'upper')).toBe('FRENCH');
    expect(languageTag(resolveLanguage('it')!, 'upper')).toBe('ITALIAN');
    expect(languageTag(resolveLanguage('it')!, 'scene-i')).toBe('iTALiAN');
    expect(languageTag(resolveLanguage('sv')!, 'scene-i')).toBe('SWEDiSH');
  });

  it('reads tags back whatever their case style', () => {
    expect(languageOfToken('iTALiAN')?.code).toBe('it');
    expect(languageOfToken('FRENCH')?.code).toBe('fr');
    expect(languageOfToken('RETAiL')).toBeNull();
    expect(languageDisplayName(resolveLanguage('deu')!)).toBe('German');
  });
});
