import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';
import { Field } from '../../ui/Field';
import type { Site } from '../sites/site';
import { EditForm, formTitle, TextField, useAfterSave, useDraft } from '../ui/EditForm';
import { useAdminLang } from '../use-admin-lang';
import type { Holiday } from './HolidaysScreen';
import { HOLIDAY_KIND_WORDS } from '../../i18n/enum-words';

type Kind = Holiday['kind'];

/** The kinds of holiday as Indonesian HR names them: libur nasional, cuti bersama, libur perusahaan. */
export function useKindNames(): Record<Kind, string> {
  const { t } = useAdminLang();
  return {
    national: t(HOLIDAY_KIND_WORDS.national),
    collective_leave: t(HOLIDAY_KIND_WORDS.collective_leave),
    company: t(HOLIDAY_KIND_WORDS.company),
  };
}

/** A new holiday or changes to one: date, name, kind, every site or one. */
export function HolidayForm({
  holiday,
  year,
  sites,
  onDone,
}: {
  holiday: Holiday | null;
  year: number;
  sites: Site[];
  onDone: () => void;
}) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const kinds = useKindNames();
  const [draft, set] = useDraft(() => ({
    date: holiday?.date ?? `${year}-01-01`,
    name: holiday?.name ?? '',
    kind: holiday?.kind ?? 'company',
    siteId: holiday?.siteId ? String(holiday.siteId) : '',
  }));
  const changed = useAfterSave(onDone, trpc.admin.holidays.pathFilter());
  const create = useMutation(trpc.admin.holidays.create.mutationOptions({ onSuccess: changed }));
  const update = useMutation(trpc.admin.holidays.update.mutationOptions({ onSuccess: changed }));
  const input = {
    date: draft.date,
    name: draft.name,
    kind: draft.kind,
    siteId: draft.siteId ? Number(draft.siteId) : null,
  };
  return (
    <EditForm
      title={formTitle(t, holiday, t('newHoliday'))}
      saving={[create, update]}
      onCancel={onDone}
      onSubmit={() =>
        holiday ? update.mutate({ id: holiday.id, ...input }) : create.mutate(input)
      }
    >
      <div className="row wrap">
        <Field label={t('date')}>
          <input
            type="date"
            required
            value={draft.date}
            onChange={(e) => set({ date: e.target.value })}
          />
        </Field>
        <TextField label={t('name')} value={draft.name} onChange={(name) => set({ name })} />
        <Field label={t('holidayKind')}>
          <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as Kind })}>
            {(Object.keys(kinds) as Kind[]).map((kind) => (
              <option key={kind} value={kind}>
                {kinds[kind]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('site')}>
          <select value={draft.siteId} onChange={(e) => set({ siteId: e.target.value })}>
            <option value="">{t('allSites')}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </EditForm>
  );
}
