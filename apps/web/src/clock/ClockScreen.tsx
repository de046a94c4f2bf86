import { useEffect, useState } from 'react';
import { problemOf, type Problem } from '../api/errors';
import { useSession } from '../auth/session';
import { useFormat } from '../i18n/use-format';
import { DEFAULT_ZONE } from '../time/default-zone';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useOnline } from '../ui/use-online';
import { ClockCard } from './ClockCard';
import { PendingTaps } from './PendingTaps';
import { RefusedTaps } from './RefusedTaps';
import type { SyncState, TapSync } from './sync';
import { TodayRecords } from './TodayRecords';
import { useSyncState } from './use-sync-state';
import { useToday } from './use-today';
import { WeekPlan } from '../schedule/WeekPlan';

/** Problems the queue sorts out by itself: the taps say "saved on this phone, sending…" instead. */
const SENT_AGAIN_BY_ITSELF = new Set<Problem['kind']>(['network', 'unavailable', 'tooMany']);

/**
 * Why waiting taps could not be sent, when the person needs to know: not for an unreachable or
 * busy server while taps wait (they are kept and sent again), nor offline (the banner says so).
 */
function shownSendProblem(state: SyncState, online: boolean): Problem | null {
  const problem = state.problem;
  if (!problem) return null;
  if (problem.kind === 'network' && !online) return null;
  if (SENT_AGAIN_BY_ITSELF.has(problem.kind) && state.pending.length > 0) return null;
  return problem;
}

/** The employee's screen: the clock, taps waiting or refused, today's shifts and the week ahead. */
export function ClockScreen({ sync }: { sync: TapSync }) {
  const { me } = useSession();
  const online = useOnline();
  const state = useSyncState(sync);
  const { today, query } = useToday(me.id);
  const f = useFormat(today?.settings.timeZone ?? DEFAULT_ZONE);
  const sendProblem = shownSendProblem(state, online);
  // Without a network the day kept on this phone stands in for the server's.
  const readProblem = problemOf(query.error);
  // The clock first; today's shifts and the week (below it on a phone) in the next task, so the
  // button is drawn, and answers, before the rest of the screen is built.
  const [restShown, setRestShown] = useState(false);
  useEffect(() => setRestShown(true), []);

  return (
    <div className="employee stack">
      <ClockCard sync={sync} state={state} today={today} f={f} />
      <PendingTaps pending={state.pending} sending={state.sending} f={f} />
      <RefusedTaps refused={state.refused} onDismiss={(key) => sync.dismissRefused(key)} f={f} />
      <ProblemMessage problem={sendProblem} retry={() => void sync.flush()} />
      <ProblemMessage
        problem={readProblem && readProblem.kind !== 'network' ? readProblem : null}
        retry={() => void query.refetch()}
      />
      {restShown && <TodayRecords records={today?.records ?? []} f={f} />}
      {restShown && <WeekPlan f={f} />}
    </div>
  );
}
