import { describe, type Problem } from '../api/errors';
import { useLang } from '../i18n/lang-context';
import { useRefusalTexts } from '../i18n/refusal-texts';

/** A failed call, said so a person can act on it, with a retry when one makes sense. */
export function ProblemMessage({
  problem,
  retry,
}: {
  problem: Problem | null;
  retry?: () => void;
}) {
  const { t } = useLang();
  useRefusalTexts();
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
