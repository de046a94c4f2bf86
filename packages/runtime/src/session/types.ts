/** The session of one request or connection, whichever transport carries it. */
export interface RequestSession {
  /** The signed-in user's id, or null. */
  readonly userId: number | null;
  /** The account's session generation when this session signed in (0 when it has none). */
  readonly generation: number;
  /**
   * Starts a fresh session for this user carrying the account's session generation (a new id, so
   * a session fixed before login is useless).
   */
  signIn(userId: number, generation: number): Promise<void>;
  signOut(): Promise<void>;
}

export interface SessionData {
  userId?: number;
  /** See RequestSession.generation. */
  generation?: number;
  cookie?: unknown;
}

/** The callback store contract of @fastify/session, kept here so realtime can read the same sessions. */
export interface SessionStore {
  set(sessionId: string, session: SessionData, callback: (error?: Error) => void): void;
  get(
    sessionId: string,
    callback: (error: Error | null, session?: SessionData | null) => void,
  ): void;
  destroy(sessionId: string, callback: (error?: Error) => void): void;
}

export const SESSION_COOKIE = 'absensi.sid';
