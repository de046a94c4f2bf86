import type { Me } from '../api/types';

/** Who was last signed in on this phone, so the clock opens with no network. */
const ME_KEY = 'absensi.me';

export function readMe(): Me | null {
  try {
    return JSON.parse(localStorage.getItem(ME_KEY) ?? 'null') as Me | null;
  } catch {
    return null;
  }
}

export function rememberMe(me: Me) {
  localStorage.setItem(ME_KEY, JSON.stringify(me));
}

export function forgetMe() {
  localStorage.removeItem(ME_KEY);
}
