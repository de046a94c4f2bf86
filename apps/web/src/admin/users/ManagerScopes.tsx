import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { useDepartments, useSiteList } from '../scope/use-scope-lists';
import { useAdminLang } from '../use-admin-lang';
import type { User } from './user';

/** Ticks a value in or out of a list. */
function toggled<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** The departments and sites a manager looks after: whose dashboard, records and roster they see. */
export function ManagerScopes({ user }: { user: User }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const sites = useSiteList();
  const current = useQuery(trpc.admin.users.scopes.queryOptions({ userId: user.id }));
  const [draft, setDraft] = useState<{ departments: string[]; siteIds: number[] } | null>(null);
  useEffect(() => {
    if (current.data && draft === null)
      setDraft({ departments: current.data.departments, siteIds: current.data.siteIds });
  }, [current.data, draft]);
  const save = useMutation(
    trpc.admin.users.setScopes.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.admin.users.scopes.pathFilter()),
    }),
  );
  if (!draft) return <ProblemMessage problem={problemOf(current.error)} />;
  return (
    <fieldset className="stack" data-testid="manager-scopes">
      <legend>{t('managerScopes')}</legend>
      <p className="muted small">{t('managerScopesHelp')}</p>
      <div className="row wrap">
        {departments.map((name) => (
          <label className="check" key={name}>
            <input
              type="checkbox"
              checked={draft.departments.includes(name)}
              onChange={() => setDraft({ ...draft, departments: toggled(draft.departments, name) })}
            />
            {name}
          </label>
        ))}
        {sites.map((site) => (
          <label className="check" key={site.id}>
            <input
              type="checkbox"
              checked={draft.siteIds.includes(site.id)}
              onChange={() => setDraft({ ...draft, siteIds: toggled(draft.siteIds, site.id) })}
            />
            {t('siteNamed', { name: site.name })}
          </label>
        ))}
      </div>
      <ProblemMessage problem={problemOf(save.error)} />
      <div className="row">
        <button
          className="button"
          type="button"
          disabled={save.isPending}
          onClick={() => save.mutate({ userId: user.id, ...draft })}
        >
          {save.isPending ? t('saving') : t('saveScopes')}
        </button>
        {save.isSuccess && <span role="status">{t('saved')}</span>}
      </div>
    </fieldset>
  );
}

/** The sites an employee works at (a tap is checked against them) and which is their primary one. */
export function UserSites({ user }: { user: User }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sites = useSiteList();
  const current = useQuery(trpc.admin.sites.ofUser.queryOptions({ userId: user.id }));
  const [draft, setDraft] = useState<{ siteIds: number[]; primary: number | null } | null>(null);
  useEffect(() => {
    if (current.data && draft === null)
      setDraft({
        siteIds: current.data.sites.map((site) => site.id),
        primary: current.data.sites.find((site) => site.isPrimary)?.id ?? null,
      });
  }, [current.data, draft]);
  const save = useMutation(
    trpc.admin.sites.assign.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.admin.sites.pathFilter()),
    }),
  );
  if (sites.length === 0) return null;
  if (!draft) return <ProblemMessage problem={problemOf(current.error)} />;
  const primary =
    draft.primary !== null && draft.siteIds.includes(draft.primary) ? draft.primary : null;
  return (
    <fieldset className="stack" data-testid="user-sites">
      <legend>{t('workSites')}</legend>
      <ul className="site-choices">
        {sites.map((site) => (
          <li key={site.id} className="row">
            <label className="check">
              <input
                type="checkbox"
                checked={draft.siteIds.includes(site.id)}
                onChange={() => setDraft({ ...draft, siteIds: toggled(draft.siteIds, site.id) })}
              />
              {site.name}
            </label>
            {draft.siteIds.includes(site.id) && (
              <label className="check">
                <input
                  type="radio"
                  name={`primary-${user.id}`}
                  checked={primary === site.id}
                  onChange={() => setDraft({ ...draft, primary: site.id })}
                />
                {t('primarySite')}
              </label>
            )}
          </li>
        ))}
      </ul>
      <ProblemMessage problem={problemOf(save.error)} />
      <div className="row">
        <button
          className="button"
          type="button"
          disabled={save.isPending}
          onClick={() =>
            save.mutate({ userId: user.id, siteIds: draft.siteIds, primarySiteId: primary })
          }
        >
          {save.isPending ? t('saving') : t('saveSites')}
        </button>
        {save.isSuccess && <span role="status">{t('saved')}</span>}
      </div>
    </fieldset>
  );
}
