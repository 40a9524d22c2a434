/** Small query pieces the repositories share. */
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Page, Paged } from '../ports.js';
import type { DB } from '../tables.js';

/** The database or a transaction: every repository works on either. */
export type Db = Kysely<DB>;

/**
 * Case-insensitive "contains" that treats `%`, `_` and `!` in the search text literally.
 * `!` is the escape character because a backslash means different things in MySQL string
 * literals and in the other dialects.
 */
export function contains(column: string, search: string): RawBuilder<boolean> {
  const pattern = `%${search.toLowerCase().replace(/[!%_]/g, '!$&')}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '!'`;
}

/** `Record<K, number>` with every key present (0 when the database had no row for it). */
export function countsFor<K extends string>(
  keys: readonly K[],
  rows: readonly { key: string; count: Count }[],
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const row of rows) {
    if (keys.includes(row.key as K)) {
      counts[row.key as K] = Number(row.count);
    }
  }
  return counts;
}

/** `owner_key` of a row: the owner's user id, or '' for a global row. */
export function ownerKey(userId: string | null | undefined): string {
  return userId ?? '';
}

/** Rows changed by an update or delete, as a plain number. */
export function affected(result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): number {
  return Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);
}

/** Tables whose primary key is a caller-chosen `id`. */
type TableWithId = {
  [K in keyof DB]: DB[K] extends { id: string } ? K : never;
}[keyof DB];

export async function deleteById(db: Db, table: TableWithId, id: string): Promise<boolean> {
  return affected(await db.deleteFrom(table).where('id', '=', id).executeTakeFirst()) > 0;
}

/** Applies encoded `values` (nothing when empty) to the row `id`. */
export async function updateById(
  db: Db,
  table: TableWithId,
  id: string,
  values: object,
): Promise<void> {
  if (Object.keys(values).length > 0) {
    await db
      .updateTable(table)
      .set(values as never)
      .where('id', '=', id)
      .execute();
  }
}

/**
 * One page of `base` (already filtered), newest first with the id as tie-breaker so pages never
 * overlap, plus the number of rows the filter matches.
 */
export async function pageOf<TB extends keyof DB, E>(
  base: SelectQueryBuilder<DB, TB, object>,
  page: Page,
  decode: (row: object) => E,
): Promise<Paged<E>> {
  const rows = await base
    .selectAll()
    .orderBy(sql.ref('createdAt'), 'desc')
    .orderBy(sql.ref('id'), 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const counted = await base
    .select((eb) => eb.fn.countAll<Count>().as('count'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(decode), total: Number(counted.count) };
}

/** COUNT(*) is a number with this project's drivers; the wider type keeps Number() honest. */
export type Count = number | string | bigint;
