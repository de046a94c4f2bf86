import type { ReactNode } from 'react';
import { useAdminLang } from './use-admin-lang';
import { useCompanyZone } from './use-company-zone';

/**
 * A screen that starts from "today" or "this month" in the company's zone, shown once that zone is
 * known: started from the browser's guess, it would open on the wrong day near midnight.
 */
export function CompanyZoneGate({ render }: { render: (zone: string) => ReactNode }) {
  const { t } = useAdminLang();
  const zone = useCompanyZone();
  return zone === null ? <p className="muted">{t('loading')}</p> : render(zone);
}
