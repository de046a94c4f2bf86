import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { useDepartments, useSiteList } from '../scope/use-scope-lists';
import { useAfterSave } from '../ui/EditForm';
import { useAdminLang } from '../use-admin-lang';
import type { User } from './user';

/** Ticks a value in or out of a list. */
function toggled<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** A box to tick (or a radio button), its label beside it. */
function Tick({
  checked,
  onChange,
  radio,
  children,
}: {
  checked: boolean;
  onChange: () => void;
  /** A radio button of this group instead of a box. */
  radio?: string;
  children: ReactNode;
}) {
  return (
    <label className="check">
      <input
        type={radio ? 'radio' : 'checkbox'}
        name={radio}
        checked={checked}
        onChange={onChange}
      />
      {children}
    </label>
  );
}

/** A site ticked in or out of a draft's `siteIds`. */
function SiteTick<Draft extends { siteIds: number[] }>({
  siteId,
  draft,
  setDraft,
  children,
}: {
  siteId: number;
  draft: Draft;
  setDraft: (draft: Draft) => void;
  children: ReactNode;
}) {
  return (
    <Tick
      checked={draft.siteIds.includes(siteId)}
      onChange={() => setDraft({ ...draft, siteIds: toggled(draft.siteIds, siteId) })}
    >
      {children}
    </Tick>
  );
}

/** What the server holds (once read), until the admin changes it; null while it is being read. */
function useEdited<Data, Draft>(data: Data | undefined, draftOf: (data: Data) => Draft) {
  const [edited, setEdited] = useState<Draft | null>(null);
  return [edited ?? (data === undefined ? null : draftOf(data)), setEdited] as const;
}

/**
 * A part of the user form saved on its own: its title, its choices, its Save button, what the
 * server said, and "Saved." once it took it.
 */
function Section({
  legend,
  testId,
  saveLabel,
  saving,
  onSave,
  children,
}: {
  legend: string;
  testId: string;
  saveLabel: string;
  saving: { error: unknown; isPending: boolean; isSuccess: boolean };
  onSave: () => void;
  children: ReactNode;
}) {
  const { t } = useAdminLang();
  return (
    <fieldset className="stack" data-testid={testId}>
      <legend>{legend}</legend>
      {children}
      <ProblemMessage problem={problemOf(saving.error)} />
      <div className="row">
        <button className="button" type="button" disabled={saving.isPending} onClick={onSave}>
          {saving.isPending ? t('saving') : saveLabel}
        </button>
        {saving.isSuccess && <span role="status">{t('saved')}</span>}
      </div>
    </fieldset>
  );
}

/** The departments and sites a manager looks after: whose dashboard, records and roster they see. */
export function ManagerScopes({ user }: { user: User }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const departments = useDepartments();
  const sites = useSiteList();
  const saved = useAfterSave(() => undefined, trpc.admin.users.scopes.pathFilter());
  const save = useMutation(trpc.admin.users.setScopes.mutationOptions({ onSuccess: saved }));
  const current = useQuery(trpc.admin.users.scopes.queryOptions({ userId: user.id }));
  const [draft, setDraft] = useEdited(current.data, (data) => data);
  if (!draft) return <ProblemMessage problem={problemOf(current.error)} />;
  return (
    <Section
      legend={t('managerScopes')}
      testId="manager-scopes"
      saveLabel={t('saveScopes')}
      saving={save}
      onSave={() => save.mutate({ userId: user.id, ...draft })}
    >
      <p className="muted small">{t('managerScopesHelp')}</p>
      <div className="row wrap">
        {departments.map((name) => (
          <Tick
            key={name}
            checked={draft.departments.includes(name)}
            onChange={() => setDraft({ ...draft, departments: toggled(draft.departments, name) })}
          >
            {name}
          </Tick>
        ))}
        {sites.map((site) => (
          <SiteTick key={site.id} siteId={site.id} draft={draft} setDraft={setDraft}>
            {t('siteNamed', { name: site.name })}
          </SiteTick>
        ))}
      </div>
    </Section>
  );
}

/** The sites an employee works at (a tap is checked against them) and which is their primary one. */
export function UserSites({ user }: { user: User }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const sites = useSiteList();
  const saved = useAfterSave(() => undefined, trpc.admin.sites.pathFilter());
  const save = useMutation(trpc.admin.sites.assign.mutationOptions({ onSuccess: saved }));
  const current = useQuery(trpc.admin.sites.ofUser.queryOptions({ userId: user.id }));
  const [draft, setDraft] = useEdited(current.data, (data) => ({
    siteIds: data.sites.map((site) => site.id),
    primary: data.sites.find((site) => site.isPrimary)?.id ?? null,
  }));
  if (sites.length === 0) return null;
  if (!draft) return <ProblemMessage problem={problemOf(current.error)} />;
  const primary =
    draft.primary !== null && draft.siteIds.includes(draft.primary) ? draft.primary : null;
  return (
    <Section
      legend={t('workSites')}
      testId="user-sites"
      saveLabel={t('saveSites')}
      saving={save}
      onSave={() =>
        save.mutate({ userId: user.id, siteIds: draft.siteIds, primarySiteId: primary })
      }
    >
      <ul className="site-choices">
        {sites.map((site) => (
          <li key={site.id} className="row">
            <SiteTick siteId={site.id} draft={draft} setDraft={setDraft}>
              {site.name}
            </SiteTick>
            {draft.siteIds.includes(site.id) && (
              <Tick
                radio={`primary-${user.id}`}
                checked={primary === site.id}
                onChange={() => setDraft({ ...draft, primary: site.id })}
              >
                {t('primarySite')}
              </Tick>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
