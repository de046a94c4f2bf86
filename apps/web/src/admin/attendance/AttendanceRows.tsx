import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import { ClockOutMark, RecordMarks } from '../../ui/RecordMarks';
import { StatusBadge } from '../../ui/StatusBadge';
import { TableHead } from '../../ui/TableHead';
import { TapPlace } from '../place/TapPlace';
import { useSiteNames } from '../scope/ScopeSelects';
import type { Row } from './correction';
import { TableWrap } from '../../ui/TableWrap';

/**
 * The listed records: how each shift ended, on time or late, whether an admin added or corrected
 * it, where each tap was (flagged outside its site, how far, the phone's accuracy, on the map),
 * and a Correct button (for admins: `onCorrect` given).
 */
export function AttendanceRows({
  rows,
  f,
  onCorrect,
}: {
  rows: Row[];
  f: Formatters;
  onCorrect: ((row: Row) => void) | null;
}) {
  const { t } = useAdminLang();
  const siteNames = useSiteNames();
  return (
    <TableWrap label={t('navAttendance')}>
      <table>
        <TableHead
          labels={[
            t('date'),
            t('name'),
            t('department'),
            t('in'),
            t('out'),
            t('status'),
            t('place'),
            ...(onCorrect ? [t('actions')] : []),
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="attendance-row">
              <td>{f.date(row.workDate)}</td>
              <td>{row.user.name}</td>
              <td>{row.user.department ?? ''}</td>
              <td>{f.time(row.clockInAt)}</td>
              <td>
                {row.clockOutAt ? f.time(row.clockOutAt) : t('open')}
                <ClockOutMark kind={row.clockOutKind} />
              </td>
              <td>
                <StatusBadge view={row} f={f} /> <RecordMarks record={row} />
              </td>
              <td>
                <RowPlaces
                  row={row}
                  siteName={siteNameOf(siteNames, row)}
                  locale={f.locale}
                  dashWhenNone
                />
              </td>
              {onCorrect && (
                <td>
                  <button className="button small" onClick={() => onCorrect(row)}>
                    {t('correct')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function siteNameOf(names: Map<number, string>, row: Row): string | null {
  return row.siteId === null ? null : (names.get(row.siteId) ?? null);
}

/**
 * The site a record counts for, then where its clock-in and clock-out were, a line each; a tap
 * with no position and no site has no line. A record with none of them is a dash labelled for
 * screen readers and on hover ("no work site and no position") when `dashWhenNone` (a table
 * cell), else empty.
 */
export function RowPlaces({
  row,
  siteName,
  locale,
  dashWhenNone = false,
}: {
  row: Row;
  siteName: string | null;
  locale: string;
  dashWhenNone?: boolean;
}) {
  const { t } = useAdminLang();
  const taps = [
    { label: t('in'), testId: 'place-in', shown: true, ...inPlace(row) },
    { label: t('out'), testId: 'place-out', shown: row.clockOutAt !== null, ...outPlace(row) },
  ].filter((tap) => tap.shown && (tap.location || tap.verdict));
  if (!siteName && taps.length === 0)
    return dashWhenNone ? (
      <span
        className="muted"
        role="img"
        aria-label={t('noPlace')}
        title={t('noPlace')}
        data-testid="no-place"
      >
        —
      </span>
    ) : (
      <div className="places" />
    );
  return (
    <div className="places">
      {siteName && <span className="small">{siteName}</span>}
      {taps.map((tap) => (
        <div key={tap.testId} data-testid={tap.testId}>
          <span className="muted small">{tap.label}: </span>
          <TapPlace
            location={tap.location}
            distanceM={tap.distanceM}
            verdict={tap.verdict}
            locale={locale}
          />
        </div>
      ))}
    </div>
  );
}

const inPlace = (row: Row) => ({
  location: row.clockInLocation,
  distanceM: row.clockInDistanceM,
  verdict: row.clockInGeofence,
});
const outPlace = (row: Row) => ({
  location: row.clockOutLocation,
  distanceM: row.clockOutDistanceM,
  verdict: row.clockOutGeofence,
});
