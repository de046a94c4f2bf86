import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc';
import { useFormat } from '../../i18n/use-format';
import { localDateIn } from '../../time/zone';
import { usePeople } from '../scope/use-scope-lists';
import { ShiftChip } from '../shifts/ShiftChip';
import { useEditing } from '../ui/EditForm';
import { ScreenHead } from '../ui/ScreenHead';
import { useAdminLang } from '../use-admin-lang';
import { AssignForm, AssignmentList } from './Assignments';
import { weekdayName, type Schedule } from './schedule';
import { ScheduleForm } from './ScheduleForm';

/**
 * The schedules (pola jadwal): weekly patterns and rotating cycles of N days, whom each applies to
 * and from when; new ones, changes, assignments to a department or an employee.
 */
export function SchedulesScreen({ zone }: { zone: string }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const f = useFormat(zone);
  const today = localDateIn(new Date(), zone);
  const list = useQuery(trpc.admin.schedules.list.queryOptions());
  const types = useQuery(trpc.admin.shifts.list.queryOptions()).data ?? [];
  const people = usePeople();
  const editing = useEditing<Schedule>();
  const [assigning, setAssigning] = useState<number | null>(null);
  const typeOf = (id: number | null) => types.find((type) => type.id === id);

  return (
    <div className="stack">
      <ScreenHead
        title={t('navSchedules')}
        newLabel={t('newSchedule')}
        onNew={editing.startNew}
        help={t('schedulesHelp')}
        list={list}
      />
      {editing.open && (
        <ScheduleForm
          key={editing.key}
          schedule={editing.item}
          types={types}
          today={today}
          onDone={editing.done}
        />
      )}
      {list.data?.map((schedule) => (
        <section
          className={schedule.active ? 'card stack' : 'card stack inactive'}
          key={schedule.id}
          aria-label={schedule.name}
          data-testid="schedule"
        >
          <div className="row between">
            <h2>{schedule.name}</h2>
            <div className="row">
              <button className="button small" onClick={() => editing.edit(schedule)}>
                {t('edit')}
              </button>
              <button className="button small" onClick={() => setAssigning(schedule.id)}>
                {t('assign')}
              </button>
            </div>
          </div>
          <p className="muted">
            {schedule.kind === 'weekly'
              ? t('kindWeekly')
              : t('kindRotatingFrom', {
                  days: schedule.cycleDays,
                  date: schedule.anchorDate ? f.date(schedule.anchorDate) : '',
                })}
            {!schedule.active && ` · ${t('inactive')}`}
          </p>
          <ol className="pattern">
            {schedule.days.map((day, index) => {
              const type = typeOf(day);
              return (
                <li key={index}>
                  <span className="muted small">
                    {schedule.kind === 'weekly'
                      ? weekdayName(index, f.locale)
                      : t('cycleDay', { day: index + 1 })}
                  </span>
                  {type ? <ShiftChip type={type} /> : <span className="chip off">{t('off')}</span>}
                </li>
              );
            })}
          </ol>
          <AssignmentList assignments={schedule.assignments} people={people} f={f} />
          {assigning === schedule.id && (
            <AssignForm scheduleId={schedule.id} today={today} onDone={() => setAssigning(null)} />
          )}
        </section>
      ))}
    </div>
  );
}
