import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import { pageRange } from './filters';

/** Which rows are shown of how many match, and the way to the pages before and after. */
export function Pager({
  page,
  shown,
  total,
  f,
  previous,
  next,
}: {
  page: number;
  shown: number;
  total: number;
  f: Formatters;
  previous: (() => void) | null;
  next: (() => void) | null;
}) {
  const { t } = useAdminLang();
  const range = pageRange(page, shown, total);
  return (
    <div className="row between wrap pager">
      <p className="muted" role="status" data-testid="row-count">
        {t('rowsOf', {
          first: f.number(range.first),
          last: f.number(range.last),
          total: f.number(range.total),
        })}
      </p>
      {(previous || next) && (
        <div className="row">
          <button className="button small" onClick={previous ?? undefined} disabled={!previous}>
            {t('previousPage')}
          </button>
          <button className="button small" onClick={next ?? undefined} disabled={!next}>
            {t('nextPage')}
          </button>
        </div>
      )}
    </div>
  );
}
