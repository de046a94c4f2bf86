import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startFirstReads } from './api/first-reads';
import { createQueryClient } from './api/query-client';
import { App } from './app/App';
import './styles.css';

const queryClient = createQueryClient();
// Before the first render: the session check (and the clock's day) are on their way meanwhile.
startFirstReads(queryClient, location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
