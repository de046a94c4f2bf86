import type { Outputs } from '../../api/types';
import type { Formatters } from '../../i18n/format';
import type { MessageKey } from '../../i18n/translate';
import type { AdminMessageKey } from '../messages/dictionaries';
import { useAdminLang, type AdminTranslate } from '../use-admin-lang';
import { auditChanges, type AuditField, type AuditSnapshot } from './audit-changes';

type Entry = Outputs['admin']['attendance']['audit'][number];

/** What was done, said in the person's language; the reason the admin typed is shown for theirs. */
const ACTIONS: Record<string, { label: AdminMessageKey; typedReason: boolean }> = {
  'attendance.correct': { label: 'actionCorrect', typedReason: true },
  'attendance.add': { label: 'actionAdd', typedReason: true },
  'attendance.clock_out_replaces_auto': { label: 'actionReplacesAuto', typedReason: false },
  'attendance.close_on_deactivation': { label: 'actionDeactivation', typedReason: false },
};

const FIELD_LABELS: Record<AuditField, MessageKey | AdminMessageKey> = {
  workDate: 'fieldWorkDate',
  clockIn: 'fieldClockIn',
  clockOut: 'fieldClockOut',
  status: 'status',
  ended: 'fieldEnded',
  note: 'note',
};

const ENDED: Record<NonNullable<AuditSnapshot['clockOutKind']>, AdminMessageKey> = {
  manual: 'endManual',
  auto: 'endAuto',
  correction: 'endCorrection',
  deactivation: 'endDeactivation',
};

/** One field of a record as the trail shows it; "—" where the record had none. */
function fieldValue(
  field: AuditField,
  record: AuditSnapshot | null,
  t: AdminTranslate,
  f: Formatters,
): string {
  if (!record) return '—';
  switch (field) {
    case 'workDate':
      return record.workDate ? f.date(record.workDate) : '—';
    case 'clockIn':
      return record.clockInAt ? f.dateTime(record.clockInAt) : '—';
    case 'clockOut':
      return record.clockOutAt ? f.dateTime(record.clockOutAt) : t('open');
    case 'status':
      return record.status === 'late'
        ? t('late', { duration: f.lateness(record.lateMinutes ?? 0) })
        : t('onTime');
    case 'ended':
      return record.clockOutKind ? t(ENDED[record.clockOutKind]) : '—';
    case 'note':
      return record.clockInNote || '—';
  }
}

/** One change to a record: what, when, by whom, why, and each field before → after. */
export function AuditEntry({ entry, f }: { entry: Entry; f: Formatters }) {
  const { t } = useAdminLang();
  const action = ACTIONS[entry.action];
  return (
    <li>
      <p>
        <strong>{action ? t(action.label) : entry.action}</strong> · {f.dateTime(entry.at)} ·{' '}
        {t('byActor', { name: entry.actorName ?? String(entry.actorId) })}
      </p>
      {(!action || action.typedReason) && <p className="muted">{entry.reason}</p>}
      <ul className="changes">
        {auditChanges(entry.before, entry.after).map((change) => (
          <li key={change.field}>
            {t(FIELD_LABELS[change.field])}:{' '}
            {change.before && <del>{fieldValue(change.field, change.before, t, f)}</del>}
            {change.before && ' → '}
            <ins>{fieldValue(change.field, change.after, t, f)}</ins>
          </li>
        ))}
      </ul>
    </li>
  );
}
