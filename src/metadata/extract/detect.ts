/**
 * Format detection from content only. The extension is never consulted: a PDF renamed `.epub` is
 * a PDF, and a file we cannot recognise is `metadata.format_unsupported`, not a guess.
 */
import type { DetectedFormat, MetadataFormat } from '../ports.js';
import { encrypted, unsupported } from './errors.js';
import type { OpenedFile } from './file.js';
import type { ExtractionLimits } from './limits.js';
import { readKindleHeader } from './mobi-header.js';
import { looksLikeText } from './text.js';
import { withZip } from './zip.js';
import type { ZipArchive } from './zip.js';

const MIME: Record<MetadataFormat, string> = {
  epub: 'application/epub+zip',
  pdf: 'application/pdf',
  mobi: 'application/x-mobipocket-ebook',
  azw3: 'application/vnd.amazon.mobi8-ebook',
  cbz: 'application/vnd.comicbook+zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  rtf: 'application/rtf',
  txt: 'text/plain',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  mp4: 'video/mp4',
};

const HEAD_BYTES = 64 * 1024;
const IMAGE = /\.(jpe?g|png|gif|webp|bmp|tiff?|avif|jxl)$/i;
// ISO-BMFF brands that are still images or audio only, not video.
const NOT_VIDEO_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'M4A ']);

function found(format: MetadataFormat): DetectedFormat {
  return { format, mimeType: MIME[format] };
}

function startsWith(head: Buffer, text: string, offset = 0): boolean {
  return head.subarray(offset, offset + text.length).toString('latin1') === text;
}

async function zipFormat(zip: ZipArchive): Promise<MetadataFormat | null> {
  const mimetype = zip.find('mimetype');
  if (mimetype !== undefined) {
    const declared = (await zip.read(mimetype, 256)).toString('latin1').trim();
    if (declared === MIME.epub) {
      return 'epub';
    }
    if (declared === MIME.odt) {
      return 'odt';
    }
  }
  if (zip.find('[Content_Types].xml') !== undefined && zip.find('word/document.xml')) {
    return 'docx';
  }
  if (zip.find('META-INF/container.xml') !== undefined && mimetype === undefined) {
    return 'epub';
  }
  const files = zip.names.filter((name) => !name.endsWith('/'));
  const images = files.filter((name) => IMAGE.test(name)).length;
  if (zip.find('ComicInfo.xml') !== undefined || (images > 0 && images * 2 >= files.length)) {
    return 'cbz';
  }
  return null;
}

function videoFormat(head: Buffer): MetadataFormat | null {
  if (head.readUInt32BE(0) === 0x1a45dfa3) {
    // EBML DocType element (0x4282) inside the header says matroska or webm.
    const docType = head.subarray(0, 64).toString('latin1');
    return docType.includes('webm') ? 'webm' : 'mkv';
  }
  if (startsWith(head, 'ftyp', 4)) {
    const brand = head.subarray(8, 12).toString('latin1');
    return NOT_VIDEO_BRANDS.has(brand) ? null : 'mp4';
  }
  return null;
}

/** An OLE2 compound file holding `EncryptedPackage` is a password-protected Office document. */
function checkCompoundFile(head: Buffer): void {
  if (head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) {
    if (head.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw encrypted('Password-protected Office document');
    }
    throw unsupported('Legacy OLE2 documents (.doc) are not supported');
  }
}

async function byMagic(file: OpenedFile, head: Buffer): Promise<MetadataFormat | null> {
  if (head.subarray(0, 1024).includes('%PDF-')) {
    return 'pdf';
  }
  if (startsWith(head, 'BOOKMOBI', 60)) {
    return (await readKindleHeader(file)).kf8Only ? 'azw3' : 'mobi';
  }
  if (startsWith(head, '{\\rtf')) {
    return 'rtf';
  }
  return head.length >= 12 ? videoFormat(head) : null;
}

export async function detectFormat(
  path: string,
  file: OpenedFile,
  limits: ExtractionLimits,
): Promise<DetectedFormat> {
  const head = await file.read(0, HEAD_BYTES);
  const magic = await byMagic(file, head);
  if (magic !== null) {
    return found(magic);
  }
  if (startsWith(head, 'PK\x03\x04') || startsWith(head, 'PK\x05\x06')) {
    const format = await withZip(path, limits, zipFormat);
    if (format !== null) {
      return found(format);
    }
    throw unsupported('ZIP archive that is not an EPUB, CBZ, DOCX or ODT');
  }
  if (head.length >= 8) {
    checkCompoundFile(head);
  }
  if (looksLikeText(head)) {
    return found('txt');
  }
  throw unsupported('Unrecognised file content');
}
