import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';
import { Field } from '../../ui/Field';
import {
  ActiveCheck,
  EditForm,
  useAfterSave,
  useDraft,
  formTitle,
  TextField,
} from '../ui/EditForm';
import { useAdminLang } from '../use-admin-lang';
import {
  INDONESIAN_ZONES,
  parseCoordinates,
  siteDraftOf,
  siteInput,
  type Policy,
  type Site,
} from './site';

/** A new site or changes to one: name, position, radius, time zone, geofence policy. */
export function SiteForm({ site, onDone }: { site: Site | null; onDone: () => void }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const [draft, set] = useDraft(() => siteDraftOf(site));
  const changed = useAfterSave(onDone, trpc.admin.sites.pathFilter());
  const create = useMutation(trpc.admin.sites.create.mutationOptions({ onSuccess: changed }));
  const update = useMutation(trpc.admin.sites.update.mutationOptions({ onSuccess: changed }));
  const help = {
    off: t('policyOffHelp'),
    flag: t('policyFlagHelp'),
    require: t('policyRequireHelp'),
  };
  return (
    <EditForm
      title={formTitle(t, site, t('newSite'))}
      saving={[create, update]}
      onCancel={onDone}
      onSubmit={() =>
        site
          ? update.mutate({ id: site.id, ...siteInput(draft), active: draft.active })
          : create.mutate(siteInput(draft))
      }
    >
      <div className="row wrap">
        <TextField label={t('name')} value={draft.name} onChange={(name) => set({ name })} />
        <Field label={t('latitude')}>
          <input
            required
            inputMode="decimal"
            value={draft.lat}
            onChange={(e) => set(parseCoordinates(e.target.value) ?? { lat: e.target.value })}
          />
        </Field>
        <Field label={t('longitude')}>
          <input
            required
            inputMode="decimal"
            value={draft.lng}
            onChange={(e) => set({ lng: e.target.value })}
          />
        </Field>
        <Field label={t('radiusMetres')}>
          <input
            type="number"
            required
            min={10}
            max={100000}
            value={draft.radiusM}
            onChange={(e) => set({ radiusM: e.target.value })}
          />
        </Field>
        <Field label={t('timeZone')}>
          <input
            required
            list="site-zones"
            value={draft.timeZone}
            onChange={(e) => set({ timeZone: e.target.value })}
          />
          <datalist id="site-zones">
            {INDONESIAN_ZONES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </Field>
        <Field label={t('geofence')}>
          <select
            value={draft.geofencePolicy}
            onChange={(e) => set({ geofencePolicy: e.target.value as Policy })}
          >
            <option value="off">{t('policyOff')}</option>
            <option value="flag">{t('policyFlag')}</option>
            <option value="require">{t('policyRequire')}</option>
          </select>
        </Field>
        <Field label={t('maxAccuracy')}>
          <input
            type="number"
            required
            min={0}
            max={5000}
            value={draft.maxAccuracyM}
            onChange={(e) => set({ maxAccuracyM: e.target.value })}
          />
        </Field>
        {site && <ActiveCheck checked={draft.active} onChange={(active) => set({ active })} />}
      </div>
      <p className="muted small">{t('coordinatesHelp')}</p>
      <p className="muted small">{help[draft.geofencePolicy]}</p>
    </EditForm>
  );
}
