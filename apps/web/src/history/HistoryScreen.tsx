import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { problemOf } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { loadPatiently } from '../app/load-patiently';
import { useSession } from '../auth/session';
import { companyZone } from '../clock/today-cache';
import { useLang } from '../i18n/lang-context';
import { useFormat } from '../i18n/use-format';
import { localDateIn } from '../time/zone';
import { ProblemMessage } from '../ui/ProblemMessage';
import { HistoryTable } from './HistoryTable';

// The month as the recap counts it: loaded after the first screen, not in its download.
// Nothing is shown in its place while its code cannot come (the network gone).
const OwnMonth = lazy(() => loadPatiently(() => import('./OwnMonth')));

/**
 * The person's month: as the recap counts it (its codes and totals, one rule with the admin's
 * recap), then the shifts a page (31) at a time.
 */
export function HistoryScreen() {
  const { me } = useSession();
  const { t } = useLang();
  const trpc = useTRPC();
  const zone = companyZone(me.id);
  const f = useFormat(zone);
  const [month, setMonth] = useState(() => localDateIn(new Date(), zone).slice(0, 7));
  const history = useInfiniteQuery(
    trpc.attendance.history.infiniteQueryOptions(
      { month, limit: 31 },
      { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
    ),
  );

  const pages = history.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const problem = problemOf(history.error);
  return (
    <div className="stack">
      <div className="row between">
        <h1>{t('history')}</h1>
        <label className="field inline">
          <span>{t('month')}</span>
          <input
            type="month"
            value={month}
            onChange={(event) => event.target.value && setMonth(event.target.value)}
          />
        </label>
      </div>
      <p className="muted">{f.month(month)}</p>
      {!history.isFetchNextPageError && (
        <ProblemMessage problem={problem} retry={() => void history.refetch()} />
      )}
      <Suspense fallback={null}>
        <OwnMonth month={month} f={f} />
      </Suspense>
      {history.data && items.length === 0 && <p className="muted">{t('noRecords')}</p>}
      {items.length > 0 && <HistoryTable items={items} f={f} />}
      {history.isFetchNextPageError && <ProblemMessage problem={problem} />}
      {history.hasNextPage && (
        <button className="button" onClick={() => void history.fetchNextPage()}>
          {t('loadMore')}
        </button>
      )}
    </div>
  );
}
