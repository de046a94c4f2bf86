type Listener = (connected: boolean) => void;
const listeners = new Set<Listener>();
let connected = false;

export function setLiveConnected(value: boolean) {
  connected = value;
  for (const listener of listeners) listener(value);
}

/** Whether the live WebSocket is open now, and a way to follow it. */
export const liveConnection = {
  get connected() {
    return connected;
  },
  subscribe: (listener: Listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};
