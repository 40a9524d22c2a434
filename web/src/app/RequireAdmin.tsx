import type { ReactNode } from 'react';
import { NotAllowed } from '../components/NotAllowed';
import { useSession } from './session';

/** Admin-only pages: other roles get a clear "not allowed" page (the API refuses them too). */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { data: user } = useSession();
  return user?.role === 'admin' ? children : <NotAllowed />;
}
