/**
 * Untrusted XML (OPF, container.xml, ComicInfo.xml, meta.xml, core.xml, XMP) → a small element
 * tree with local names. Entity declarations are refused outright (billion laughs, XXE), only the
 * five predefined entities and character references are decoded, and depth is bounded.
 */
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { corrupt, tooLarge } from './errors.js';
import type { ExtractionLimits } from './limits.js';

export interface XmlElement {
  /** Local name, namespace prefix removed (`dc:title` → `title`). */
  name: string;
  /** Attributes by local name (`opf:role` → `role`, `xml:lang` → `lang`), decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

type RawNode = Record<string, unknown>;

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes predefined entities and character references; unknown entities stay as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

function makeParser(maxDepth: number): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    // We decode the predefined entities ourselves; the parser must never expand declared ones.
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    cdataPropName: '#cdata',
    commentPropName: false,
    maxNestedTags: maxDepth,
  });
}

function convertAttrs(raw: unknown): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (typeof raw === 'object' && raw !== null) {
    for (const [key, value] of Object.entries(raw)) {
      attrs[key] = decodeEntities(String(value));
    }
  }
  return attrs;
}

function convertList(list: unknown): XmlNode[] {
  return Array.isArray(list) ? list.flatMap((item) => convertNode(item as RawNode)) : [];
}

function convertNode(raw: RawNode): XmlNode[] {
  const name = Object.keys(raw).find((key) => key !== ':@');
  if (name === undefined || name.startsWith('?')) {
    return [];
  }
  if (name === '#text') {
    return [decodeEntities(String(raw[name]))];
  }
  if (name === '#cdata') {
    // CDATA content is literal: no entity decoding.
    return convertList(raw[name]).map((node) => (typeof node === 'string' ? node : ''));
  }
  return [{ name, attrs: convertAttrs(raw[':@']), children: convertList(raw[name]) }];
}

export function parseXml(text: string, limits: Pick<ExtractionLimits, 'maxXmlDepth'>): XmlElement {
  if (/<!ENTITY/i.test(text)) {
    throw corrupt('XML entity declarations are refused');
  }
  let raw: unknown;
  try {
    raw = makeParser(limits.maxXmlDepth).parse(text);
  } catch (error) {
    if (error instanceof Error && /nested tags/i.test(error.message)) {
      throw tooLarge('xml_depth', limits.maxXmlDepth, 'XML nested deeper than allowed');
    }
    throw corrupt('Malformed XML', error);
  }
  const root = convertList(raw).find((node): node is XmlElement => typeof node !== 'string');
  if (root === undefined) {
    throw corrupt('XML without a root element');
  }
  return root;
}

/** Bytes → text, honouring a BOM or the encoding declared in the XML declaration. */
export function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return iconv.decode(bytes.subarray(2), 'utf16le');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return iconv.decode(bytes.subarray(2), 'utf16be');
  }
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^<\?xml[^>]*encoding=["']([\w.:-]+)["']/.exec(head)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) {
    return iconv.decode(bytes, declared);
  }
  return iconv.decode(bytes, 'utf8');
}

export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter(
    (node): node is XmlElement => typeof node !== 'string' && node.name === name,
  );
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return children(element, name)[0];
}

/** All elements named `name` below `element`, depth-first (the tree's depth is already bounded). */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const node of element.children) {
    if (typeof node !== 'string') {
      if (node.name === name) {
        found.push(node);
      }
      found.push(...descendants(node, name));
    }
  }
  return found;
}

/** The element's text with inner markup flattened and whitespace collapsed. */
export function textOf(element: XmlElement): string {
  const parts = element.children.map((node) => (typeof node === 'string' ? node : textOf(node)));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function attr(element: XmlElement, name: string): string | undefined {
  return element.attrs[name];
}
