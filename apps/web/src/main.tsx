import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startFirstReads } from './api/first-reads';
import { createQueryClient } from './api/query-client';
import { App } from './app/App';
import { readMe } from './auth/remembered-me';
import { companyZone } from './clock/today-cache';
import { usableZone } from './time/usable-zone';
import './styles.css';

const queryClient = createQueryClient();
// Before the first render: the session check (and the clock's day) are on their way meanwhile.
startFirstReads(queryClient, location.pathname);
// The browser's time-zone data, loaded by the first Intl formatter given a zone: about 30 ms of a
// slow phone's main thread, spent here while the reads travel rather than when the clock is drawn.
usableZone(companyZone(readMe()?.id ?? 0));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
