/**
 * EPUB: META-INF/container.xml → the OPF → its metadata, cover and DRM state. The OPF is read
 * even when content is DRM-encrypted (it never is, by the OCF rules); an encrypted OPF is
 * `metadata.file_encrypted`.
 */
import { posix } from 'node:path';
import type { BookMetadata } from '../ports.js';
import { buildBook } from './book.js';
import { corrupt, encrypted } from './errors.js';
import type { ExtractionLimits } from './limits.js';
import { coverHref, readOpfMetadata } from './opf.js';
import { attr, child, decodeXml, descendants, parseXml } from './xml.js';
import type { XmlElement } from './xml.js';
import { withZip } from './zip.js';
import type { ZipArchive } from './zip.js';

// Font obfuscation (IDPF and Adobe) only scrambles embedded fonts; it is not DRM.
const FONT_OBFUSCATION = new Set([
  'http://www.idpf.org/2008/embedding',
  'http://ns.adobe.com/pdf/enc#RC',
]);
// Adobe ADEPT writes rights.xml; Apple FairPlay writes sinf.xml.
const DRM_MARKERS = ['META-INF/rights.xml', 'META-INF/sinf.xml'];

async function readXml(
  zip: ZipArchive,
  name: string,
  limits: ExtractionLimits,
): Promise<XmlElement> {
  return parseXml(decodeXml(await zip.read(name)), limits);
}

async function opfPath(zip: ZipArchive, limits: ExtractionLimits): Promise<string> {
  const name = zip.find('META-INF/container.xml');
  if (name === undefined) {
    throw corrupt('EPUB without META-INF/container.xml');
  }
  const rootfiles = descendants(await readXml(zip, name, limits), 'rootfile');
  const chosen =
    rootfiles.find((r) => attr(r, 'media-type') === 'application/oebps-package+xml') ??
    rootfiles[0];
  const path = chosen === undefined ? undefined : attr(chosen, 'full-path');
  const found = path === undefined ? undefined : zip.find(decodeHref(path));
  if (found === undefined) {
    throw corrupt('EPUB container.xml names no readable package document');
  }
  return found;
}

/** Encrypted resources whose algorithm is more than font obfuscation. */
async function drmProtected(zip: ZipArchive, limits: ExtractionLimits): Promise<Set<string>> {
  const name = zip.find('META-INF/encryption.xml');
  if (name === undefined) {
    return new Set();
  }
  const protectedPaths = new Set<string>();
  for (const data of descendants(await readXml(zip, name, limits), 'EncryptedData')) {
    const method = child(data, 'EncryptionMethod');
    const algorithm = method === undefined ? '' : (attr(method, 'Algorithm') ?? '');
    if (!FONT_OBFUSCATION.has(algorithm)) {
      descendants(data, 'CipherReference').forEach((ref) =>
        protectedPaths.add(attr(ref, 'URI') ?? ''),
      );
    }
  }
  return protectedPaths;
}

/** Percent-decoding that leaves a malformed href as written instead of throwing. */
function decodeHref(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

function resolveHref(opf: string, href: string): string {
  return posix.normalize(posix.join(posix.dirname(opf), decodeHref(href.split('#')[0] ?? '')));
}

export function extractEpub(path: string, limits: ExtractionLimits): Promise<BookMetadata> {
  return withZip(path, limits, async (zip) => {
    const opf = await opfPath(zip, limits);
    const protectedPaths = await drmProtected(zip, limits);
    if (protectedPaths.has(opf) || zip.isEncrypted(opf)) {
      throw encrypted('The EPUB package document is encrypted');
    }
    const pkg = await readXml(zip, opf, limits);
    const cover = coverHref(pkg);
    return buildBook('epub', path, {
      ...readOpfMetadata(pkg),
      hasCover: cover !== null && zip.find(resolveHref(opf, cover)) !== undefined,
      drm: protectedPaths.size > 0 || DRM_MARKERS.some((marker) => zip.find(marker) !== undefined),
    });
  });
}
