import { Navigate, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { ApiKeysPage } from '../features/config/apis/ApiKeysPage';
import { DestinationsPage } from '../features/config/destinations/DestinationsPage';
import { PathsPage } from '../features/config/paths/PathsPage';
import { PreferencesPage } from '../features/config/preferences/PreferencesPage';
import { TemplatesPage } from '../features/config/templates/TemplatesPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { HomePage } from '../features/home/HomePage';
import { JobDetailPage } from '../features/jobs/JobDetailPage';
import { JobsPage } from '../features/jobs/JobsPage';
import { NotFoundPage } from '../features/home/NotFoundPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { UsersPage } from '../features/users/UsersPage';
import { AppLayout } from './AppLayout';
import { PublicLayout } from './PublicLayout';
import { RequireAdmin } from './RequireAdmin';
import { RequireAuth } from './RequireAuth';

/** The route table: public pages, then everything behind the sign-in guard. */
export const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/login', element: <LoginPage /> },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { path: '/dashboard', element: <DashboardPage /> },
          { path: '/jobs', element: <JobsPage /> },
          { path: '/jobs/:id', element: <JobDetailPage /> },
          { path: '/config', element: <Navigate to="/config/destinations" replace /> },
          { path: '/config/destinations', element: <DestinationsPage /> },
          { path: '/config/apis', element: <ApiKeysPage /> },
          { path: '/config/paths', element: <PathsPage /> },
          { path: '/config/preferences', element: <PreferencesPage /> },
          { path: '/config/templates', element: <TemplatesPage /> },
          {
            path: '/users',
            element: (
              <RequireAdmin>
                <UsersPage />
              </RequireAdmin>
            ),
          },
          { path: '/profile', element: <ProfilePage /> },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];
