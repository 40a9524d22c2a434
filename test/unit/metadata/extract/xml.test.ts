import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/shared/errors.js';
import {
  attr,
  child,
  children,
  decodeXml,
  parseXml,
  textOf,
} from '../../../../src/metadata/extract/xml.js';

const LIMITS = { maxXmlDepth: 16 };

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : `untyped: ${String(error)}`;
  }
  return 'no error';
}

describe('parseXml', () => {
  it('gives local names, attributes without prefixes and decoded text', () => {
    const root = parseXml(
      '<?xml version="1.0"?><package xmlns:dc="x"><dc:title opf:role="aut" xml:lang="fr">' +
        'A &amp; B &#233;&#xE9; &lt;i&gt; <![CDATA[x<y]]></dc:title><meta content="a &quot;b&quot;"/></package>',
      LIMITS,
    );
    expect(root.name).toBe('package');
    const title = child(root, 'title');
    expect(title).toBeDefined();
    expect(textOf(title!)).toBe('A & B éé <i> x<y');
    expect(attr(title!, 'role')).toBe('aut');
    expect(attr(title!, 'lang')).toBe('fr');
    expect(attr(child(root, 'meta')!, 'content')).toBe('a "b"');
    expect(children(root, 'meta')).toHaveLength(1);
  });

  it('refuses entity declarations (billion laughs) with a typed error', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>' +
      '<lolz>&lol2;</lolz>';
    expect(codeOf(() => parseXml(laughs, LIMITS))).toBe('metadata.file_corrupt');
  });

  it('refuses an external entity (XXE) with a typed error', () => {
    const xxe = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>';
    expect(codeOf(() => parseXml(xxe, LIMITS))).toBe('metadata.file_corrupt');
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`;
    expect(codeOf(() => parseXml(deep, LIMITS))).toBe('metadata.file_too_large');
  });

  it('refuses text without a root element', () => {
    expect(codeOf(() => parseXml('not xml at all', LIMITS))).toBe('metadata.file_corrupt');
  });
});

describe('decodeXml', () => {
  it('honours the declared encoding', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>\xe9</t>', 'latin1');
    expect(decodeXml(latin1)).toContain('<t>é</t>');
  });

  it('honours a UTF-16 byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>é</t>', 'utf16le')]);
    expect(decodeXml(utf16)).toBe('<t>é</t>');
  });

  it('defaults to UTF-8 and drops its byte order mark', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<t>é</t>')]);
    expect(decodeXml(utf8)).toBe('<t>é</t>');
  });
});
