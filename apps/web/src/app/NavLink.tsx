import { useLang } from '../i18n/lang-context';
import type { MessageKey } from '../i18n/translate';
import { navigate } from './route';

/** A menu link that moves within the app and marks the page being shown. */
export function NavLink({ to, label, path }: { to: string; label: MessageKey; path: string }) {
  const { t } = useLang();
  const current = to === '/' || to === '/admin' ? path === to : path.startsWith(to);
  return (
    <a
      href={to}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      {t(label)}
    </a>
  );
}
