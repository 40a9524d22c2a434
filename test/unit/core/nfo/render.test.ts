import { describe, expect, it } from 'vitest';
import {
  defaultNfoTemplate,
  ebookNfoVariables,
  renderNfo,
  tvNfoVariables,
} from '../../../../src/core/nfo/index.js';
import { getProfile } from '../../../../src/core/rules/index.js';
import { DOCS_FACTS, EBOOK_FACTS, TV_FACTS, expectGolden } from './sample-facts.js';

const ebook = getProfile('ebook-2022');
const web = getProfile('tv-web-2020');
const hdtv = getProfile('tv-720p-hdtv-2016');

const ebookNfo = (facts = EBOOK_FACTS, template?: string) =>
  renderNfo({ type: 'EBOOK', profile: ebook, variables: ebookNfoVariables(facts), template });

describe('default NFOs: golden bytes', () => {
  it.each([
    ['nfo/ebook.cp437.nfo', 'EBOOK', 'cp437'],
    ['nfo/ebook.utf8.nfo', 'EBOOK', 'utf8'],
    ['nfo/docs.cp437.nfo', 'DOCS', 'cp437'],
    ['nfo/tv.cp437.nfo', 'TV', 'cp437'],
    ['nfo/tv.utf8.nfo', 'TV', 'utf8'],
  ] as const)('%s', (file, type, encoding) => {
    const variables =
      type === 'TV'
        ? tvNfoVariables(TV_FACTS)
        : ebookNfoVariables(type === 'DOCS' ? DOCS_FACTS : EBOOK_FACTS);
    const profile = type === 'TV' ? web : ebook;
    const result = renderNfo({ type, profile, variables, encoding });
    expect(result.warnings).toEqual([]);
    expectGolden(file, result.bytes);
  });

  it('writes CRLF line endings, 80 columns at most, and CP437 box characters', () => {
    const result = ebookNfo();
    const lines = result.bytes.toString('latin1').split('\r\n');
    expect(lines.length).toBeGreaterThan(20);
    expect(result.bytes.includes(Buffer.from([0x0a]))).toBe(true);
    expect(result.bytes.toString('latin1')).not.toMatch(/[^\r]\n/);
    for (const line of result.text.split('\n')) {
      expect(Array.from(line).length).toBeLessThanOrEqual(80);
    }
    expect(result.bytes.includes(Buffer.from([0xc9, 0xcd, 0xcd]))).toBe(true);
  });
});

describe('NFO content', () => {
  it('states the eBOOK mandatory fields', () => {
    const { text } = ebookNfo();
    for (const expected of [
      'Release date ..: 2024-03-05',
      'Published .....: 2019-05-02',
      'Language ......: French',
      'Source ........: RETAiL',
      'Author ........: Émile Dupont',
      'Proof URL .....: https://www.example-bookshop.fr/',
      'Disks .........: 3 x 5 MB',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('states the TV fields with the real volume count', () => {
    const { text } = renderNfo({ type: 'TV', profile: web, variables: tvNfoVariables(TV_FACTS) });
    for (const expected of [
      'Show.Name.S01E02.The.Beginning.1080p.WEB.H264-GRP',
      'Runtime .......: 00:42:10',
      'Resolution ....: 1920x1080',
      'Frame rate ....: 23.976 fps',
      'Audio .........: E-AC-3 5.1 English @ 640 kb/s, AAC 2.0 French',
      'Subtitles .....: English, French',
      'Size ..........: 1834.57 MB',
      'Archive .......: 37 x 50 MB',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('keeps the box aligned whatever the length of the values', () => {
    const facts = {
      ...EBOOK_FACTS,
      title: 'A very long title '.repeat(20),
      author: 'Someone With An Extraordinarily Long Name '.repeat(3),
      url: `https://example.com/${'x'.repeat(200)}`,
      notes: 'word '.repeat(100),
    };
    const result = ebookNfo(facts);
    expect(result.warnings).toEqual([]);
    const lines = result.text.split('\n').filter((l) => l.startsWith('║'));
    expect(lines.length).toBeGreaterThan(25);
    expect(lines.every((l) => Array.from(l).length === 80 && l.endsWith('║'))).toBe(true);
    expect(result.text.replace(/[\s║]/g, '')).toContain('x'.repeat(200));
  });

  it('names the line a user template makes too wide', () => {
    const template =
      'Title: {{ title }}\nURL: {{ url }} and some more text to go past the limit of eighty';
    const result = ebookNfo(EBOOK_FACTS, template);
    const wide = result.warnings.filter((w) => w.code === 'line_too_wide');
    expect(wide).toHaveLength(1);
    expect(wide[0]?.line).toBe(2);
    expect(wide[0]?.message).toMatch(/^Line 2 is \d+ columns wide \(limit 80\): "URL: https:/);
  });
});

describe('mandatory NFO fields', () => {
  const missing = (result: ReturnType<typeof renderNfo>) =>
    result.warnings.filter((w) => w.code === 'missing_field').map((w) => w.message);

  it('flags a RETAiL release without a proof URL, not a HYBRiD one', () => {
    expect(missing(ebookNfo({ ...EBOOK_FACTS, url: null }))).toEqual([
      'The NFO lacks a mandatory field: A link proving retail availability in the released format. (url)',
    ]);
    expect(missing(ebookNfo({ ...EBOOK_FACTS, url: null, source: 'HYBRiD' }))).toEqual([]);
  });

  it('flags a user template that leaves out the language and the creator', () => {
    const result = ebookNfo(
      EBOOK_FACTS,
      '{{ title }} {{ release_date }} {{ year }} {{ source }} {{ url }}',
    );
    expect(missing(result)).toEqual([
      'The NFO lacks a mandatory field: Language. (language)',
      'The NFO lacks a mandatory field: Author and/or publisher. (author or publisher)',
    ]);
  });

  it('asks a PROPER to say what it replaces', () => {
    const facts = {
      ...EBOOK_FACTS,
      releaseName: EBOOK_FACTS.releaseName.replace('RETAiL', 'RETAiL.PROPER'),
    };
    expect(missing(ebookNfo(facts))).toEqual([
      'The NFO lacks a mandatory field: PROPER/REPACK/FiX releases name the release they replace and why. (fixes)',
    ]);
    expect(missing(ebookNfo({ ...facts, fixes: 'Replaces X-GRP: broken file' }))).toEqual([]);
  });

  it('asks a WEBRip for its source bitrate under WDX only', () => {
    const transcode = { ...TV_FACTS, video: { ...TV_FACTS.video, transcoded: true } };
    const render = (profile = web, facts = transcode) =>
      renderNfo({ type: 'TV', profile, variables: tvNfoVariables(facts) });
    expect(missing(render())).toEqual([
      'The NFO lacks a mandatory field: Transcodes state the source video bitrate. (source_bitrate)',
    ]);
    expect(
      missing(
        render(web, { ...transcode, video: { ...transcode.video, sourceBitrateKbps: 16_000 } }),
      ),
    ).toEqual([]);
    expect(missing(render(hdtv))).toEqual([]);
  });

  it('is satisfied by every default template with full data', () => {
    expect(defaultNfoTemplate('EBOOK')).toContain('{{ url | field');
    expect(missing(ebookNfo())).toEqual([]);
  });
});
