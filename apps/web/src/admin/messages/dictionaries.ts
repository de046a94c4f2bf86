import type { Lang } from '../../i18n/lang';
import { adminEn, type AdminMessageKey as CoreKey } from './en';
import { adminId } from './id';
import { planEn, type PlanMessageKey } from './plan-en';
import { planId } from './plan-id';

export type AdminMessageKey = CoreKey | PlanMessageKey;

export const ADMIN_DICTIONARIES: Record<Lang, Record<AdminMessageKey, string>> = {
  en: { ...adminEn, ...planEn },
  id: { ...adminId, ...planId },
};
