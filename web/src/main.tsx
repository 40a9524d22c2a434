import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { routes } from './app/routes';
import { setupI18n } from './i18n';

const container = document.getElementById('root');
if (container) {
  void setupI18n().then(() => {
    createRoot(container).render(
      <StrictMode>
        <App queryClient={createQueryClient()} router={createBrowserRouter(routes)} />
      </StrictMode>,
    );
  });
}
