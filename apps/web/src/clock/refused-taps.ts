import type { Problem } from '../api/errors';
import type { TapKind } from './queue';

/** A tap the server refused for good, kept on this phone until the person dismisses it. */
export interface RefusedTap {
  key: string;
  kind: TapKind;
  at: string;
  problem: Problem;
}

const REFUSED_KEY = 'absensi.refused';

export function loadRefused(): RefusedTap[] {
  try {
    return JSON.parse(localStorage.getItem(REFUSED_KEY) ?? '[]') as RefusedTap[];
  } catch {
    return [];
  }
}

export function saveRefused(refused: RefusedTap[]) {
  localStorage.setItem(REFUSED_KEY, JSON.stringify(refused));
}
