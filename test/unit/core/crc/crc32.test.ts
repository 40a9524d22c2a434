import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  Crc32,
  crc32,
  crc32Combine,
  crc32Low16,
  crc32OfStream,
  formatCrc32,
} from '../../../../src/core/crc/crc32.js';

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');
const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');

describe('crc32', () => {
  it('matches the published check value and edge vectors', () => {
    // "123456789" → 0xCBF43926 is the check value of CRC-32/ISO-HDLC (zlib, PKZIP, RAR).
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(new Uint8Array(32))).toBe(0x190a55ad);
  });

  it('continues from a previous value', () => {
    const whole = crc32(ascii('123456789'));
    expect(crc32(ascii('6789'), crc32(ascii('12345')))).toBe(whole);
  });

  it('is unsigned even with the top bit set', () => {
    expect(crc32(ascii('123456789'))).toBeGreaterThan(0x7fffffff);
  });
});

describe('Crc32 (incremental)', () => {
  it('gives the same value for any chunking and counts the bytes', () => {
    const data = randomBytes(10_000);
    const hash = new Crc32();
    for (let offset = 0; offset < data.length; offset += 777) {
      hash.update(data.subarray(offset, offset + 777));
    }
    expect(hash.value).toBe(crc32(data));
    expect(hash.length).toBe(10_000);
  });

  it('appends another hash without rehashing its bytes', () => {
    const a = randomBytes(3000);
    const b = randomBytes(5000);
    const left = new Crc32().update(a);
    left.append(new Crc32().update(b));
    expect(left.value).toBe(crc32(Buffer.concat([a, b])));
    expect(left.length).toBe(8000);
  });
});

describe('crc32Combine', () => {
  it('equals the CRC of the concatenation for random splits', () => {
    for (let round = 0; round < 50; round += 1) {
      const data = randomBytes(1 + Math.floor(Math.random() * 5000));
      const cut = Math.floor(Math.random() * (data.length + 1));
      const left = data.subarray(0, cut);
      const right = data.subarray(cut);
      expect(crc32Combine(crc32(left), crc32(right), right.length)).toBe(crc32(data));
    }
  });

  it('handles lengths beyond 32 bits', () => {
    // 2^32 + 16 zero bytes: hashed directly (1 MiB at a time) and by combining two halves.
    const mib = new Uint8Array(2 ** 20);
    let direct = 0;
    for (let index = 0; index < 4096; index += 1) {
      direct = crc32(mib, direct);
    }
    direct = crc32(new Uint8Array(16), direct);
    const half = 2 ** 31 + 8;
    let halfCrc = 0;
    for (let index = 0; index < 2048; index += 1) {
      halfCrc = crc32(mib, halfCrc);
    }
    halfCrc = crc32(new Uint8Array(8), halfCrc);
    expect(crc32Combine(halfCrc, halfCrc, half)).toBe(direct);
  }, 30_000);

  it('returns the first CRC when the second part is empty', () => {
    expect(crc32Combine(0x12345678, 0, 0)).toBe(0x12345678);
  });
});

describe('crc32Low16 (RAR4 header CRC)', () => {
  it('reproduces the CRC of real RAR4 headers', () => {
    // Main header of a first volume written by WinRAR: CRC bytes B2 EF, hashed from HEAD_TYPE on.
    expect(crc32Low16(hex('73 0101 0D00 0000 00000000'))).toBe(0xefb2);
    expect(crc32Low16(hex('73 0100 0D00 0000 00000000'))).toBe(0xfbf1);
    expect(crc32Low16(hex('73 1101 0D00 0000 00000000'))).toBe(0x6e5a);
    // End-of-archive block of a real first volume: 6B 1E 7B 0F40 1400 B104E6A8 0000 00×7.
    expect(crc32Low16(hex('7B 0F40 1400 B104E6A8 0000 00000000000000'))).toBe(0x1e6b);
  });
});

describe('formatCrc32', () => {
  it('prints eight upper-case hex digits', () => {
    expect(formatCrc32(0xcbf43926)).toBe('CBF43926');
    expect(formatCrc32(0x1f)).toBe('0000001F');
  });
});

describe('crc32OfStream', () => {
  it('hashes a stream chunk by chunk and counts its bytes', async () => {
    const data = randomBytes(100_000);
    async function* chunks() {
      for (let offset = 0; offset < data.length; offset += 4096) {
        await Promise.resolve();
        yield data.subarray(offset, offset + 4096);
      }
    }
    expect(await crc32OfStream(chunks())).toEqual({ crc32: crc32(data), length: 100_000 });
  });

  it('stops with release.cancelled when aborted', async () => {
    async function* endless() {
      for (;;) {
        await Promise.resolve();
        yield new Uint8Array(10);
      }
    }
    await expect(crc32OfStream(endless(), AbortSignal.abort())).rejects.toMatchObject({
      code: 'release.cancelled',
    });
  });
});
