import type { Outputs } from '../api/types';
import type { Formatters } from '../i18n/format';
import type { RequestTranslate } from '../requests/messages';
import { KIND_KEYS, STATE_KEYS, type RequestKind, type RequestState } from '../requests/words';

export type NotificationView = Outputs['notifications']['list']['items'][number];

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A notification in the reader's language, from its kind and details. */
export function notificationText(
  note: Pick<NotificationView, 'kind' | 'details'>,
  t: RequestTranslate,
  f: Formatters,
): string {
  const d = note.details;
  const date = (value: unknown) => (typeof value === 'string' && value ? f.date(value) : '');
  switch (note.kind) {
    case 'request_decided': {
      const start = text(d.startDate);
      const end = text(d.endDate);
      const dates = start === end || !end ? date(start) : `${date(start)} – ${date(end)}`;
      const state = STATE_KEYS[d.state as RequestState];
      const kind = KIND_KEYS[d.requestKind as RequestKind];
      const sentence = t('noteRequestDecided', {
        kind: kind ? t(kind).toLowerCase() : '',
        dates,
        state: state ? t(state).toLowerCase() : text(d.state),
        by: text(d.by),
      });
      return d.note ? `${sentence} ${t('decisionNote', { note: text(d.note) })}` : sentence;
    }
    case 'record_corrected':
      return t('noteRecordCorrected', {
        date: date(d.workDate),
        by: text(d.by),
        reason: text(d.reason),
      });
    case 'auto_clocked_out':
      return t('noteAutoClockedOut', { date: date(d.workDate) });
    case 'overtime_ordered':
      return t('noteOvertimeOrdered', { date: date(d.date), by: text(d.by) });
    default:
      return t('noteRequestFiled');
  }
}
