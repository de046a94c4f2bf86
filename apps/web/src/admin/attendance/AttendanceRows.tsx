import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import { ClockOutMark, RecordMarks } from '../../ui/RecordMarks';
import { StatusBadge } from '../../ui/StatusBadge';
import { TableHead } from '../../ui/TableHead';
import { TapPlace } from '../place/TapPlace';
import { useSiteNames } from '../scope/ScopeSelects';
import type { Row } from './correction';

/**
 * The listed records: how each shift ended, on time or late, whether an admin added or corrected
 * it, where each tap was (flagged outside its site, how far, the phone's accuracy, on the map),
 * the node that took the clock-in, and a Correct button (for admins: `onCorrect` given).
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
    <div className="table-wrap">
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
            t('node'),
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
                <RowPlaces row={row} siteName={siteNameOf(siteNames, row)} locale={f.locale} />
              </td>
              <td className="node">{row.clockInNode}</td>
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
    </div>
  );
}

function siteNameOf(names: Map<number, string>, row: Row): string | null {
  return row.siteId === null ? null : (names.get(row.siteId) ?? null);
}

/** Where the clock-in and the clock-out were, each on its own line. */
export function RowPlaces({
  row,
  siteName,
  locale,
}: {
  row: Row;
  siteName: string | null;
  locale: string;
}) {
  const { t } = useAdminLang();
  return (
    <div className="places">
      <div data-testid="place-in">
        <span className="muted small">{t('in')}: </span>
        <TapPlace
          location={row.clockInLocation}
          distanceM={row.clockInDistanceM}
          verdict={row.clockInGeofence}
          siteName={siteName}
          locale={locale}
        />
      </div>
      {row.clockOutAt && (row.clockOutLocation || row.clockOutGeofence) && (
        <div data-testid="place-out">
          <span className="muted small">{t('out')}: </span>
          <TapPlace
            location={row.clockOutLocation}
            distanceM={row.clockOutDistanceM}
            verdict={row.clockOutGeofence}
            siteName={siteName}
            locale={locale}
          />
        </div>
      )}
    </div>
  );
}
