import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'sm' });

interface AppProps {
  queryClient: QueryClient;
  router: ReturnType<typeof createBrowserRouter>;
  /** `test` turns off transitions and portals (component tests under jsdom). */
  env?: 'default' | 'test';
}

/** Providers: theme (light/dark kept in localStorage), data cache, notifications, router. */
export function App({ queryClient, router, env = 'default' }: AppProps) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
      <QueryClientProvider client={queryClient}>
        <Notifications position="top-right" />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
