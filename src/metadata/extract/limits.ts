/**
 * Explicit bounds for reading untrusted files. Every reader checks the relevant one before it
 * allocates, so a hostile file (zip bomb, 10,000-entry ZIP, huge or deeply nested XML, PDF loop)
 * ends in a typed error instead of exhausting memory or time.
 */
export interface ExtractionLimits {
  /** Entries in a ZIP central directory (EPUB, CBZ, DOCX, ODT). */
  maxZipEntries: number;
  /** Uncompressed bytes read from one ZIP entry (container.xml, OPF, ComicInfo.xml, meta.xml …). */
  maxEntryBytes: number;
  /** Element nesting depth accepted in XML. */
  maxXmlDepth: number;
  /** Bytes of a text-like file (TXT, RTF) read to analyse it. */
  maxTextBytes: number;
  /** Size of a PDF given to pdf.js (it needs the whole file in memory). */
  maxPdfBytes: number;
  /** Heap of the isolated PDF worker, in MiB. */
  maxPdfHeapMb: number;
  /** Pages whose text is searched for an ISBN when the metadata has none. */
  pdfTextPages: number;
  /** Bytes MediaInfo may read from a video before giving up (it seeks; this bounds the total). */
  maxVideoReadBytes: number;
  /** Wall-clock budget of one extraction, in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: ExtractionLimits = {
  maxZipEntries: 5000,
  maxEntryBytes: 8 * 1024 * 1024,
  maxXmlDepth: 64,
  maxTextBytes: 16 * 1024 * 1024,
  maxPdfBytes: 512 * 1024 * 1024,
  maxPdfHeapMb: 512,
  pdfTextPages: 6,
  maxVideoReadBytes: 256 * 1024 * 1024,
  timeoutMs: 30_000,
};
