/** Dates as files write them (W3CDTF, PDF `D:YYYYMMDD…`, free text) → `YYYY[-MM[-DD]]` + year. */

interface ParsedDate {
  /** As precise as the input: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  year: number;
}

// calibre writes 0101-01-01 for "no date"; anything before printing or far ahead is noise too.
const MIN_YEAR = 1400;
const MAX_YEAR = 2199;

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T\s]|$)/;
const PDF = /^D:(\d{4})(\d{2})?(\d{2})?/;
const ANY_YEAR = /(?<!\d)(1[4-9]\d\d|2[01]\d\d)(?!\d)/;

function plausibleYear(text: string | undefined): number | null {
  const year = Number(text);
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

function build(year: number, month?: string, day?: string): ParsedDate {
  const m = Number(month);
  if (month === undefined || m < 1 || m > 12) {
    return { date: String(year), year };
  }
  const d = Number(day);
  if (day === undefined || d < 1 || d > 31) {
    return { date: `${year}-${month}`, year };
  }
  return { date: `${year}-${month}-${day}`, year };
}

export function parseDate(raw: string): ParsedDate | null {
  const text = raw.trim();
  const structured = ISO.exec(text) ?? PDF.exec(text);
  if (structured !== null) {
    const year = plausibleYear(structured[1]);
    return year === null ? null : build(year, structured[2], structured[3]);
  }
  const loose = plausibleYear(ANY_YEAR.exec(text)?.[1]);
  return loose === null ? null : { date: String(loose), year: loose };
}
