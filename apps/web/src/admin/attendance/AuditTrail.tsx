import { useQuery } from '@tanstack/react-query';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import type { Formatters } from '../../i18n/format';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { useAdminLang } from '../use-admin-lang';
import { AuditEntry } from './AuditEntry';

/** Every change made to one record, oldest first: what changed (before → after), who, when, why. */
export function AuditTrail({ id, f }: { id: number; f: Formatters }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const audit = useQuery(trpc.admin.attendance.audit.queryOptions({ id }));
  return (
    <section aria-label={t('auditTrail')} data-testid="audit">
      <h3>{t('auditTrail')}</h3>
      <ProblemMessage problem={problemOf(audit.error)} retry={() => void audit.refetch()} />
      {audit.data && audit.data.length === 0 && <p className="muted">{t('noChanges')}</p>}
      <ul className="audit">
        {audit.data?.map((entry) => (
          <AuditEntry key={entry.id} entry={entry} f={f} />
        ))}
      </ul>
    </section>
  );
}
