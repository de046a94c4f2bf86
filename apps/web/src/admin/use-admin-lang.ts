import { useMemo } from 'react';
import { useLang } from '../i18n/lang-context';
import { DICTIONARIES, translatorOf, type MessageKey, type Translate } from '../i18n/translate';
import { ADMIN_DICTIONARIES, type AdminMessageKey } from './messages/dictionaries';

/** `t` over the app's messages and the admin area's own. */
export type AdminTranslate = Translate<MessageKey | AdminMessageKey>;

/** The admin area's `t` in the chosen language: the app's messages and the admin area's own. */
export function useAdminLang(): { t: AdminTranslate } {
  const { lang } = useLang();
  return useMemo(
    () => ({ t: translatorOf({ ...DICTIONARIES[lang], ...ADMIN_DICTIONARIES[lang] }, lang) }),
    [lang],
  );
}
