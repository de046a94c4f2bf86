import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import type { Formatters } from '../../i18n/format';
import { Field } from '../../ui/Field';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { PersonSelect } from '../attendance/PersonSelect';
import { useDepartments, type Person } from '../scope/use-scope-lists';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { EditForm } from '../ui/EditForm';
import { useAdminLang } from '../use-admin-lang';
import { assignInput, type AssignDraft, type Assignment } from './schedule';

function useSchedulesChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries(trpc.admin.schedules.pathFilter());
}

/** Whom a schedule applies to and when, each with a way to end it. */
export function AssignmentList({
  assignments,
  people,
  f,
}: {
  assignments: Assignment[];
  people: Person[];
  f: Formatters;
}) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const changed = useSchedulesChanged();
  const unassign = useMutation(
    trpc.admin.schedules.unassign.mutationOptions({ onSuccess: changed }),
  );
  if (assignments.length === 0) return <p className="muted">{t('notAssigned')}</p>;
  const whom = (assignment: Assignment) =>
    assignment.userId !== null
      ? (people.find((person) => person.id === assignment.userId)?.name ??
        t('employeeNumber', { id: assignment.userId }))
      : assignment.department !== null
        ? t('departmentNamed', { name: assignment.department })
        : t('everyone');
  return (
    <>
      <ul className="assignments">
        {assignments.map((assignment) => (
          <li key={assignment.id} data-testid="assignment">
            <strong>{whom(assignment)}</strong>{' '}
            <span>
              {assignment.validTo
                ? t('validFromTo', {
                    from: f.date(assignment.validFrom),
                    to: f.date(assignment.validTo),
                  })
                : t('validFrom', { from: f.date(assignment.validFrom) })}
            </span>
            <ConfirmButton
              label={t('unassign')}
              question={t('confirmUnassign', { name: whom(assignment) })}
              disabled={unassign.isPending}
              onConfirm={() => unassign.mutate({ id: assignment.id })}
            />
          </li>
        ))}
      </ul>
      <ProblemMessage problem={problemOf(unassign.error)} />
    </>
  );
}

/** Assigns a schedule to a department, an employee or everyone, from a date (to one, maybe). */
export function AssignForm({
  scheduleId,
  today,
  onDone,
}: {
  scheduleId: number;
  today: string;
  onDone: () => void;
}) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const changed = useSchedulesChanged();
  const departments = useDepartments();
  const [draft, setDraft] = useState<AssignDraft>({
    target: 'department',
    department: '',
    userId: '',
    validFrom: today,
    validTo: '',
  });
  const [missing, setMissing] = useState(false);
  const assign = useMutation(
    trpc.admin.schedules.assign.mutationOptions({
      onSuccess: () => {
        changed();
        onDone();
      },
    }),
  );
  const set = (changes: Partial<AssignDraft>) => setDraft({ ...draft, ...changes });
  return (
    <EditForm
      title={t('assign')}
      saving={[assign]}
      onCancel={onDone}
      onSubmit={() => {
        const input = assignInput(scheduleId, draft);
        setMissing(input === null);
        if (input) assign.mutate(input);
      }}
    >
      <div className="row wrap">
        <Field label={t('assignTo')}>
          <select
            value={draft.target}
            onChange={(e) => set({ target: e.target.value as AssignDraft['target'] })}
          >
            <option value="department">{t('department')}</option>
            <option value="employee">{t('employee')}</option>
            <option value="everyone">{t('everyone')}</option>
          </select>
        </Field>
        {draft.target === 'department' && (
          <Field label={t('department')}>
            <select value={draft.department} onChange={(e) => set({ department: e.target.value })}>
              <option value="">{t('chooseDepartment')}</option>
              {departments.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {draft.target === 'employee' && (
          <Field label={t('employee')}>
            <PersonSelect
              value={draft.userId}
              emptyLabel={t('chooseEmployee')}
              onChange={(userId) => set({ userId })}
            />
          </Field>
        )}
        <Field label={t('from')}>
          <input
            type="date"
            required
            value={draft.validFrom}
            onChange={(e) => set({ validFrom: e.target.value })}
          />
        </Field>
        <Field label={t('toOptional')}>
          <input
            type="date"
            value={draft.validTo}
            onChange={(e) => set({ validTo: e.target.value })}
          />
        </Field>
      </div>
      {missing && (
        <p className="banner error" role="alert">
          {draft.target === 'department' ? t('chooseDepartment') : t('chooseEmployee')}
        </p>
      )}
    </EditForm>
  );
}
