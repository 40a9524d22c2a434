/**
 * Keeps a release name within its profile's length: the title gives way first (whole words from
 * the end, then characters of the last word), then the lead (creator); every tag stays.
 */
import { componentWords, joinComponents } from './components.js';
import { invalidName } from './name-errors.js';

export interface FitParts {
  /** What precedes the title in the head (creator), if anything. */
  lead: string | null;
  title: string;
  /** What follows the title in the head (edition, issue, date), if anything. */
  trail: string | null;
  /** Whether the title may disappear entirely (an episode title may; a book title not). */
  titleOptional?: boolean;
}

export interface Fitted {
  head: string;
  titleShortened: boolean;
}

export function fitToLength(
  parts: FitParts,
  render: (head: string) => string,
  maxLength: number,
): Fitted {
  const fits = (p: FitParts) => render(headOf(p)).length <= maxLength;
  if (fits(parts)) {
    return { head: headOf(parts), titleShortened: false };
  }
  const minimum = parts.titleOptional === true ? 0 : 1;
  const shortTitle = shrink(parts.title, minimum, (title) => fits({ ...parts, title }));
  let fitted: FitParts = { ...parts, title: shortTitle };
  if (!fits(fitted) && fitted.lead !== null) {
    fitted = { ...fitted, lead: shrink(fitted.lead, 1, (lead) => fits({ ...fitted, lead })) };
  }
  if (!fits(fitted)) {
    throw invalidName('title', `The name cannot be made ${maxLength} characters or shorter`);
  }
  return { head: headOf(fitted), titleShortened: true };
}

function headOf(parts: FitParts): string {
  return joinComponents([parts.lead, parts.title, parts.trail]);
}

/**
 * Drops words from the end until `ok` holds or `minimum` words remain; a last word that is still
 * too long loses characters (but never its first).
 */
function shrink(component: string, minimum: number, ok: (value: string) => boolean): string {
  const words = componentWords(component);
  while (words.length > minimum && !ok(words.join('.'))) {
    words.pop();
  }
  let value = words.join('.');
  while (value.length > minimum && !ok(value)) {
    value = value.slice(0, -1).replace(/[._-]+$/, '');
  }
  return value;
}
