import { Field } from '../../ui/Field';
import { useAdminLang } from '../use-admin-lang';
import { useDepartments, useSiteList } from './use-scope-lists';

/** A choice of department ('' for any): all of them for an admin, a manager's own for a manager. */
export function DepartmentSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (department: string) => void;
}) {
  const { t } = useAdminLang();
  const departments = useDepartments();
  return (
    <Field label={t('department')}>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('any')}</option>
        {departments.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A choice of site ('' for any), shown once there are sites an admin may choose from. */
export function SiteSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (siteId: string) => void;
}) {
  const { t } = useAdminLang();
  const sites = useSiteList();
  if (sites.length === 0) return null;
  return (
    <Field label={t('site')}>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('any')}</option>
        {sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Site names by id, for the sites an admin may read. */
export function useSiteNames(): Map<number, string> {
  const sites = useSiteList();
  return new Map(sites.map((site) => [site.id, site.name]));
}
