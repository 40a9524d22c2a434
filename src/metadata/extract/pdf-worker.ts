/**
 * pdf.js runs in a worker thread with a bounded heap, so a hostile PDF (reference loops, stream
 * bombs, pathological content) can at worst be terminated — it can never hang or exhaust the
 * process. The worker's code is a small CommonJS string evaluated by `new Worker(…, { eval })`:
 * that runs the same way under tsx, vitest and the compiled build, where a separate .ts worker
 * file would need a loader. It only gathers raw facts; all interpretation happens in pdf.ts.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { corrupt, encrypted, failed, tooLarge } from './errors.js';

export interface RawPdf {
  numPages: number;
  info: Record<string, unknown>;
  xmp: string | null;
  /** Text of the first pages, for an ISBN when the metadata has none. */
  text: string;
}

interface WorkerReply {
  ok: boolean;
  result?: RawPdf;
  name?: string;
  message?: string;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');
async function pageText(doc, number) {
  const page = await doc.getPage(number);
  const content = await page.getTextContent();
  page.cleanup();
  return content.items.map((item) => (typeof item.str === 'string' ? item.str : '')).join(' ');
}
async function run() {
  const { getDocument } = await import(workerData.pdfjsUrl);
  const data = new Uint8Array(await readFile(workerData.path));
  const doc = await getDocument({
    data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
    verbosity: 0, stopAtErrors: false,
  }).promise;
  const meta = await doc.getMetadata();
  const texts = [];
  for (let n = 1; n <= Math.min(doc.numPages, workerData.textPages); n += 1) {
    // Page 1 must load (a page tree loop fails here); a later broken page only lacks text.
    try { texts.push(await pageText(doc, n)); } catch (error) { if (n === 1) throw error; }
  }
  const xmp = meta.metadata ? meta.metadata.getRaw() : null;
  const result = { numPages: doc.numPages, info: meta.info ?? {}, xmp, text: texts.join('\\n') };
  await doc.destroy();
  return result;
}
run().then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (error) => parentPort.postMessage({ ok: false, name: error && error.name, message: String(error && error.message || error) }),
);
`;

const require = createRequire(import.meta.url);
const pdfjsUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;

function replyToError(reply: WorkerReply): Error {
  const message = reply.message ?? 'unknown pdf.js error';
  if (reply.name === 'PasswordException') {
    return encrypted('The PDF needs a password to open');
  }
  return corrupt(`Unreadable PDF: ${message}`);
}

interface PdfWorkerOptions {
  heapMb: number;
  textPages: number;
  signal: AbortSignal;
}

function workerError(error: Error & { code?: string }, heapMb: number): Error {
  return error.code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? tooLarge('memory', heapMb, 'The PDF needs more memory than allowed')
    : failed('pdf.js failed', error);
}

function startWorker(path: string, options: PdfWorkerOptions): Worker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, pdfjsUrl, textPages: options.textPages },
    resourceLimits: { maxOldGenerationSizeMb: options.heapMb, maxYoungGenerationSizeMb: 32 },
    stdout: true,
    stderr: true,
  });
  // pdf.js may print warnings; they are drained, not shown.
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}

export function readPdfInWorker(path: string, options: PdfWorkerOptions): Promise<RawPdf> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(path, options);
    const stop = (): void => {
      void worker.terminate();
    };
    options.signal.addEventListener('abort', stop, { once: true });
    let settled = false;
    const finish = (error: Error | null, result?: RawPdf): void => {
      if (settled) {
        return;
      }
      settled = true;
      options.signal.removeEventListener('abort', stop);
      stop();
      if (result === undefined) {
        reject(error ?? failed('The PDF reader gave no answer'));
      } else {
        resolve(result);
      }
    };
    worker.on('message', (reply: WorkerReply) => {
      finish(reply.ok ? null : replyToError(reply), reply.ok ? reply.result : undefined);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish(workerError(error, options.heapMb));
    });
    worker.on('exit', () => {
      finish(failed('The PDF reader stopped before answering'));
    });
  });
}
