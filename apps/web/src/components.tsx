import type { ReactNode } from 'react';
import { describe, type Problem } from './errors';
import { useLang } from './hooks';
import type { Lang, MessageKey } from './i18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useLang();
  return (
    <select
      className="lang"
      value={lang}
      onChange={(event) => setLang(event.target.value as Lang)}
      aria-label={t('language')}
    >
      <option value="id">Indonesia</option>
      <option value="en">English</option>
    </select>
  );
}

/** A failed call, said so a person can act on it, with a retry when one makes sense. */
export function ProblemMessage({
  problem,
  retry,
}: {
  problem: Problem | null;
  retry?: () => void;
}) {
  const { t } = useLang();
  if (!problem) return null;
  return (
    <div className="banner error" role="alert">
      <span>{describe(problem, t)}</span>
      {retry && problem.kind !== 'invalid' && (
        <button className="button small" onClick={retry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

export function Stat({ label, value, tone }: { label: string; value: ReactNode; tone?: string }) {
  return (
    <div className={`stat ${tone ?? ''}`}>
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}

/** A table's header row from message keys. */
export function TableHead({ columns }: { columns: MessageKey[] }) {
  const { t } = useLang();
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th scope="col" key={column}>
            {t(column)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
