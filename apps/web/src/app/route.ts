import { useEffect, useState } from 'react';

const routeListeners = new Set<() => void>();

/** Goes to a path in the app without reloading the page. */
export function navigate(path: string) {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  for (const listener of routeListeners) listener();
}

/** The current path, following `navigate` and the browser's back and forward. */
export function useRoute(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    routeListeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      routeListeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}
