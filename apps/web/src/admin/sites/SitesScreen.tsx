import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useLang } from '../../i18n/lang-context';
import { LOCALES } from '../../i18n/lang';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { TableHead } from '../../ui/TableHead';
import { PersonSelect } from '../attendance/PersonSelect';
import { distanceText, mapUrl } from '../place/position';
import { useEditing } from '../ui/EditForm';
import { ScreenHead } from '../ui/ScreenHead';
import { useAdminLang } from '../use-admin-lang';
import type { Site } from './site';
import { SiteForm } from './SiteForm';
import { TableWrap } from '../../ui/TableWrap';

/**
 * The sites (lokasi kerja): where each is, how far around it a tap counts as there, its time zone,
 * what a tap outside does (nothing, a flag, refused), and how many employees work there.
 */
export function SitesScreen() {
  const { t } = useAdminLang();
  const { lang } = useLang();
  const trpc = useTRPC();
  const list = useQuery(trpc.admin.sites.list.queryOptions({}));
  const editing = useEditing<Site>();
  const [adding, setAdding] = useState<Site | null>(null);
  const locale = LOCALES[lang];
  const policy = { off: t('policyOff'), flag: t('policyFlag'), require: t('policyRequire') };

  return (
    <div className="stack">
      <ScreenHead
        title={t('navSites')}
        newLabel={t('newSite')}
        onNew={editing.startNew}
        help={t('sitesHelp')}
        list={list}
      />
      {editing.open && <SiteForm key={editing.key} site={editing.item} onDone={editing.done} />}
      {adding && <AddEmployeeToSite site={adding} onDone={() => setAdding(null)} />}
      <TableWrap label={t('navSites')}>
        <table>
          <TableHead
            labels={[
              t('name'),
              t('position'),
              t('radius'),
              t('timeZone'),
              t('geofence'),
              t('employees'),
              t('actions'),
            ]}
          />
          <tbody>
            {list.data?.map((site) => (
              <tr key={site.id} className={site.active ? '' : 'inactive'} data-testid="site-row">
                <td>{site.name}</td>
                <td>
                  <a href={mapUrl(site.lat, site.lng)} target="_blank" rel="noreferrer noopener">
                    {site.lat.toFixed(5)}, {site.lng.toFixed(5)}
                  </a>
                </td>
                <td>{distanceText(site.radiusM, locale)}</td>
                <td>{site.timeZone}</td>
                <td>{policy[site.geofencePolicy]}</td>
                <td>{site.employees}</td>
                <td className="actions">
                  <button className="button small" onClick={() => editing.edit(site)}>
                    {t('edit')}
                  </button>
                  {site.active && (
                    <button className="button small" onClick={() => setAdding(site)}>
                      {t('addEmployeeToSite')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

/** Adds one employee to a site, keeping the sites they already work at (and their primary one). */
function AddEmployeeToSite({ site, onDone }: { site: Site; onDone: () => void }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [userId, setUserId] = useState('');
  const assign = useMutation(trpc.admin.sites.assign.mutationOptions());
  const add = useMutation({
    mutationFn: async (id: number) => {
      const current = await queryClient.fetchQuery(
        trpc.admin.sites.ofUser.queryOptions({ userId: id }),
      );
      const siteIds = current.sites.map((item) => item.id).filter((item) => item !== site.id);
      const primary = current.sites.find((item) => item.isPrimary)?.id ?? site.id;
      return assign.mutateAsync({
        userId: id,
        siteIds: [...siteIds, site.id],
        primarySiteId: primary,
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries(trpc.admin.sites.pathFilter());
      onDone();
    },
  });
  return (
    <form
      className="card row wrap"
      aria-label={t('addEmployeeTo', { site: site.name })}
      onSubmit={(event) => {
        event.preventDefault();
        if (userId) add.mutate(Number(userId));
      }}
    >
      <strong>{t('addEmployeeTo', { site: site.name })}</strong>
      <PersonSelect value={userId} required emptyLabel={t('chooseEmployee')} onChange={setUserId} />
      <button className="button primary" type="submit" disabled={add.isPending}>
        {add.isPending ? t('saving') : t('save')}
      </button>
      <button className="button" type="button" onClick={onDone}>
        {t('cancel')}
      </button>
      <ProblemMessage problem={problemOf(add.error)} />
    </form>
  );
}
