import type { Dashboard } from '../../api/types';
import type { Formatters } from '../../i18n/format';
import { useRequestLang } from '../../requests/messages';
import { leaveTypeName } from '../../requests/words';
import { useAdminLang } from '../use-admin-lang';
import { MoreThanShown } from './MoreThanShown';

/**
 * Who is on approved leave today, with the leave type in the reader's language (an admin's own
 * type by its name) and the half, for a half day.
 */
export function OnLeaveToday({ board, f }: { board: Dashboard; f: Formatters }) {
  const { t } = useAdminLang();
  const words = useRequestLang().t;
  return (
    <>
      <h3>
        {t('onLeaveToday')} ({f.number(board.counts.onLeave)})
      </h3>
      {board.onLeave.length === 0 ? (
        <p className="muted">{t('nobodyOnLeave')}</p>
      ) : (
        <ul className="people" data-testid="on-leave">
          {board.onLeave.map((person) => (
            <li key={person.userId}>
              <strong>{person.name}</strong>
              <span className="muted">{person.department ?? ''}</span>
              <span className="badge">
                {leaveTypeName({ category: person.category, name: person.leaveType.name }, words)}
              </span>
              {person.part !== 'full' && (
                <span className="muted">
                  {t(person.part === 'first_half' ? 'leaveHalfFirst' : 'leaveHalfSecond')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <MoreThanShown shown={board.onLeave.length} total={board.counts.onLeave} />
    </>
  );
}
