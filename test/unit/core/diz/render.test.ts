import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIZ_TEMPLATE,
  dizCounter,
  readDizCounters,
  renderDiz,
  renderDizSet,
} from '../../../../src/core/diz/index.js';
import { ebookNfoVariables } from '../../../../src/core/nfo/index.js';
import { getProfile, type EbookProfile } from '../../../../src/core/rules/index.js';
import { EBOOK_FACTS, expectGolden } from '../nfo/sample-facts.js';

const profile = getProfile('ebook-2022') as EbookProfile;
const variables = ebookNfoVariables(EBOOK_FACTS);

describe('default DIZ: golden bytes', () => {
  it.each([
    ['diz/ebook-01of03.cp437.diz', 1, 'cp437'],
    ['diz/ebook-03of03.cp437.diz', 3, 'cp437'],
    ['diz/ebook-01of03.utf8.diz', 1, 'utf8'],
  ] as const)('%s', (file, disk, encoding) => {
    const result = renderDiz({ profile, variables, disk, total: 3, encoding });
    expect(result.warnings).toEqual([]);
    expectGolden(file, result.bytes);
  });
});

describe('DIZ per disk', () => {
  it('gives every disk of a set its own counter within 44 x 30', () => {
    const set = renderDizSet({ profile, variables, total: 12 });
    expect(set).toHaveLength(12);
    set.forEach((diz, i) => {
      expect(diz.warnings).toEqual([]);
      expect(readDizCounters(diz.text)).toEqual([{ disk: i + 1, total: 12 }]);
      const lines = diz.text.split('\n').filter((l) => l !== '');
      expect(lines.length).toBeLessThanOrEqual(30);
      expect(lines.every((l) => Array.from(l).length <= 44)).toBe(true);
    });
    expect(set[11]?.text).toContain('DISK [12/12]');
  });

  it('wraps a long title and author inside 44 columns without losing characters', () => {
    const title = 'An Exceptionally Long Title That Needs Several Lines Of The Disk Description';
    const result = renderDiz({ profile, variables: { ...variables, title }, disk: 1, total: 1 });
    expect(result.warnings).toEqual([]);
    const inside = result.text
      .split('\n')
      .filter((l) => l.startsWith('│ '))
      .map((l) => l.slice(2, -2).trim())
      .join(' ');
    expect(inside).toContain(title);
  });

  it('warns when a user template has no counter, or a wrong one', () => {
    const none = renderDiz({ profile, variables, disk: 2, total: 3, template: '{{ title }}' });
    expect(none.warnings).toEqual([
      {
        code: 'diz_counter',
        line: null,
        message: 'The DIZ shows no disk counter; the rules want [02/03]',
      },
    ]);
    const wrong = renderDiz({
      profile,
      variables,
      disk: 2,
      total: 3,
      template: '{{ title }} [01/01]',
    });
    expect(wrong.warnings.map((w) => w.message)).toEqual([
      'The DIZ counter says [01/01] but this is disk [02/03]',
    ]);
  });

  it('warns past 44 columns and 30 lines, naming the line', () => {
    const template = `[{{ disk_number }}/{{ disk_total }}]\n${'x'.repeat(45)}\n${'y\n'.repeat(30)}`;
    const result = renderDiz({ profile, variables, disk: 1, total: 1, template });
    expect(result.warnings.map((w) => [w.code, w.line])).toEqual([
      ['line_too_wide', 2],
      ['too_many_lines', 31],
    ]);
  });

  it('refuses a disk outside its set', () => {
    expect(() => renderDiz({ profile, variables, disk: 0, total: 3 })).toThrow(RangeError);
    expect(() => renderDiz({ profile, variables, disk: 4, total: 3 })).toThrow(RangeError);
    expect(() => renderDiz({ profile, variables, disk: 1, total: 100 })).toThrow(RangeError);
  });
});

describe('DIZ counters', () => {
  it('writes two digits and reads the usual spellings back', () => {
    expect(dizCounter(1, 12)).toBe('[01/12]');
    expect(dizCounter(99, 99)).toBe('[99/99]');
    expect(readDizCounters('DISK: [ 1/ 12 ] and [003/010]')).toEqual([
      { disk: 1, total: 12 },
      { disk: 3, total: 10 },
    ]);
    expect(readDizCounters('no counter [x/y]')).toEqual([]);
  });

  it('uses the counter in the default template', () => {
    expect(DEFAULT_DIZ_TEMPLATE).toContain('disk_counter');
  });
});
