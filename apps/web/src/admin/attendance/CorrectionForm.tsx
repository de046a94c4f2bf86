import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useAdminLang } from '../use-admin-lang';
import { FormDialog } from '../../ui/ModalDialog';
import { useFormat } from '../../i18n/use-format';
import { Field } from '../../ui/Field';
import { useSiteNames } from '../scope/ScopeSelects';
import { RowPlaces } from './AttendanceRows';
import { AuditTrail } from './AuditTrail';
import { correctionInput, correctionRefusal, draftOf, type Row, type Status } from './correction';
import { NoteAndReason } from './NoteAndReason';
import { RefusalMessage } from './RefusalMessage';
import { SaveButtons } from './SaveButtons';
import type { Refusal } from './shift-checks';
import { ShiftTimesFields } from './ShiftTimesFields';
import { useAttendanceChanged } from './use-attendance-changed';

/**
 * Corrects one record's times, status or note, with a reason that goes into its audit trail. What
 * cannot be sent is said at once; what the server refuses is said when it answers.
 */
export function CorrectionForm({
  row,
  zone,
  onDone,
}: {
  row: Row;
  zone: string;
  onDone: () => void;
}) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const f = useFormat(zone);
  const siteNames = useSiteNames();
  const [draft, setDraft] = useState(() => draftOf(row, zone));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const correct = useMutation(
    trpc.admin.attendance.correct.mutationOptions({ onSuccess: useAttendanceChanged() }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refused = correctionRefusal(row, zone, draft);
    setRefusal(refused);
    correct.reset();
    if (!refused) correct.mutate(correctionInput(row, zone, draft), { onSuccess: onDone });
  };

  return (
    <FormDialog
      title={t('correctTitle', { name: row.user.name, date: f.date(row.workDate) })}
      onClose={onDone}
      wide
    >
      <form className="stack correction" onSubmit={submit} aria-label={t('correct')} noValidate>
        <RowPlaces
          row={row}
          siteName={row.siteId === null ? null : (siteNames.get(row.siteId) ?? null)}
          locale={f.locale}
        />
        <div className="row wrap">
          <ShiftTimesFields
            times={draft}
            zone={zone}
            outRequired={row.clockOutAt !== null}
            onChange={(times) => setDraft({ ...draft, ...times })}
          />
          <Field label={t('status')}>
            <select
              value={draft.status}
              onChange={(event) => setDraft({ ...draft, status: event.target.value as Status })}
            >
              <option value="on_time">{t('statusOnTime')}</option>
              <option value="late">{t('statusLate')}</option>
            </select>
          </Field>
        </div>
        <NoteAndReason
          note={draft.note}
          reason={draft.reason}
          onChange={(text) => setDraft({ ...draft, ...text })}
        />
        <RefusalMessage refusal={refusal} problem={problemOf(correct.error)} />
        <SaveButtons label={t('save')} pending={correct.isPending} onCancel={onDone} />
        <AuditTrail id={row.id} f={f} />
      </form>
    </FormDialog>
  );
}
