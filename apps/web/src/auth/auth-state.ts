import { classify } from '../api/errors';
import type { Me } from '../api/types';
import type { MessageKey } from '../i18n/translate';

export type Auth =
  { status: 'checking' } | { status: 'in'; me: Me } | { status: 'out'; message: MessageKey | null };

/**
 * Where the app stands while it confirms the session with the server (`auth.me`), given who was
 * signed in on this phone before, if anyone. Offline or with the server down, that person keeps
 * a usable clock; a refusal means the session has ended.
 */
export function authFromCheck(remembered: Me | null, check: { data?: Me; error: unknown }): Auth {
  if (check.data) return { status: 'in', me: check.data };
  if (!check.error) return remembered ? { status: 'in', me: remembered } : { status: 'checking' };
  const problem = classify(check.error);
  if (problem.kind === 'unauthorized') {
    return { status: 'out', message: remembered ? 'errSessionLost' : null };
  }
  if (remembered) return { status: 'in', me: remembered };
  return { status: 'out', message: problem.kind === 'network' ? 'errOffline' : 'errServerDown' };
}
