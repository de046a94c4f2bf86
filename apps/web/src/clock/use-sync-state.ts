import { useSyncExternalStore } from 'react';
import type { SyncState, TapSync } from './sync';

/** The tap queue as the screen shows it, following every change. */
export function useSyncState(sync: TapSync): SyncState {
  return useSyncExternalStore(
    (listener) => sync.subscribe(listener),
    () => sync.state,
  );
}
