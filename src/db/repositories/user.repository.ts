import type { User } from '../../domain/entities.js';
import { ROLES, type Role } from '../../domain/enums.js';
import { createCodec } from '../codec.js';
import { withDbErrors } from '../errors.js';
import type { UserRepository } from '../ports.js';
import type { UsersTable } from '../tables.js';
import {
  contains,
  countsFor,
  deleteById,
  pageOf,
  updateById,
  type Count,
  type Db,
} from './shared.js';

const codec = createCodec<User, UsersTable, 'usernameKey' | 'emailKey'>(
  {
    disabled: 'flag',
    mustChangePassword: 'flag',
    createdAt: 'date',
    updatedAt: 'date',
    lastLoginAt: 'date',
  },
  ['usernameKey', 'emailKey'],
);

/** Lower-cased copies that carry the case-insensitive unique keys and lookups. */
function lookupKeys(values: Partial<User>): Partial<Pick<UsersTable, 'usernameKey' | 'emailKey'>> {
  return {
    ...(values.username === undefined ? {} : { usernameKey: values.username.toLowerCase() }),
    ...(values.email === undefined ? {} : { emailKey: values.email?.toLowerCase() ?? null }),
  };
}

interface UserFilter {
  role?: Role;
  disabled?: boolean;
  search?: string;
}

function filtered(db: Db, filter: UserFilter) {
  let query = db.selectFrom('users');
  if (filter.role !== undefined) {
    query = query.where('role', '=', filter.role);
  }
  if (filter.disabled !== undefined) {
    query = query.where('disabled', '=', filter.disabled ? 1 : 0);
  }
  const search = filter.search;
  if (search !== undefined && search !== '') {
    query = query.where((eb) =>
      eb.or([
        contains('usernameKey', search),
        contains('emailKey', search),
        contains('displayName', search),
      ]),
    );
  }
  return query;
}

async function findBy(db: Db, column: 'id' | 'usernameKey' | 'emailKey', value: string) {
  const row = await db.selectFrom('users').selectAll().where(column, '=', value).executeTakeFirst();
  return row && codec.decode(row);
}

async function countActiveAdmins(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<Count>().as('count'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(count);
}

async function countByRole(db: Db): Promise<Record<Role, number>> {
  const rows = await db
    .selectFrom('users')
    .select((eb) => ['role as key', eb.fn.countAll<Count>().as('count')])
    .groupBy('role')
    .execute();
  return countsFor(ROLES, rows);
}

export function createUserRepository(db: Db): UserRepository {
  return withDbErrors('users', {
    async create(user) {
      await db
        .insertInto('users')
        .values({ ...codec.encode(user), usernameKey: '', emailKey: null, ...lookupKeys(user) })
        .execute();
      return (await findBy(db, 'id', user.id)) ?? user;
    },
    findById: (id) => findBy(db, 'id', id),
    findByUsername: (username) => findBy(db, 'usernameKey', username.toLowerCase()),
    findByEmail: (email) => findBy(db, 'emailKey', email.toLowerCase()),
    list: (filter, page) => pageOf(filtered(db, filter), page, codec.decode),
    async update(id, patch) {
      await updateById(db, 'users', id, { ...codec.encodePatch(patch), ...lookupKeys(patch) });
      return findBy(db, 'id', id);
    },
    delete: (id) => deleteById(db, 'users', id),
    countActiveAdmins: () => countActiveAdmins(db),
    countByRole: () => countByRole(db),
  } satisfies UserRepository);
}
