/**
 * CRC-32 (the zlib/PKZIP/RAR polynomial) over `zlib.crc32`, plus what archive writers need on top:
 * an incremental hash that knows its length, and combining two CRCs without rehashing. Combining
 * lets one pass over the data serve the per-part CRC, the whole-file CRC and the per-volume CRC.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { AppError } from '../../shared/errors.js';

/** Reflected CRC-32 polynomial (0x04C11DB7 bit-reversed). */
const POLYNOMIAL = 0xedb88320;
/** x^0 in the reflected representation: the polynomial "1". */
const ONE = 0x80000000;

/** CRC-32 of `data`, continuing from `previous` (the CRC of the bytes before it). */
export function crc32(data: Uint8Array, previous = 0): number {
  return zlibCrc32(data, previous) >>> 0;
}

/** Low 16 bits of the CRC-32: the RAR4 header CRC ("only the low order bytes are used"). */
export function crc32Low16(data: Uint8Array): number {
  return crc32(data) & 0xffff;
}

/** Eight upper-case hex digits, as SFV files and listings print a CRC-32. */
export function formatCrc32(value: number): string {
  return (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** Product of two polynomials modulo the CRC polynomial (reflected bit order). */
function multiplyModP(a: number, b: number): number {
  let product = 0;
  let factor = b >>> 0;
  for (let mask = ONE; mask !== 0; mask >>>= 1) {
    if ((a & mask) !== 0) {
      product ^= factor;
    }
    factor = factor & 1 ? (factor >>> 1) ^ POLYNOMIAL : factor >>> 1;
  }
  return product >>> 0;
}

/** POWERS[k] = x^(2^k) mod P, so x^n is a product of the powers for the set bits of n. */
const POWERS: number[] = (() => {
  const table = [ONE >>> 1];
  for (let k = 1; k < 64; k += 1) {
    const previous = table[k - 1] ?? 0;
    table.push(multiplyModP(previous, previous));
  }
  return table;
})();

/** x^(8·bytes) mod P; `bytes` may exceed 2^32, so it is halved arithmetically, not shifted. */
function shiftOperator(bytes: number): number {
  let result = ONE;
  let remaining = bytes;
  let k = 3;
  while (remaining > 0) {
    if (remaining % 2 === 1) {
      result = multiplyModP(POWERS[k % 64] ?? ONE, result);
    }
    remaining = Math.floor(remaining / 2);
    k += 1;
  }
  return result;
}

/**
 * CRC of A‖B from crc(A), crc(B) and B's length. The pre- and post-inversion of CRC-32 cancel,
 * so crc(A‖B) = crc(A)·x^(8|B|) mod P ⊕ crc(B).
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB === 0) {
    return crcA >>> 0;
  }
  return (multiplyModP(shiftOperator(lengthB), crcA >>> 0) ^ crcB) >>> 0;
}

/** Incremental CRC-32 that also counts bytes, so two hashes can be joined with `append`. */
export class Crc32 {
  #value = 0;
  #length = 0;

  get value(): number {
    return this.#value;
  }

  get length(): number {
    return this.#length;
  }

  update(data: Uint8Array): this {
    this.#value = crc32(data, this.#value);
    this.#length += data.length;
    return this;
  }

  /** Extends this hash by bytes already hashed elsewhere (given as their CRC and length). */
  appendCrc(value: number, length: number): this {
    this.#value = crc32Combine(this.#value, value, length);
    this.#length += length;
    return this;
  }

  append(other: Crc32): this {
    return this.appendCrc(other.value, other.length);
  }
}

/** CRC-32 and length of everything `source` yields; checks `signal` between chunks. */
export async function crc32OfStream(
  source: AsyncIterable<Uint8Array>,
  signal?: AbortSignal,
): Promise<{ crc32: number; length: number }> {
  const hash = new Crc32();
  for await (const chunk of source) {
    if (signal?.aborted === true) {
      throw new AppError('release.cancelled', 'The operation was cancelled', {
        cause: signal.reason,
      });
    }
    hash.update(chunk);
  }
  return { crc32: hash.value, length: hash.length };
}
