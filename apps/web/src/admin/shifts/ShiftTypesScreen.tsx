import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';
import { Field } from '../../ui/Field';
import { TableHead } from '../../ui/TableHead';
import {
  ActiveCheck,
  EditForm,
  NumberInput,
  useAfterSave,
  useDraft,
  formTitle,
  TextField,
} from '../ui/EditForm';
import { useEditing } from '../ui/EditForm';
import { ScreenHead } from '../ui/ScreenHead';
import { useAdminLang } from '../use-admin-lang';
import { ShiftChip } from './ShiftChip';
import { crossesMidnight, shiftDraftOf, shiftInput, type ShiftType } from './shift-type';
import { TableWrap } from '../../ui/TableWrap';
import { useWallClock } from '../../i18n/use-format';

/** The shift types (shift kerja): times, grace, break, automatic clock-out, colour; new or changed. */
export function ShiftTypesScreen() {
  const { t } = useAdminLang();
  const clock = useWallClock();
  const trpc = useTRPC();
  const list = useQuery(trpc.admin.shifts.list.queryOptions());
  const editing = useEditing<ShiftType>();
  return (
    <div className="stack">
      <ScreenHead
        title={t('navShifts')}
        newLabel={t('newShiftType')}
        onNew={editing.startNew}
        help={t('shiftTypesHelp')}
        list={list}
      />
      {editing.open && (
        <ShiftTypeForm key={editing.key} type={editing.item} onDone={editing.done} />
      )}
      <TableWrap label={t('navShifts')}>
        <table>
          <TableHead
            labels={[
              t('shiftType'),
              t('hours'),
              t('lateGrace'),
              t('earlyGrace'),
              t('breakMinutes'),
              t('autoOutAfter'),
              t('status'),
              t('actions'),
            ]}
          />
          <tbody>
            {list.data?.map((type) => (
              <tr key={type.id} className={type.active ? '' : 'inactive'} data-testid="shift-row">
                <td>
                  <ShiftChip type={type} /> {type.name}
                </td>
                <td>
                  {clock(type.startTime)}–{clock(type.endTime)}
                  {type.crossesMidnight && (
                    <span className="badge mark">{t('crossesMidnight')}</span>
                  )}
                </td>
                <td>{t('minutes', { count: type.lateGraceMinutes })}</td>
                <td>{t('minutes', { count: type.earlyLeaveGraceMinutes })}</td>
                <td>{t('minutes', { count: type.breakMinutes })}</td>
                <td>{t('minutes', { count: type.autoClockOutAfterMinutes })}</td>
                <td>{type.active ? t('active') : t('inactive')}</td>
                <td>
                  <button className="button small" onClick={() => editing.edit(type)}>
                    {t('edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

function ShiftTypeForm({ type, onDone }: { type: ShiftType | null; onDone: () => void }) {
  const { t } = useAdminLang();
  const clock = useWallClock();
  const trpc = useTRPC();
  const [draft, set] = useDraft(() => shiftDraftOf(type));
  const changed = useAfterSave(
    onDone,
    trpc.admin.shifts.pathFilter(),
    trpc.admin.schedules.pathFilter(),
  );
  const create = useMutation(trpc.admin.shifts.create.mutationOptions({ onSuccess: changed }));
  const update = useMutation(trpc.admin.shifts.update.mutationOptions({ onSuccess: changed }));
  const minutesField = (
    key: keyof typeof draft & `${string}Minutes`,
    label: string,
    max: number,
  ) => (
    <Field label={label}>
      <NumberInput
        value={draft[key]}
        min={0}
        max={max}
        onChange={(value) => set({ [key]: value })}
      />
    </Field>
  );
  return (
    <EditForm
      title={formTitle(t, type, t('newShiftType'))}
      saving={[create, update]}
      onCancel={onDone}
      onSubmit={() =>
        type
          ? update.mutate({ id: type.id, ...shiftInput(draft), active: draft.active })
          : create.mutate(shiftInput(draft))
      }
    >
      <div className="row wrap">
        <TextField label={t('name')} value={draft.name} onChange={(name) => set({ name })} />
        <Field label={t('shiftCode')}>
          <input
            required
            maxLength={8}
            size={6}
            value={draft.code}
            onChange={(e) => set({ code: e.target.value })}
          />
        </Field>
        <Field label={t('shiftStartTime')}>
          <input
            type="time"
            required
            value={draft.startTime}
            onChange={(e) => set({ startTime: e.target.value })}
          />
        </Field>
        <Field label={t('shiftEndTime')}>
          <input
            type="time"
            required
            value={draft.endTime}
            onChange={(e) => set({ endTime: e.target.value })}
          />
        </Field>
        <Field label={t('colour')}>
          <input
            type="color"
            value={draft.color}
            onChange={(e) => set({ color: e.target.value })}
          />
        </Field>
      </div>
      {crossesMidnight(draft.startTime, draft.endTime) && (
        <p className="banner ok" role="status">
          {t('crossesMidnightHelp', { start: clock(draft.startTime), end: clock(draft.endTime) })}
        </p>
      )}
      <div className="row wrap">
        {minutesField('lateGraceMinutes', t('lateGrace'), 240)}
        {minutesField('earlyLeaveGraceMinutes', t('earlyGrace'), 240)}
        {minutesField('breakMinutes', t('breakMinutes'), 480)}
        {minutesField('autoClockOutAfterMinutes', t('autoOutAfter'), 720)}
        {type && <ActiveCheck checked={draft.active} onChange={(active) => set({ active })} />}
      </div>
    </EditForm>
  );
}
