import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import type { Formatters } from '../../i18n/format';
import { useFormat, useWallClock } from '../../i18n/use-format';
import { localDateIn } from '../../time/zone';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { MoreThanShown } from '../dashboard/MoreThanShown';
import { DepartmentSelect } from '../scope/ScopeSelects';
import type { ShiftType } from '../shifts/shift-type';
import { useAdminLang } from '../use-admin-lang';
import {
  addDays,
  cellValue,
  mondayOf,
  setDayInput,
  type Roster,
  type RosterCell,
  type RosterRow,
} from './cells';
import { TableWrap } from '../../ui/TableWrap';

const DAYS = 7;

/**
 * The roster (jadwal kerja): a week × people grid of who works which shift, from their schedule or
 * set on the roster for one day; any cell changed in place. A manager sees and plans their people.
 */
export function RosterScreen({ zone }: { zone: string }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const f = useFormat(zone);
  const today = localDateIn(new Date(), zone);
  const [from, setFrom] = useState(() => mondayOf(today));
  const [department, setDepartment] = useState('');
  const roster = useQuery({
    ...trpc.admin.schedules.roster.queryOptions({
      from,
      days: DAYS,
      limit: 200,
      ...(department ? { department } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const data = roster.data;

  return (
    <div className="stack">
      <h1>{t('navRoster')}</h1>
      <p className="muted">{t('rosterHelp')}</p>
      <div className="row wrap filters">
        <DepartmentSelect value={department} onChange={setDepartment} />
        <div className="row">
          <button className="button" onClick={() => setFrom(addDays(from, -DAYS))}>
            {t('previousWeek')}
          </button>
          <button className="button" onClick={() => setFrom(mondayOf(today))}>
            {t('thisWeek')}
          </button>
          <button className="button" onClick={() => setFrom(addDays(from, DAYS))}>
            {t('nextWeek')}
          </button>
        </div>
      </div>
      <ProblemMessage problem={problemOf(roster.error)} retry={() => void roster.refetch()} />
      {data && data.items.length === 0 && <p className="muted">{t('nobodyToPlan')}</p>}
      {data && data.items.length > 0 && <RosterGrid roster={data} today={today} f={f} />}
      {data && (
        <MoreThanShown
          shown={data.items.length}
          total={data.nextCursor === null ? data.items.length : data.items.length + 1}
        />
      )}
    </div>
  );
}

function RosterGrid({ roster, today, f }: { roster: Roster; today: string; f: Formatters }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setDay = useMutation(
    trpc.admin.schedules.setDay.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries(trpc.admin.schedules.roster.pathFilter()),
    }),
  );
  return (
    <>
      <ProblemMessage problem={problemOf(setDay.error)} />
      <TableWrap label={t('navRoster')}>
        <table className="roster" data-testid="roster">
          <thead>
            <tr>
              <th scope="col">{t('employee')}</th>
              {roster.dates.map((date) => (
                <th scope="col" key={date} className={date === today ? 'today' : ''}>
                  <abbr title={f.date(date)}>{dayHeading(date, f.locale)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roster.items.map((row) => (
              <tr key={row.userId} data-testid="roster-row">
                <th scope="row">
                  {row.name}
                  <span className="muted small"> {row.department ?? ''}</span>
                </th>
                {row.cells.map((cell) => (
                  <RosterCellSelect
                    key={cell.date}
                    row={row}
                    cell={cell}
                    types={roster.shiftTypes}
                    label={`${row.name}, ${f.date(cell.date)}`}
                    onChange={(value) => {
                      setDay.reset();
                      setDay.mutate(setDayInput(row.userId, cell.date, value));
                    }}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p className="muted small">{t('rosterLegend')}</p>
    </>
  );
}

/** "Mon 30/11" ("Sen 30/11"): a column's day, short enough for a week to fit the screen. */
function dayHeading(date: string, locale: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
    day,
  );
  return `${weekday} ${date.slice(8)}/${date.slice(5, 7)}`;
}

/** One day of one person: what the plan says, and a choice to set it for this day only. */
function RosterCellSelect({
  row,
  cell,
  types,
  label,
  onChange,
}: {
  row: RosterRow;
  cell: RosterCell;
  types: ShiftType[];
  label: string;
  onChange: (value: string) => void;
}) {
  const { t } = useAdminLang();
  const clock = useWallClock();
  const type = types.find((item) => item.id === cell.shiftTypeId);
  const planned =
    cell.kind === 'holiday'
      ? t('holidayNamed', { name: cell.holidayName ?? '' })
      : cell.kind === 'off'
        ? t('off')
        : cell.kind === 'unscheduled'
          ? t('unscheduled')
          : (type?.code ?? '?');
  const override = cell.source === 'override';
  return (
    <td
      className={`cell ${cell.kind}${override ? ' override' : ''}`}
      style={type ? { background: type.color } : undefined}
      data-testid="roster-cell"
      data-user={row.userId}
      data-date={cell.date}
      data-kind={cell.kind}
      data-code={type?.code ?? ''}
      title={type ? `${type.name} ${clock(type.startTime)}–${clock(type.endTime)}` : planned}
    >
      <select aria-label={label} value={cellValue(cell)} onChange={(e) => onChange(e.target.value)}>
        <option value="">{override ? t('backToSchedule') : planned}</option>
        <option value="off">{t('off')}</option>
        {types
          .filter((item) => item.active)
          .map((item) => (
            <option key={item.id} value={item.id}>
              {item.code} · {item.name}
            </option>
          ))}
      </select>
    </td>
  );
}
