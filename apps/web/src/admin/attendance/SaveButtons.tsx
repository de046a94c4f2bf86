import { useAdminLang } from '../use-admin-lang';

/** A form's submit button, "Saving…" while the server is asked, and a way out. */
export function SaveButtons({
  label,
  pending,
  onCancel,
}: {
  label: string;
  pending: boolean;
  onCancel: () => void;
}) {
  const { t } = useAdminLang();
  return (
    <div className="row">
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? t('saving') : label}
      </button>
      <button className="button" type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
