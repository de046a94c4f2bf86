import { useEffect, useRef, useSyncExternalStore } from 'react';
import { liveConnection } from '../../api/live-connection';

/** Whether the live WebSocket is open now; `onOpened` runs each time it opens after being shut. */
export function useLiveConnected(onOpened: () => void): boolean {
  const connected = useSyncExternalStore(liveConnection.subscribe, () => liveConnection.connected);
  const wasConnected = useRef(connected);
  useEffect(() => {
    if (connected && !wasConnected.current) onOpened();
    wasConnected.current = connected;
  }, [connected, onOpened]);
  return connected;
}
