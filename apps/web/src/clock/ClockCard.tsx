import { useState } from 'react';
import type { Today } from '../api/types';
import { useSession } from '../auth/session';
import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';
import { useNow } from '../ui/use-now';
import { shiftState } from './shift-state';
import type { SyncState, TapSync } from './sync';
import { LocationNote } from './LocationNote';
import { TapAnswer } from './TapAnswer';
import { TodaysPlanLine } from './TodaysPlanLine';

/** The clock: in or out, since when, and the one big button. */
export function ClockCard({
  sync,
  state,
  today,
  f,
}: {
  sync: TapSync;
  state: SyncState;
  today: Today | null;
  f: Formatters;
}) {
  const { me } = useSession();
  const { t } = useLang();
  const now = useNow(1_000);
  const [busy, setBusy] = useState(false);
  const { isIn, since, next } = shiftState(today, state);

  const onTap = () => {
    setBusy(true);
    void sync.tap(next).finally(() => setBusy(false));
  };

  return (
    <section className="clock-card" aria-labelledby="clock-state">
      <p className="muted">{t('hello', { name: me.name })}</p>
      <p className="muted">{f.today(now)}</p>
      <p className="now" aria-hidden="true">
        {f.time(now)}
      </p>
      <h1 id="clock-state" className={isIn ? 'state in' : 'state out'} data-testid="clock-state">
        {isIn ? t('stateIn') : t('stateOut')}
      </h1>
      {since && (
        <p aria-live="off">
          {t('since', { time: f.time(since) })} ·{' '}
          {t('elapsed', { duration: f.duration((now.getTime() - Date.parse(since)) / 60_000) })}
        </p>
      )}
      <button
        className={`button tap ${isIn ? 'out' : 'in'}`}
        onClick={onTap}
        disabled={busy}
        data-testid="tap"
      >
        {isIn ? t('clockOut') : t('clockIn')}
      </button>
      <TodaysPlanLine plan={today?.plan ?? null} f={f} />
      <LocationNote state={state} />
      <TapAnswer state={state} f={f} />
    </section>
  );
}
