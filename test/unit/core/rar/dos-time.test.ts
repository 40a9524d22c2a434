import { describe, expect, it } from 'vitest';
import { decodeDosTime, encodeDosTime, encodeExtTime } from '../../../../src/core/rar/dos-time.js';

/** Packs DOS fields by the bit layout of rar-format.md §2, independently of the encoder. */
function pack(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  return (
    (((year - 1980) << 25) |
      (month << 21) |
      (day << 16) |
      (hour << 11) |
      (minute << 5) |
      (second >> 1)) >>>
    0
  );
}

describe('encodeDosTime', () => {
  it('packs the UTC fields of the date by default', () => {
    expect(encodeDosTime(new Date('2024-03-15T13:45:31.250Z'))).toBe(pack(2024, 3, 15, 13, 45, 30));
  });

  it('shifts into the requested zone before packing', () => {
    const date = new Date('2024-12-31T23:30:00Z');
    expect(encodeDosTime(date, 120)).toBe(pack(2025, 1, 1, 1, 30, 0));
    expect(encodeDosTime(date, -300)).toBe(pack(2024, 12, 31, 18, 30, 0));
  });

  it('clamps dates outside 1980–2107', () => {
    expect(encodeDosTime(new Date('1970-01-01T00:00:00Z'))).toBe(pack(1980, 1, 1, 0, 0, 0));
    expect(encodeDosTime(new Date('2200-06-01T00:00:00Z'))).toBe(pack(2107, 12, 31, 23, 59, 58));
  });

  it('does not depend on the process time zone', () => {
    const date = new Date('2021-07-04T02:30:00Z');
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      const newYork = encodeDosTime(date);
      process.env.TZ = 'Asia/Tokyo';
      expect(encodeDosTime(date)).toBe(newYork);
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('decodeDosTime', () => {
  it('returns the fields as an ISO-like string without a zone', () => {
    expect(decodeDosTime(pack(2024, 3, 15, 13, 45, 30))).toBe('2024-03-15 13:45:30');
  });
});

describe('encodeExtTime', () => {
  it('stores the odd second and the 100 ns remainder of the mtime', () => {
    const ext = encodeExtTime(new Date('2024-03-15T13:45:31.250Z'));
    // flags: mtime present (0x8000) | +1 s (0x4000) | 3 remainder bytes (0x3000)
    expect(ext.readUInt16LE(0)).toBe(0xf000);
    // 250 ms = 2,500,000 × 100 ns = 0x2625A0, little-endian
    expect([...ext.subarray(2)]).toEqual([0xa0, 0x25, 0x26]);
  });

  it('writes no odd-second flag for an even second', () => {
    expect(encodeExtTime(new Date('2024-03-15T13:45:30Z')).readUInt16LE(0)).toBe(0xb000);
  });
});

describe('encodeExtTime out of range', () => {
  it('adds nothing to a clamped DOS time', () => {
    const ext = encodeExtTime(new Date('1975-01-01T00:00:01.5Z'));
    expect(ext.readUInt16LE(0)).toBe(0xb000);
    expect(ext.readUIntLE(2, 3)).toBe(0);
  });
});
