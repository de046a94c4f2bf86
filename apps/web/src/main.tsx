import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startFirstReads } from './api/first-reads';
import { createQueryClient } from './api/query-client';
import { App } from './app/App';
import { readMe } from './auth/remembered-me';
import { companyZone } from './clock/today-cache';
import { usableZone } from './time/usable-zone';
import './styles.css';

/**
 * How long the first render waits for the first reads (ms). Preloaded by index.html, they are
 * usually answered by the time this script runs: the screen is then drawn once, with who is signed
 * in and their day, instead of "Loading…" first and the clock after. On a slow network the
 * "Loading…" screen comes after this wait; offline, the reads fail at once and the remembered
 * person's clock is drawn.
 */
const FIRST_RENDER_WAIT_MS = 300;

const queryClient = createQueryClient();
const firstReads = startFirstReads(queryClient, location.pathname);
// The browser's time-zone data, loaded by the first Intl formatter given a zone: about 30 ms of a
// slow phone's main thread, spent here while the reads travel rather than when the clock is drawn.
usableZone(companyZone(readMe()?.id ?? 0));

void Promise.race([
  firstReads,
  new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS)),
]).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
});
