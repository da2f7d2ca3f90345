import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { subscribeToChanges } from './api/changes';
import { followChanges } from './api/follow-changes';
import { App } from './app/App';
import { RouterProvider } from './components/route';
import './global.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 } },
});
// Once per page: what is saved elsewhere (another window, another PC) is read again here.
followChanges(queryClient, subscribeToChanges);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider>
          <App />
        </RouterProvider>
      </QueryClientProvider>
    </FluentProvider>
  </StrictMode>,
);
