/**
 * Sequential reading of a byte stream in exact amounts without copying the bulk: headers are
 * read as small buffers, data is handed on chunk by chunk. Memory stays at one input chunk.
 */
import { AppError } from '../../shared/errors.js';
import { throwIfAborted } from './sink-io.js';

const EMPTY = Buffer.alloc(0);

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
}

export class ChunkReader {
  readonly #iterator: AsyncIterator<Uint8Array>;
  readonly #signal: AbortSignal | undefined;
  readonly #onBytes: ((count: number) => void) | undefined;
  readonly #name: string;
  #chunk: Buffer = EMPTY;
  #offset = 0;
  #done = false;
  #position = 0;

  constructor(
    source: AsyncIterable<Uint8Array>,
    options: { name: string; signal?: AbortSignal; onBytes?: (count: number) => void },
  ) {
    this.#iterator = source[Symbol.asyncIterator]();
    this.#signal = options.signal;
    this.#onBytes = options.onBytes;
    this.#name = options.name;
  }

  /** Bytes consumed so far. */
  get position(): number {
    return this.#position;
  }

  /** True when a chunk with unread bytes is at hand; false at the end of the stream. */
  async #fill(): Promise<boolean> {
    while (this.#offset >= this.#chunk.length) {
      if (this.#done) {
        return false;
      }
      throwIfAborted(this.#signal);
      let step: IteratorResult<Uint8Array>;
      try {
        step = await this.#iterator.next();
      } catch (error) {
        throw new AppError('release.input_unreadable', `"${this.#name}" could not be read`, {
          cause: error,
        });
      }
      if (step.done === true) {
        this.#done = true;
        return false;
      }
      this.#chunk = asBuffer(step.value);
      this.#offset = 0;
    }
    return true;
  }

  #take(count: number): Buffer {
    const piece = this.#chunk.subarray(this.#offset, this.#offset + count);
    this.#offset += piece.length;
    this.#position += piece.length;
    this.#onBytes?.(piece.length);
    return piece;
  }

  /** The next `count` bytes as a new buffer; shorter only at the end of the stream. */
  async read(count: number): Promise<Buffer> {
    const pieces: Buffer[] = [];
    let missing = count;
    while (missing > 0 && (await this.#fill())) {
      const piece = this.#take(Math.min(missing, this.#chunk.length - this.#offset));
      pieces.push(piece);
      missing -= piece.length;
    }
    return Buffer.concat(pieces);
  }

  /**
   * Hands the next `count` bytes (all remaining ones for Infinity) to `consume` in place, without
   * copying; returns how many there were.
   */
  async pass(count: number, consume: (piece: Buffer) => void): Promise<number> {
    let passed = 0;
    while (passed < count && (await this.#fill())) {
      const piece = this.#take(Math.min(count - passed, this.#chunk.length - this.#offset));
      consume(piece);
      passed += piece.length;
    }
    return passed;
  }

  async close(): Promise<void> {
    await this.#iterator.return?.();
  }
}
