import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../../src/core/text-template/index.js';
import { isAppError } from '../../../../src/shared/errors.js';

const text = (source: string, data: Record<string, unknown> = {}) =>
  renderTemplate(source, data, { encoding: 'utf8', lineEnding: 'lf' }).text;

describe('renderTemplate: variables and blocks', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['{{ title }}', { title: 'Test Book' }, 'Test Book'],
    ['{{title}}|{{  title  }}', { title: 'T' }, 'T|T'],
    ['[{{ missing }}]', {}, '[]'],
    ['{{ year }}', { year: 0 }, '0'],
    ['{{ a.b }}', { a: { b: 'deep' } }, 'deep'],
    ['{word} stays, {{ x }}', { x: 1 }, '{word} stays, 1'],
    ['{% if isbn %}ISBN {{ isbn }}{% endif %}.', { isbn: '' }, '.'],
    ['{% if isbn %}ISBN {{ isbn }}{% endif %}.', { isbn: '978' }, 'ISBN 978.'],
    ['{{#if isbn}}ISBN: {{isbn}}{{/if}}|', { title: 'Test Book', isbn: '' }, '|'],
    ['{{#if isbn}}ISBN: {{isbn}}{{/if}}|', { isbn: '9782070123456' }, 'ISBN: 9782070123456|'],
    ['{{#if a}}A{{#if b}}B{{/if}}C{{/if}}', { a: 1, b: 0 }, 'AC'],
    ['{{#if a}}A{{#if b}}B{{/if}}C{{/if}}', { a: 1, b: 1 }, 'ABC'],
    ['{{#ifnot url}}no url{{/ifnot}}', { url: '' }, 'no url'],
    ['{{#ifnot url}}no url{{/ifnot}}', { url: 'http://x' }, ''],
    ['{{#if a}}yes{{else}}no{{/if}}', { a: false }, 'no'],
    ['{{#if a}}\nline\n{{/if}}\nend', { a: 1 }, '\nline\n\nend'],
    [
      '{% for t in tracks %}{{ t.lang }} {% endfor %}',
      { tracks: [{ lang: 'en' }, { lang: 'fr' }] },
      'en fr ',
    ],
    ['{{ constructor }}{{ a.constructor }}{{ a.__proto__ }}', { a: {} }, ''],
  ])('%j', (source, data, expected) => {
    expect(text(source, data)).toBe(expected);
  });
});

describe('renderTemplate: layout filters', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['[{{ t | center: 9 }}]', { t: 'abc' }, '[   abc   ]'],
    ['[{{ t | pad: 6 }}]', { t: 'ab' }, '[ab    ]'],
    ["[{{ t | pad: 6, 'right' }}]", { t: 'ab' }, '[    ab]'],
    ['{{ t | wrap: 9 }}', { t: 'the quick brown fox' }, 'the quick\nbrown fox'],
    ['{{ t | truncate: 6 }}', { t: 'abcdefghij' }, 'abc...'],
    ["{{ t | truncate: 6, '' }}", { t: 'abcdefghij' }, 'abcdef'],
    ["{{ t | box: 4, '|', '|' }}", { t: 'ab' }, '|ab  |'],
    ['{{ "=" | repeat: 5 }}', {}, '====='],
    ['{{ g | spaced }}', { g: 'GRP' }, 'G R P'],
    ['{{ "=" | repeat: 100000 }}', {}, '='.repeat(1000)],
    ["{{ t | field: 'Year', 30, 10 }}", { t: 2019 }, 'Year ....: 2019'],
    ['{{ n | mb }}|{{ n | mb: 2 }}', { n: 52_428_800 }, '52 MB|52.43 MB'],
    ["{{ d | date: '%Y-%m-%d' }}", { d: '2024-03-05' }, '2024-03-05'],
  ])('%j', (source, data, expected) => {
    expect(text(source, data)).toBe(expected);
  });

  it('warns when truncate cuts a value', () => {
    const result = renderTemplate('{{ t | truncate: 10 }}', { t: 'a very long value indeed' });
    expect(result.warnings).toEqual([
      {
        code: 'value_truncated',
        line: null,
        message: 'A value of 24 characters was cut to 10: "a very long value indeed…"',
      },
    ]);
  });
});

