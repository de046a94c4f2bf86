import { createContext, useContext } from 'react';
import type { Me } from '../api/types';

export interface SessionContextValue {
  me: Me;
  /** A call was refused for want of a session: back to the sign-in screen, saying why. */
  sessionLost: () => void;
  signOut: () => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in person, for the screens behind sign-in. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in screen');
  return value;
}
