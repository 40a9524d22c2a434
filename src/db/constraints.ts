/**
 * Names of the unique constraints, as the migrations create them. PostgreSQL and MySQL report the
 * violated constraint by name; SQLite reports `table.column, …` instead, so this list turns
 * SQLite's columns back into the same name. A primary key is `<table>_pkey` everywhere
 * (PostgreSQL's own default name).
 *
 * Append only: a new migration that adds a unique constraint adds its line here.
 */
interface UniqueConstraint {
  name: string;
  table: string;
  columns: readonly string[];
}

const UNIQUE_CONSTRAINTS: readonly UniqueConstraint[] = [
  { name: 'users_username_key_unique', table: 'users', columns: ['username_key'] },
  { name: 'users_email_key_unique', table: 'users', columns: ['email_key'] },
  { name: 'sessions_token_hash_unique', table: 'sessions', columns: ['token_hash'] },
  { name: 'api_tokens_token_hash_unique', table: 'api_tokens', columns: ['token_hash'] },
  {
    name: 'preferences_owner_unique',
    table: 'preferences',
    columns: ['scope', 'owner_key', 'key'],
  },
  {
    name: 'path_rules_owner_unique',
    table: 'path_rules',
    columns: ['scope', 'owner_key', 'group_name', 'release_type'],
  },
  {
    name: 'templates_name_unique',
    table: 'templates',
    columns: ['kind', 'release_type', 'name'],
  },
  { name: 'destinations_user_name_unique', table: 'destinations', columns: ['user_id', 'name'] },
  {
    name: 'api_configs_owner_unique',
    table: 'api_configs',
    columns: ['scope', 'owner_key', 'provider'],
  },
  { name: 'releases_name_unique', table: 'releases', columns: ['name'] },
];

/** The constraint name for SQLite's "UNIQUE constraint failed: t.a, t.b" column list. */
export function constraintForColumns(table: string, columns: readonly string[]): string {
  const key = [...columns].sort().join(',');
  const found = UNIQUE_CONSTRAINTS.find(
    (c) => c.table === table && [...c.columns].sort().join(',') === key,
  );
  return found?.name ?? `${table}_pkey`;
}
