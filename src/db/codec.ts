/**
 * Converts between domain rows (`Date`, `boolean`, parsed JSON) and stored columns (epoch ms,
 * 0/1, JSON text). Each repository declares which of its fields need which conversion; every
 * other field is stored as is. Keeping this in one place is what makes the three dialects read
 * back identical values.
 */
type ColumnKind = 'date' | 'flag' | 'json';

type ColumnKinds<E> = { readonly [K in keyof E]?: ColumnKind };

/**
 * `E` is the domain row, `T` the table's columns, `D` the derived columns the repository fills
 * itself (`ownerKey`, `usernameKey`, …) and that the domain row does not show.
 */
interface Codec<E, T, D extends keyof T = never> {
  /** A whole domain row → the columns to insert (without the derived ones). */
  encode: (values: E) => Omit<T, D>;
  /**
   * A patch → the columns to set. `undefined` fields are left out, and so are `id` and
   * `createdAt`: the ports promise they never change, even when a caller passes a whole row.
   */
  encodePatch: (values: Partial<E>) => Partial<Omit<T, D>>;
  /** A selected row → the domain row, dropping the derived columns. */
  decode: (row: object) => E;
}

export function createCodec<E extends object, T extends object, D extends keyof T = never>(
  kinds: ColumnKinds<E>,
  derived: readonly D[] = [],
): Codec<E, T, D> {
  const kindOf = kinds as Readonly<Record<string, ColumnKind | undefined>>;
  const hidden = new Set<unknown>(derived);
  const encodePatch = (values: Partial<E>): Partial<Omit<T, D>> =>
    encodeAll(kindOf, values, FROZEN) as Partial<Omit<T, D>>;
  return {
    encode: (values) => encodeAll(kindOf, values) as Omit<T, D>,
    encodePatch,
    decode: (row) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        if (!hidden.has(key)) {
          out[key] = decodeValue(kindOf[key], value);
        }
      }
      return out as E;
    },
  };
}

const FROZEN = new Set(['id', 'createdAt']);

function encodeAll(
  kindOf: Readonly<Record<string, ColumnKind | undefined>>,
  values: object,
  skip: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && !skip.has(key)) {
      out[key] = encodeValue(kindOf[key], value);
    }
  }
  return out;
}

function encodeValue(kind: ColumnKind | undefined, value: unknown): unknown {
  switch (kind) {
    case 'date':
      return value === null ? null : (value as Date).getTime();
    case 'flag':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    case undefined:
      return value;
  }
}

function decodeValue(kind: ColumnKind | undefined, value: unknown): unknown {
  if (value === null) {
    return null;
  }
  switch (kind) {
    case 'date':
      return new Date(Number(value));
    case 'flag':
      return Number(value) !== 0;
    case 'json':
      return JSON.parse(value as string) as unknown;
    case undefined:
      return value;
  }
}
