import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import type { Formatters } from '../i18n/format';
import { useRequestLang } from './messages';
import type { OutboxItem } from './outbox';
import { outboxTitle, requestDates, refusalText } from './words';

/** The start and end date of a request as filed. */
function datesOf(item: OutboxItem) {
  const input = item.input;
  return input.kind === 'leave'
    ? { startDate: input.startDate, endDate: input.endDate }
    : { startDate: input.date, endDate: input.date };
}

/**
 * Requests kept on this phone: waiting for the network ("saved on this phone, sending…"), or
 * refused by the server with its reason, to fix and send again or remove.
 */
export function OutboxList({
  items,
  f,
  onRefile,
  onRemove,
}: {
  items: readonly OutboxItem[];
  f: Formatters;
  onRefile: (item: OutboxItem) => void;
  onRemove: (item: OutboxItem) => void;
}) {
  const { t } = useRequestLang();
  // The form's own query: its cached answer names the types, offline too.
  const types = useQuery(useTRPC().requests.leaveTypes.queryOptions());
  if (items.length === 0) return null;
  return (
    <ul className="stack plain" data-testid="outbox">
      {items.map((item) => (
        <li
          key={item.clientKey}
          className="card stack"
          data-testid="outbox-request"
          data-state={item.refused ? 'refused' : 'waiting'}
        >
          <div className="row between wrap">
            <strong>{outboxTitle(item.input, types.data, t)}</strong>
            <span className={item.refused ? 'badge late' : 'badge mark'}>
              {item.refused ? t('stateNotAccepted') : t('savedOnPhone')}
            </span>
          </div>
          <span>{requestDates(datesOf(item), f.date)}</span>
          <span className="muted">{item.input.reason}</span>
          {item.refused ? (
            <>
              <p className="banner error" role="alert">
                {t('refusedOnPhone', {
                  reason: refusalText({ ...item.refused, answered: true }, t),
                })}
              </p>
              <div className="row wrap">
                <button className="button small primary" onClick={() => onRefile(item)}>
                  {t('refileRequest')}
                </button>
                <button className="button small" onClick={() => onRemove(item)}>
                  {t('removeFromPhone')}
                </button>
              </div>
            </>
          ) : (
            <span className="muted small">{t('savedOnPhoneHelp')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
