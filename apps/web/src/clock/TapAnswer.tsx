import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';
import { StatusBadge } from '../ui/StatusBadge';
import type { SyncState } from './sync';

/** What the server said to the latest tap, once nothing waits to be sent. */
export function TapAnswer({ state, f }: { state: SyncState; f: Formatters }) {
  const { t } = useLang();
  const answer = state.lastAnswer;
  return (
    <div aria-live="polite" className="answer">
      {answer && state.pending.length === 0 && (
        <p data-testid="answer">
          {answer.kind === 'clockIn'
            ? t('answerIn', { time: f.time(answer.view.clockInAt) })
            : t('answerOut', {
                time: f.time(answer.view.clockOutAt ?? answer.view.clockInAt),
              })}{' '}
          {answer.kind === 'clockIn' && <StatusBadge view={answer.view} f={f} />}
        </p>
      )}
    </div>
  );
}
