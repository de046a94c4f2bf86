import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';
import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';

/** The corrections made to one record: when, by whom, why. */
export function AuditTrail({ id, f }: { id: number; f: Formatters }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const audit = useQuery(trpc.admin.attendance.audit.queryOptions({ id }));
  return (
    <>
      <h3>{t('auditTrail')}</h3>
      {audit.data && audit.data.length === 0 && <p className="muted">{t('noChanges')}</p>}
      <ul>
        {audit.data?.map((entry) => (
          <li key={entry.id}>
            {f.dateTime(entry.at)} · {entry.actorName ?? entry.actorId} · {entry.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
