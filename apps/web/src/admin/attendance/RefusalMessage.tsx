import type { Problem } from '../../api/errors';
import { useRefusalTexts } from '../../i18n/refusal-texts';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { useAdminLang } from '../use-admin-lang';
import { serverRefusal, type Refusal } from './shift-checks';

/**
 * Why a correction or an added shift was not saved: the form's own check, else the server's
 * refusal in the admin's language, else the failed call said as any other.
 */
export function RefusalMessage({
  refusal,
  problem,
}: {
  refusal: Refusal | null;
  problem: Problem | null;
}) {
  const { t } = useAdminLang();
  useRefusalTexts();
  const shown = refusal ?? (problem && serverRefusal(problem, t));
  if (!shown) return <ProblemMessage problem={problem} />;
  return (
    <div className="banner error" role="alert">
      {t(shown.key, shown.values)}
    </div>
  );
}
