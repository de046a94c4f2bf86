import type { Dashboard } from '../../api/types';
import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import { MoreThanShown } from './MoreThanShown';
import { OnLeaveToday } from './OnLeaveToday';
import { useLiveLeave } from './use-live-leave';

/**
 * Who is clocked in now (since when, on time or late), who is absent so far (past
 * their shift's start and grace, no clock-in, no approved leave), and who is on leave; read again
 * live when a leave is decided.
 */
export function WhoIsIn({ board, f }: { board: Dashboard; f: Formatters }) {
  const { t } = useAdminLang();
  useLiveLeave();
  return (
    <section className="card" aria-labelledby="present-title">
      <h2 id="present-title">
        {t('whoIsIn')} ({f.number(board.counts.present)})
      </h2>
      {board.present.length === 0 ? (
        <p className="muted">{t('nobodyIn')}</p>
      ) : (
        <ul className="people" data-testid="present">
          {board.present.map((person) => (
            <li key={person.userId}>
              <strong>{person.name}</strong>
              <span className="muted">{person.department ?? ''}</span>
              <span>{t('since', { time: f.time(person.since) })}</span>
              <span className={person.status === 'late' ? 'badge late' : 'badge ok'}>
                {person.status === 'late' ? t('statusLate') : t('statusOnTime')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <MoreThanShown shown={board.present.length} total={board.counts.present} />
      <h3 title={t('absentHelp')}>
        {t('notYetIn')} ({f.number(board.counts.notYetIn)})
      </h3>
      {board.notYetIn.length === 0 ? (
        <p className="muted">{t('everyoneIn')}</p>
      ) : (
        <p className="names" data-testid="not-yet-in">
          {board.notYetIn.map((person) => person.name).join(', ')}
        </p>
      )}
      <MoreThanShown shown={board.notYetIn.length} total={board.counts.notYetIn} />
      <OnLeaveToday board={board} f={f} />
    </section>
  );
}
