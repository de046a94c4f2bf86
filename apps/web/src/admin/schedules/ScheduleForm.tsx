import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';
import { useLang } from '../../i18n/lang-context';
import { LOCALES } from '../../i18n/lang';
import { Field } from '../../ui/Field';
import type { ShiftType } from '../shifts/shift-type';
import {
  ActiveCheck,
  EditForm,
  NumberInput,
  useAfterSave,
  useDraft,
  formTitle,
  TextField,
} from '../ui/EditForm';
import { useAdminLang } from '../use-admin-lang';
import {
  MAX_CYCLE_DAYS,
  resizeDays,
  scheduleDraftOf,
  scheduleInput,
  weekdayName,
  type Schedule,
} from './schedule';
import { useWallClock } from '../../i18n/use-format';

/** A new schedule or changes to one: weekly (a shift or off each weekday) or a cycle of N days. */
export function ScheduleForm({
  schedule,
  types,
  today,
  onDone,
}: {
  schedule: Schedule | null;
  types: ShiftType[];
  today: string;
  onDone: () => void;
}) {
  const { t } = useAdminLang();
  const clock = useWallClock();
  const { lang } = useLang();
  const trpc = useTRPC();
  const [draft, set] = useDraft(() => scheduleDraftOf(schedule, today));
  const changed = useAfterSave(onDone, trpc.admin.schedules.pathFilter());
  const create = useMutation(trpc.admin.schedules.create.mutationOptions({ onSuccess: changed }));
  const update = useMutation(trpc.admin.schedules.update.mutationOptions({ onSuccess: changed }));
  const weekly = draft.kind === 'weekly';
  const days = weekly ? resizeDays(draft.days, 7) : draft.days;
  const active = types.filter((type) => type.active);

  return (
    <EditForm
      title={formTitle(t, schedule, t('newSchedule'))}
      saving={[create, update]}
      onCancel={onDone}
      onSubmit={() =>
        schedule
          ? update.mutate({ id: schedule.id, ...scheduleInput(draft), active: draft.active })
          : create.mutate(scheduleInput(draft))
      }
    >
      <div className="row wrap">
        <TextField label={t('name')} value={draft.name} onChange={(name) => set({ name })} />
        <Field label={t('scheduleKind')}>
          <select
            value={draft.kind}
            onChange={(e) => {
              const kind = e.target.value as typeof draft.kind;
              set({
                kind,
                days: resizeDays(draft.days, kind === 'weekly' ? 7 : draft.days.length),
              });
            }}
          >
            <option value="weekly">{t('kindWeekly')}</option>
            <option value="rotating">{t('kindRotating')}</option>
          </select>
        </Field>
        {!weekly && (
          <>
            <Field label={t('cycleLength')}>
              <NumberInput
                value={String(draft.days.length)}
                min={1}
                max={MAX_CYCLE_DAYS}
                onChange={(value) => set({ days: resizeDays(draft.days, Number(value)) })}
              />
            </Field>
            <Field label={t('anchorDate')}>
              <input
                type="date"
                required
                value={draft.anchorDate}
                onChange={(e) => set({ anchorDate: e.target.value })}
              />
            </Field>
          </>
        )}
        {schedule && <ActiveCheck checked={draft.active} onChange={(active) => set({ active })} />}
      </div>
      {!weekly && <p className="muted small">{t('rotatingHelp')}</p>}
      <div className="row wrap" role="group" aria-label={t('patternDays')}>
        {days.map((day, index) => (
          <Field
            key={index}
            label={weekly ? weekdayName(index, LOCALES[lang]) : t('cycleDay', { day: index + 1 })}
          >
            <select
              value={day}
              onChange={(e) =>
                set({ days: days.map((old, at) => (at === index ? e.target.value : old)) })
              }
            >
              <option value="">{t('off')}</option>
              {active.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.code} · {type.name} ({clock(type.startTime)}–{clock(type.endTime)})
                </option>
              ))}
            </select>
          </Field>
        ))}
      </div>
    </EditForm>
  );
}
