/**
 * PDF through pdf.js (legacy build, in an isolated worker): the Info dictionary, the XMP packet
 * (which wins where both speak, being the richer and usually newer source), page count,
 * encryption, and an ISBN from the text of the first pages when the metadata has none.
 */
import type { BookMetadata } from '../ports.js';
import { buildBook, clean } from './book.js';
import type { RawBook } from './book.js';
import { splitKeywords } from './docx.js';
import { tooLarge } from './errors.js';
import { withFile } from './file.js';
import { findIsbnInText, isbnFromIdentifier } from './isbn.js';
import type { ExtractionLimits } from './limits.js';
import { readPdfInWorker } from './pdf-worker.js';
import type { RawPdf } from './pdf-worker.js';
import { readXmp } from './xmp.js';

function infoText(info: Record<string, unknown>, key: string): string | null {
  const value = info[key];
  return typeof value === 'string' ? clean(value) : null;
}

function fromInfo(info: Record<string, unknown>): RawBook {
  return {
    title: infoText(info, 'Title'),
    // Several authors are joined with ";" by most tools and with " & " by calibre.
    creators: (infoText(info, 'Author') ?? '')
      .split(/\s*;\s*|\s+&\s+/)
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .map((name) => ({ name, fileAs: null, role: 'aut' })),
    description: infoText(info, 'Subject'),
    subjects: splitKeywords(infoText(info, 'Keywords')),
    language: infoText(info, 'Language'),
    date: infoText(info, 'CreationDate'),
  };
}

function fromXmp(raw: RawPdf, limits: ExtractionLimits, warnings: string[]): RawBook {
  if (raw.xmp === null) {
    return {};
  }
  try {
    return readXmp(raw.xmp, limits);
  } catch (error) {
    // A broken XMP packet does not make the PDF unreadable; the Info dictionary still counts.
    warnings.push(
      `XMP metadata ignored: ${error instanceof Error ? error.message : String(error)}`,
    );
    return {};
  }
}

/** XMP fields win where present; empty XMP values never hide Info values. */
function merge(info: RawBook, xmp: RawBook): RawBook {
  const merged: RawBook = { ...info };
  for (const [key, value] of Object.entries(xmp) as [keyof RawBook, unknown][]) {
    const empty =
      value === null || value === undefined || (Array.isArray(value) && value.length === 0);
    if (!empty) {
      Object.assign(merged, { [key]: value });
    }
  }
  return merged;
}

function toBook(path: string, raw: RawPdf, limits: ExtractionLimits): BookMetadata {
  const warnings: string[] = [];
  const fields = merge(fromInfo(raw.info), fromXmp(raw, limits, warnings));
  const declared = (fields.identifiers ?? []).some(
    (id) => isbnFromIdentifier(id.value, id.scheme) !== null,
  );
  return buildBook('pdf', path, {
    ...fields,
    isbn: declared ? null : findIsbnInText(raw.text),
    pageCount: raw.numPages,
    encrypted: raw.info.EncryptFilterName !== null && raw.info.EncryptFilterName !== undefined,
    warnings,
  });
}

export async function extractPdf(
  path: string,
  limits: ExtractionLimits,
  signal: AbortSignal,
): Promise<BookMetadata> {
  const size = await withFile(path, (file) => Promise.resolve(file.size));
  if (size > limits.maxPdfBytes) {
    throw tooLarge('file_bytes', limits.maxPdfBytes, 'The PDF is larger than allowed');
  }
  const raw = await readPdfInWorker(path, {
    heapMb: limits.maxPdfHeapMb,
    textPages: limits.pdfTextPages,
    signal,
  });
  return toBook(path, raw, limits);
}