describe('renderTemplate: width, lines and encoding', () => {
  it('names the line that is too wide after substitution', () => {
    const result = renderTemplate('header\n{{ url }}\nfooter', {
      url: `https://example.com/${'x'.repeat(80)}`,
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ code: 'line_too_wide', line: 2 });
    expect(result.warnings[0]?.message).toMatch(
      /^Line 2 is 100 columns wide \(limit 80\): "https:\/\/example\.com/,
    );
  });

  it('counts a tab as spaces to the next stop of 8', () => {
    expect(text('a\tb')).toBe('a       b');
    const result = renderTemplate('\t'.repeat(10) + 'x', {}, { maxWidth: 80 });
    expect(result.warnings.map((w) => w.code)).toEqual(['line_too_wide']);
  });

  it('warns past the line limit', () => {
    const result = renderTemplate('1\n2\n3\n', {}, { maxLines: 2 });
    expect(result.warnings).toEqual([
      {
        code: 'too_many_lines',
        line: 3,
        message: 'The text has 3 lines (limit 2); line 3 and after are over',
      },
    ]);
  });

  it('writes CP437 with CRLF by default', () => {
    const result = renderTemplate('╔═╗\n║{{ n }}║\n', { n: 'É' });
    expect([...result.bytes]).toEqual([0xc9, 0xcd, 0xbb, 0x0d, 0x0a, 0xba, 0x90, 0xba, 0x0d, 0x0a]);
    expect(result.warnings).toEqual([]);
  });

  it('spells characters CP437 lacks in ASCII and reports the line', () => {
    const result = renderTemplate('ok\n{{ a }} {{ b }}', { a: 'Ørsted', b: '😀' });
    expect(result.text).toBe('ok\nOrsted ?');
    expect(result.bytes.toString('latin1')).toBe('ok\r\nOrsted ?');
    expect(result.warnings).toEqual([
      {
        code: 'not_encodable',
        line: 2,
        message: 'Line 2: not in CP437, written differently: Ø → O, 😀 → ?',
      },
    ]);
  });

  it('writes UTF-8 with LF on request', () => {
    const result = renderTemplate('Ø║\n', {}, { encoding: 'utf8', lineEnding: 'lf' });
    expect(result.bytes.equals(Buffer.from('Ø║\n', 'utf8'))).toBe(true);
  });
});

describe('renderTemplate: hostile templates are stopped with a clear error', () => {
  it.each<[string, string, Record<string, unknown>, string, RegExp]>([
    [
      'a loop over a billion items',
      '{% for i in (1..1000000000) %}x{% endfor %}',
      {},
      'template.render_failed',
      /too much work/,
    ],
    [
      'nested loops',
      '{% for a in (1..100000) %}{% for b in (1..100000) %}{% endfor %}{% endfor %}',
      {},
      'template.render_failed',
      /too much work|longer than/,
    ],
    [
      'output that explodes',
      '{% for i in (1..100000) %}{{ v }}{% endfor %}',
      { v: 'x'.repeat(1000) },
      'template.output_too_large',
      /more than 262144 characters/,
    ],
    [
      'capture doubling',
      '{% assign x = "ab" %}{% for i in (1..60) %}{% capture x %}{{x}}{{x}}{% endcapture %}{% endfor %}{{ x | size }}',
      {},
      'template.render_failed',
      /too much work/,
    ],
    [
      'append doubling',
      '{% assign x = "ab" %}{% for i in (1..60) %}{% assign x = x | append: x %}{% endfor %}',
      {},
      'template.render_failed',
      /too much work/,
    ],
    [
      'an include',
      '{% include "secrets" %}',
      {},
      'template.render_failed',
      /include tag is not available/,
    ],
    [
      'a render of a file',
      '{% render "/etc/passwd" %}',
      {},
      'template.render_failed',
      /render tag is not available/,
    ],
    ['the clock', "{{ 'now' | date: '%Y' }}", {}, 'template.render_failed', /release_date/],
    ['an unknown filter', '{{ x | nosuchfilter }}', {}, 'template.render_failed', /nosuchfilter/],
    ['a broken tag', '{% if x %}open', {}, 'template.render_failed', /cannot be read.*not closed/],
  ])('%s', (_label, source, data, code, message) => {
    try {
      renderTemplate(source, data);
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe(code);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('stops a template that runs too long', () => {
    const slow =
      '{% for a in (1..3000) %}{% for b in (1..3000) %}{% assign c = b %}{% endfor %}{% endfor %}';
    try {
      renderTemplate(slow, {}, { timeLimitMs: 50 });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('template.render_failed');
      expect(isAppError(error) && error.details).toMatchObject({ reason: 'time_limit', limit: 50 });
    }
  });
});
