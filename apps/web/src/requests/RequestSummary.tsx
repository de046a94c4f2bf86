import type { ReactNode } from 'react';
import type { Formatters } from '../i18n/format';
import { useRequestLang } from './messages';
import { requestDates, requestTitle, STATE_KEYS, type RequestView } from './words';

const TONE = { pending: 'mark', approved: 'ok', declined: 'late', cancelled: '' } as const;

/** One request as both sides read it: what, when, why, its state and the approver's note. */
export function RequestSummary({
  request,
  f,
  who,
  children,
}: {
  request: RequestView;
  f: Formatters;
  /** The employee's name, on the approver's list. */
  who?: string;
  /** The actions the reader may take. */
  children?: ReactNode;
}) {
  const { t } = useRequestLang();
  const part =
    request.part === 'first_half'
      ? t('partFirstHalf')
      : request.part === 'second_half'
        ? t('partSecondHalf')
        : null;
  return (
    <li className="card stack" data-testid="request" data-state={request.state}>
      <div className="row between wrap">
        <strong>
          {who ? `${who} · ` : ''}
          {requestTitle(request, t)}
        </strong>
        <span className={`badge ${TONE[request.state]}`}>{t(STATE_KEYS[request.state])}</span>
      </div>
      <span>
        {requestDates(request, f.date)}
        {part ? ` · ${part}` : ''}
        {request.kind === 'leave' && request.leaveDays > 0
          ? ` · ${request.leaveDays === 1 ? t('oneDay') : t('days', { count: f.number(request.leaveDays) })}`
          : ''}
        {request.overtimeMinutes !== null
          ? ` · ${t('minutesValue', { minutes: f.number(request.overtimeMinutes) })}`
          : ''}
      </span>
      {request.kind === 'correction' && (
        <span className="small">
          {t('correctionTo', {
            in: request.clockInAt ? f.dateTime(request.clockInAt) : '–',
            out: request.clockOutAt ? f.dateTime(request.clockOutAt) : '–',
          })}
        </span>
      )}
      <span className="muted">{request.reason}</span>
      {request.decidedByName && (
        <span className="small">
          {t('decidedBy', { state: t(STATE_KEYS[request.state]), name: request.decidedByName })}
          {request.decisionNote ? ` · ${t('decisionNote', { note: request.decisionNote })}` : ''}
        </span>
      )}
      <span className="muted small">
        {t('filedOn', { when: f.dateTime(request.createdAt) })}
        {request.attachments.length > 0 ? ` · ${t('withPhoto')}` : ''}
      </span>
      {children}
    </li>
  );
}
