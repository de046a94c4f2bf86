import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import type { AttendanceView } from '../../api/types';
import { Field } from '../../ui/Field';
import { useAdminLang } from '../use-admin-lang';
import { FormDialog } from '../../ui/ModalDialog';
import { addShiftInput, addShiftRefusal, emptyShift } from './add-shift';
import { usePeople } from '../scope/use-scope-lists';
import { PersonSelect } from './PersonSelect';
import { NoteAndReason } from './NoteAndReason';
import { RefusalMessage } from './RefusalMessage';
import { SaveButtons } from './SaveButtons';
import type { Refusal } from './shift-checks';
import { ShiftTimesFields } from './ShiftTimesFields';
import { useAttendanceChanged } from './use-attendance-changed';

/**
 * Adds a shift an employee did not record (a forgotten or broken phone): who, from when to when
 * in the company's zone, and why, which goes into the new record's audit trail.
 */
export function AddShiftForm({
  zone,
  userId,
  onAdded,
  onCancel,
}: {
  zone: string;
  /** The person to start with (the one the list is filtered to), or ''. */
  userId: string;
  onAdded: (view: AttendanceView, name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const [draft, setDraft] = useState(() => emptyShift(userId));
  const people = usePeople();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const add = useMutation(
    trpc.admin.attendance.add.mutationOptions({ onSuccess: useAttendanceChanged() }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refused = addShiftRefusal(draft, zone);
    setRefusal(refused);
    add.reset();
    if (refused) return;
    const name = people.find((person) => String(person.id) === draft.userId)?.name ?? '';
    add.mutate(addShiftInput(draft, zone), { onSuccess: (view) => onAdded(view, name) });
  };

  return (
    <FormDialog title={t('addShift')} onClose={onCancel} wide>
      <form className="stack" onSubmit={submit} aria-label={t('addShift')} noValidate>
        <div className="row wrap">
          <Field label={t('employee')}>
            <PersonSelect
              value={draft.userId}
              emptyLabel={t('chooseEmployee')}
              required
              onChange={(chosen) => setDraft({ ...draft, userId: chosen })}
            />
          </Field>
          <ShiftTimesFields
            times={draft}
            zone={zone}
            outRequired
            onChange={(times) => setDraft({ ...draft, ...times })}
          />
        </div>
        <NoteAndReason
          note={draft.note}
          reason={draft.reason}
          onChange={(text) => setDraft({ ...draft, ...text })}
        />
        <RefusalMessage refusal={refusal} problem={problemOf(add.error)} />
        <SaveButtons label={t('addShiftSave')} pending={add.isPending} onCancel={onCancel} />
      </form>
    </FormDialog>
  );
}
