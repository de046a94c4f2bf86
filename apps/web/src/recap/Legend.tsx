import { useRequestLang, type RequestMessageKey } from '../requests/messages';

/** The recap's codes and what each means (H hadir, T terlambat, A alpa, S sakit…). */
export function Legend({ legend }: { legend: readonly { code: string; status: string }[] }) {
  const { t } = useRequestLang();
  return (
    <section aria-label={t('legend')}>
      <h2>{t('legend')}</h2>
      <ul className="legend">
        {legend.map(({ code, status }) => (
          <li key={code}>
            <span className={`code code-${code}`}>{code}</span>{' '}
            {t(`status_${status}` as RequestMessageKey)}
          </li>
        ))}
      </ul>
    </section>
  );
}
