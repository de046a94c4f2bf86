import type { Lang } from './lang';
import { useLang } from './lang-context';

export function LanguageSwitch() {
  const { lang, setLang, t } = useLang();
  return (
    <select
      className="lang"
      value={lang}
      onChange={(event) => setLang(event.target.value as Lang)}
      aria-label={t('language')}
    >
      <option value="id">Indonesia</option>
      <option value="en">English</option>
    </select>
  );
}
