/**
 * `LocalFileExtractor`: detects the format from content, runs that format's reader within the
 * configured limits and time budget, and guarantees that every failure is a typed AppError.
 */
import { isAppError } from '../../shared/errors.js';
import type { AppError } from '../../shared/errors.js';
import type { DetectedFormat, ExtractedMetadata, Extractor, MetadataFormat } from '../ports.js';
import { extractCbz } from './cbz.js';
import { detectFormat } from './detect.js';
import { extractDocx } from './docx.js';
import { extractEpub } from './epub.js';
import { failed, timedOut } from './errors.js';
import { withFile } from './file.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { ExtractionLimits } from './limits.js';
import { extractMobi } from './mobi.js';
import { extractOdt } from './odt.js';
import { extractPdf } from './pdf.js';
import { extractRtf } from './rtf.js';
import { extractTxt } from './txt.js';
import { extractVideo } from './video.js';

type Reader = (
  path: string,
  limits: ExtractionLimits,
  signal: AbortSignal,
) => Promise<ExtractedMetadata>;

const READERS: Record<MetadataFormat, Reader> = {
  epub: extractEpub,
  pdf: extractPdf,
  mobi: (path) => extractMobi(path),
  azw3: (path) => extractMobi(path),
  cbz: extractCbz,
  docx: extractDocx,
  odt: extractOdt,
  rtf: extractRtf,
  txt: extractTxt,
  mkv: extractVideo,
  webm: extractVideo,
  mp4: extractVideo,
};

function asAppError(error: unknown): AppError {
  if (isAppError(error)) {
    return error;
  }
  // A parser bug or an exotic input we did not foresee: still a typed answer, never a crash.
  return failed('The file could not be read', error);
}

/** Rejects with `extract_failed` (limit `time`) once `ms` pass, aborting `controller`. */
async function withDeadline<T>(
  ms: number,
  controller: AbortController,
  work: Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(timedOut(ms));
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export class LocalFileExtractor implements Extractor {
  private readonly limits: ExtractionLimits;

  constructor(options: { limits?: Partial<ExtractionLimits> } = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  async detect(path: string): Promise<DetectedFormat> {
    try {
      return await withFile(path, (file) => detectFormat(path, file, this.limits));
    } catch (error) {
      throw asAppError(error);
    }
  }

  async extract(path: string): Promise<ExtractedMetadata> {
    const controller = new AbortController();
    const work = (async () => {
      const { format } = await this.detect(path);
      return READERS[format](path, this.limits, controller.signal);
    })();
    try {
      return await withDeadline(this.limits.timeoutMs, controller, work);
    } catch (error) {
      // The losing promise may still reject later; it must not become an unhandled rejection.
      work.catch(() => undefined);
      throw asAppError(error);
    }
  }
}
