/**
 * What the signed-in user's role lets the pages offer (the API checks again: a hidden button is
 * a convenience, never the protection). Mirrors `src/domain/policy.ts`.
 */
import type { User } from '../api/types';
import { useSession } from './session';

export interface Permissions {
  user: User | undefined;
  isAdmin: boolean;
  /** Operators and admins change their own settings; viewers only read. */
  canWrite: boolean;
  /** Whether the user may control (cancel, retry, delete) a job owned by `ownerId`. */
  canControl: (ownerId: string) => boolean;
}

export function usePermissions(): Permissions {
  const { data } = useSession();
  const user = data ?? undefined;
  const isAdmin = user?.role === 'admin';
  const canWrite = user !== undefined && user.role !== 'viewer';
  return {
    user,
    isAdmin,
    canWrite,
    canControl: (ownerId) => isAdmin || (canWrite && user.id === ownerId),
  };
}
