/**
 * RAR4 FTIME is an MS-DOS date/time in *local* time with no zone field. Reading a process's zone
 * would make output depend on the machine, so the zone is a parameter (minutes east of UTC,
 * default 0): the same date and offset always give the same bytes.
 */

const MIN_YEAR = 1980;
const MAX_YEAR = 2107;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function fieldsOf(date: Date, utcOffsetMinutes: number): Fields {
  const shifted = new Date(date.getTime() + utcOffsetMinutes * 60_000);
  const fields = {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
  if (fields.year < MIN_YEAR) {
    return { year: MIN_YEAR, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  }
  if (fields.year > MAX_YEAR) {
    return { year: MAX_YEAR, month: 12, day: 31, hour: 23, minute: 59, second: 58 };
  }
  return fields;
}

/** The 32-bit DOS date/time (date in the high half) of `date` seen from the given UTC offset. */
export function encodeDosTime(date: Date, utcOffsetMinutes = 0): number {
  const f = fieldsOf(date, utcOffsetMinutes);
  const high = ((f.year - MIN_YEAR) << 9) | (f.month << 5) | f.day;
  const low = (f.hour << 11) | (f.minute << 5) | (f.second >> 1);
  return (high * 0x10000 + low) >>> 0;
}

/** `YYYY-MM-DD hh:mm:ss` of a DOS date/time, as the archive stores it (no zone). */
export function decodeDosTime(value: number): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const high = Math.floor(value / 0x10000);
  const low = value & 0xffff;
  const date = `${(high >> 9) + MIN_YEAR}-${two((high >> 5) & 0x0f)}-${two(high & 0x1f)}`;
  return `${date} ${two(low >> 11)}:${two((low >> 5) & 0x3f)}:${two((low & 0x1f) * 2)}`;
}

/** Size of the EXT_TIME field this writer emits: flag word + three remainder bytes. */
export const EXT_TIME_SIZE = 5;

/**
 * EXT_TIME for the mtime only, as WinRAR writes it for scene sets: the DOS field keeps 2-second
 * resolution, so the odd second and the sub-second part (in 100 ns units) are carried here.
 */
export function encodeExtTime(date: Date, utcOffsetMinutes = 0): Buffer {
  const year = new Date(date.getTime() + utcOffsetMinutes * 60_000).getUTCFullYear();
  // A clamped DOS time already says all there is; a remainder would move it off the clamp.
  const inRange = year >= MIN_YEAR && year <= MAX_YEAR;
  const millis = inRange ? ((date.getTime() % 1000) + 1000) % 1000 : 0;
  const oddSecond = inRange && Math.floor(date.getTime() / 1000) % 2 !== 0;
  const field = Buffer.alloc(EXT_TIME_SIZE);
  field.writeUInt16LE(0x8000 | (oddSecond ? 0x4000 : 0) | 0x3000, 0);
  field.writeUIntLE(millis * 10_000, 2, 3);
  return field;
}
