import { useMemo } from 'react';
import type { Lang } from '../i18n/lang';
import { useLang } from '../i18n/lang-context';
import { DICTIONARIES, translatorOf, type MessageKey, type Translate } from '../i18n/translate';
import { ADMIN_DICTIONARIES, type AdminMessageKey } from './messages/dictionaries';

/** `t` over the app's messages and the admin area's own. */
export type AdminTranslate = Translate<MessageKey | AdminMessageKey>;

/** The admin area's `t` in the chosen language (and that language): the app's messages and the admin area's own. */
export function useAdminLang(): { t: AdminTranslate; lang: Lang } {
  const { lang } = useLang();
  return useMemo(
    () => ({ lang, t: translatorOf({ ...DICTIONARIES[lang], ...ADMIN_DICTIONARIES[lang] }, lang) }),
    [lang],
  );
}
