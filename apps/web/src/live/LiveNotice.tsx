import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';
import type { MessageKey } from '../i18n/translate';
import type { OwnNotice } from './own-events';

const MESSAGES: Record<OwnNotice['kind'], MessageKey> = {
  auto: 'noticeAuto',
  deactivation: 'noticeDeactivation',
  corrected: 'noticeCorrected',
  added: 'noticeAdded',
};

/** What changed on the person's records without them, until they dismiss it. */
export function LiveNotice({
  notice,
  f,
  onDismiss,
}: {
  notice: OwnNotice | null;
  f: Formatters;
  onDismiss: () => void;
}) {
  const { t } = useLang();
  if (!notice) return null;
  const values: Record<string, string> =
    'at' in notice ? { when: f.dateTime(notice.at) } : { date: f.date(notice.workDate) };
  return (
    <div className="banner warn" role="status" data-testid="notice">
      <span>{t(MESSAGES[notice.kind], values)}</span>
      <button className="button small" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
