/**
 * RAR4 file names. ASCII names are stored as bytes. Other names set the UNICODE flag and store
 * `legacy 8-bit name, NUL, encoded UTF-16` (rar-format.md §3.5). The encoder uses only the
 * "full UTF-16 unit" opcode: the simplest form every tested reader accepts. The decoder knows all
 * four opcodes, because archives made by other tools use them.
 */

export interface EncodedName {
  bytes: Buffer;
  unicode: boolean;
}

const OP_LOW = 0;
const OP_HIGH = 1;
const OP_FULL = 2;

function isAscii(name: string): boolean {
  for (let index = 0; index < name.length; index += 1) {
    if (name.charCodeAt(index) >= 0x80) {
      return false;
    }
  }
  return true;
}

/** One legacy byte per UTF-16 unit, so the legacy name is as long as the Unicode one. */
function legacyName(name: string): Buffer {
  const out = Buffer.alloc(name.length);
  for (let index = 0; index < name.length; index += 1) {
    const unit = name.charCodeAt(index);
    out[index] = unit < 0x80 ? unit : 0x5f;
  }
  return out;
}

function encodeUnits(name: string): Buffer {
  const out: number[] = [0x00];
  for (let start = 0; start < name.length; start += 4) {
    const units = Math.min(4, name.length - start);
    let flags = 0;
    for (let slot = 0; slot < units; slot += 1) {
      flags |= OP_FULL << (6 - 2 * slot);
    }
    out.push(flags);
    for (let slot = 0; slot < units; slot += 1) {
      const unit = name.charCodeAt(start + slot);
      out.push(unit & 0xff, unit >> 8);
    }
  }
  return Buffer.from(out);
}

/** Bytes and UNICODE flag for `name`; `/` becomes RAR's `\` separator. */
export function encodeFileName(name: string): EncodedName {
  const stored = name.replace(/\//g, '\\');
  if (isAscii(stored)) {
    return { bytes: Buffer.from(stored, 'latin1'), unicode: false };
  }
  const parts = [legacyName(stored), Buffer.from([0]), encodeUnits(stored)];
  return { bytes: Buffer.concat(parts), unicode: true };
}

/** Reads the opcode stream; stops quietly where the bytes run out, as the format says. */
function decodeUnits(legacy: Uint8Array, encoded: Uint8Array): number[] {
  const units: number[] = [];
  const high = (encoded[0] ?? 0) << 8;
  let position = 1;
  let flags = 0;
  let slotsLeft = 0;
  const byteAt = (offset: number): number | undefined =>
    offset < encoded.length ? encoded[offset] : undefined;
  while (position < encoded.length) {
    if (slotsLeft === 0) {
      flags = encoded[position] ?? 0;
      position += 1;
      slotsLeft = 4;
    }
    const op = flags >> 6;
    flags = (flags << 2) & 0xff;
    slotsLeft -= 1;
    const step = decodeOne(op, position, byteAt, legacy, units, high);
    if (step === 0) {
      break;
    }
    position += step;
  }
  return units;
}

/** Emits the units of one opcode; returns the operand bytes used, or 0 when they are missing. */
function decodeOne(
  op: number,
  position: number,
  byteAt: (offset: number) => number | undefined,
  legacy: Uint8Array,
  units: number[],
  high: number,
): number {
  const first = byteAt(position);
  if (first === undefined) {
    return 0;
  }
  if (op === OP_LOW || op === OP_HIGH) {
    units.push(first | (op === OP_HIGH ? high : 0));
    return 1;
  }
  if (op === OP_FULL) {
    const second = byteAt(position + 1);
    if (second === undefined) {
      return 0;
    }
    units.push(first | (second << 8));
    return 2;
  }
  return copyFromLegacy(first, byteAt(position + 1), legacy, units, high);
}

function copyFromLegacy(
  length: number,
  correction: number | undefined,
  legacy: Uint8Array,
  units: number[],
  high: number,
): number {
  const corrected = (length & 0x80) !== 0;
  if (corrected && correction === undefined) {
    return 0;
  }
  const count = (length & 0x7f) + 2;
  for (let index = 0; index < count && units.length < legacy.length; index += 1) {
    const base = legacy[units.length] ?? 0;
    units.push(corrected ? ((base + (correction ?? 0)) & 0xff) | high : base);
  }
  return corrected ? 2 : 1;
}

/** Name stored in a file header, with `/` separators. */
export function decodeFileName(bytes: Uint8Array, unicode: boolean): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let name: string;
  if (!unicode) {
    name = buffer.toString('latin1');
  } else {
    const nul = buffer.indexOf(0);
    name =
      nul < 0
        ? buffer.toString('utf8')
        : String.fromCharCode(...decodeUnits(buffer.subarray(0, nul), buffer.subarray(nul + 1)));
  }
  return name.replace(/\\/g, '/');
}
