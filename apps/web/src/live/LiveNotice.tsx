import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';
import type { MessageKey } from '../i18n/translate';
import type { OwnNotice } from './own-events';

const valuesOf = (notice: OwnNotice, f: Formatters): Record<string, string> =>
  'at' in notice ? { when: f.dateTime(notice.at) } : { date: f.date(notice.workDate) };

const MESSAGES: Record<OwnNotice['kind'], MessageKey> = {
  auto: 'noticeAuto',
  deactivation: 'noticeDeactivation',
  corrected: 'noticeCorrected',
  added: 'noticeAdded',
};

/**
 * What changed on the person's records without them, until they dismiss it: floating at the top
 * of the screen (styles.css `.live-notices`), so the clock's button is never pushed down. The
 * region is always there, empty, so what appears in it is announced.
 */
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
  return (
    <div className="live-notices" role="status">
      {notice && (
        <div className="banner warn" data-testid="notice">
          <span>{t(MESSAGES[notice.kind], valuesOf(notice, f))}</span>
          <button className="button small" onClick={onDismiss}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
