import type { QueryClient } from '@tanstack/react-query';
import { ApiProvider } from '../api/ApiProvider';
import { LangProvider } from '../i18n/LangProvider';
import { AuthGate } from './AuthGate';
import { ErrorBoundary } from './ErrorBoundary';
import { UpdatePrompt } from './UpdatePrompt';

/** The app, reading through `queryClient` (see api/first-reads.ts). */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <LangProvider>
      <ErrorBoundary>
        <ApiProvider queryClient={queryClient}>
          <AuthGate />
          {/* Last in the page: the floating notices, over whatever screen is open. */}
          <UpdatePrompt />
        </ApiProvider>
      </ErrorBoundary>
    </LangProvider>
  );
}
