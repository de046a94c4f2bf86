import { ApiProvider } from '../api/ApiProvider';
import { LangProvider } from '../i18n/LangProvider';
import { AuthGate } from './AuthGate';
import { ErrorBoundary } from './ErrorBoundary';
import { UpdatePrompt } from './UpdatePrompt';

export function App() {
  return (
    <LangProvider>
      <ErrorBoundary>
        <ApiProvider>
          <AuthGate />
          {/* Last in the page: the floating notices, over whatever screen is open. */}
          <UpdatePrompt />
        </ApiProvider>
      </ErrorBoundary>
    </LangProvider>
  );
}
