import { useState, type FormEvent } from 'react';
import { Field, ProblemMessage, TableHead } from '../components';
import { clockInTime, clockOutTime } from '../Employee';
import { classify, type Problem } from '../errors';
import { useAsync, useFormat, useLang } from '../hooks';
import { instantToZoned, localDateIn, zonedToInstant } from '../i18n';
import { trpc, type Inputs, type Outputs } from '../trpc';

type Row = Outputs['admin']['attendance']['list']['items'][number];
type ListInput = Inputs['admin']['attendance']['list'];
type Status = 'on_time' | 'late';

function CorrectionForm({ row, zone, onDone }: { row: Row; zone: string; onDone: () => void }) {
  const { t } = useLang();
  const f = useFormat(zone);
  const [clockIn, setClockIn] = useState(instantToZoned(clockInTime(row), zone));
  const [clockOut, setClockOut] = useState(
    row.clockOutAt ? instantToZoned(clockOutTime(row) ?? row.clockOutAt, zone) : '',
  );
  const [status, setStatus] = useState<Status>(row.status);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const audit = useAsync(
    () => trpc.admin.attendance.audit.query({ id: row.id }),
    `audit:${row.id}`,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const originalIn = instantToZoned(clockInTime(row), zone);
    const originalOut = row.clockOutAt
      ? instantToZoned(clockOutTime(row) ?? row.clockOutAt, zone)
      : '';
    setBusy(true);
    trpc.admin.attendance.correct
      .mutate({
        id: row.id,
        reason,
        ...(clockIn !== originalIn
          ? { clockInAt: zonedToInstant(clockIn, zone).toISOString() }
          : {}),
        ...(clockOut && clockOut !== originalOut
          ? { clockOutAt: zonedToInstant(clockOut, zone).toISOString() }
          : {}),
        ...(status !== row.status ? { status } : {}),
        ...(note.trim() ? { note } : {}),
      })
      .then(onDone, (error: unknown) => {
        setProblem(classify(error));
        setBusy(false);
      });
  };

  return (
    <form className="card stack correction" onSubmit={submit} aria-label={t('correct')}>
      <h2>{t('correctTitle', { name: row.user.name, date: f.date(row.workDate) })}</h2>
      <div className="row wrap">
        <Field label={`${t('in')} (${zone})`}>
          <input
            type="datetime-local"
            value={clockIn}
            onChange={(event) => setClockIn(event.target.value)}
          />
        </Field>
        <Field label={`${t('out')} (${zone})`}>
          <input
            type="datetime-local"
            value={clockOut}
            onChange={(event) => setClockOut(event.target.value)}
          />
        </Field>
        <Field label={t('status')}>
          <select value={status} onChange={(event) => setStatus(event.target.value as Status)}>
            <option value="on_time">{t('statusOnTime')}</option>
            <option value="late">{t('statusLate')}</option>
          </select>
        </Field>
      </div>
      <Field label={t('note')}>
        <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} />
      </Field>
      <Field label={t('reason')}>
        <textarea
          required
          minLength={5}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
      <ProblemMessage problem={problem} />
      <div className="row">
        <button className="button primary" type="submit" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
        <button className="button" type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
      <h3>{t('auditTrail')}</h3>
      {audit.data && audit.data.length === 0 && <p className="muted">{t('noChanges')}</p>}
      <ul>
        {audit.data?.map((entry) => (
          <li key={entry.id}>
            {f.dateTime(entry.at)} · {entry.actorName ?? entry.actorId} · {entry.reason}
          </li>
        ))}
      </ul>
    </form>
  );
}

export function AttendanceTable() {
  const { t } = useLang();
  const zoneQuery = useAsync(() => trpc.admin.settings.get.query(), 'settings');
  const zone = zoneQuery.data?.timeZone ?? 'Asia/Jakarta';
  const f = useFormat(zone);
  const today = localDateIn(new Date(), zone);
  const [draft, setDraft] = useState({
    from: today,
    to: today,
    userId: '',
    department: '',
    status: '',
  });
  const [filters, setFilters] = useState(draft);
  const [revision, setRevision] = useState(0);
  const [editing, setEditing] = useState<Row | null>(null);
  const users = useAsync(() => trpc.admin.users.list.query({ limit: 200 }), 'users-all');
  const departments = useAsync(() => trpc.admin.users.departments.query(), 'departments');

  const input: ListInput = {
    from: filters.from,
    to: filters.to,
    limit: 100,
    ...(filters.userId ? { userId: Number(filters.userId) } : {}),
    ...(filters.department ? { department: filters.department } : {}),
    ...(filters.status ? { status: filters.status as Status } : {}),
  };
  const list = useAsync(
    () => trpc.admin.attendance.list.query(input),
    `list:${JSON.stringify(input)}:${revision}`,
  );

  return (
    <div className="stack">
      <h1>{t('navAttendance')}</h1>
      <form
        className="row wrap filters"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(draft);
        }}
      >
        <Field label={t('from')}>
          <input
            type="date"
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
        </Field>
        <Field label={t('to')}>
          <input
            type="date"
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
        </Field>
        <Field label={t('person')}>
          <select
            value={draft.userId}
            onChange={(event) => setDraft({ ...draft, userId: event.target.value })}
          >
            <option value="">{t('anyone')}</option>
            {users.data?.items.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('department')}>
          <select
            value={draft.department}
            onChange={(event) => setDraft({ ...draft, department: event.target.value })}
          >
            <option value="">{t('any')}</option>
            {departments.data?.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('status')}>
          <select
            value={draft.status}
            onChange={(event) => setDraft({ ...draft, status: event.target.value })}
          >
            <option value="">{t('any')}</option>
            <option value="on_time">{t('statusOnTime')}</option>
            <option value="late">{t('statusLate')}</option>
          </select>
        </Field>
        <button className="button primary" type="submit">
          {t('filter')}
        </button>
      </form>
      <ProblemMessage problem={list.problem} retry={list.reload} />
      {editing && (
        <CorrectionForm
          key={editing.id}
          row={editing}
          zone={zone}
          onDone={() => {
            setEditing(null);
            setRevision((value) => value + 1);
          }}
        />
      )}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('noRecords')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <TableHead
              columns={['date', 'name', 'department', 'in', 'out', 'status', 'node', 'actions']}
            />
            <tbody>
              {list.data.items.map((row) => (
                <tr key={row.id}>
                  <td>{f.date(row.workDate)}</td>
                  <td>{row.user.name}</td>
                  <td>{row.user.department ?? ''}</td>
                  <td>{f.time(clockInTime(row))}</td>
                  <td>
                    {row.clockOutAt ? f.time(clockOutTime(row) ?? row.clockOutAt) : t('open')}
                    {row.clockOutKind === 'auto' && ` (${t('autoOut')})`}
                  </td>
                  <td>
                    {row.status === 'late' ? t('late', { minutes: row.lateMinutes }) : t('onTime')}
                  </td>
                  <td className="node">{row.clockInNode}</td>
                  <td>
                    <button className="button small" onClick={() => setEditing(row)}>
                      {t('correct')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
