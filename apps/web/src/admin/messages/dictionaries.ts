import type { Lang } from '../../i18n/lang';
import { adminEn, type AdminMessageKey } from './en';
import { adminId } from './id';

export type { AdminMessageKey };

export const ADMIN_DICTIONARIES: Record<Lang, Record<AdminMessageKey, string>> = {
  en: adminEn,
  id: adminId,
};
