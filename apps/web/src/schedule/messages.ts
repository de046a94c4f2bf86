import type { Lang } from '../i18n/lang';

/**
 * The week plan's words. On the employee's first screen, so in the first download: as a lazy chunk
 * it made the bundler split the entry into shared chunks (rolldown issue #10731), 2 KB more.
 */
const en = {
  weekTitle: 'Your schedule, next 7 days',
  todayMark: 'Today',
  dayOff: 'Day off',
  holiday: 'Holiday: {name}',
  noSchedule: 'No schedule yet: ask your administrator',
  nextDay: '(next day)',
  changedForDay: 'changed for this day',
  graceNote: '{minutes} min grace',
  weekUnavailable: 'Your schedule cannot be shown without a network.',
} as const;

export type WeekMessageKey = keyof typeof en;

const id: Record<WeekMessageKey, string> = {
  weekTitle: 'Jadwal Anda, 7 hari ke depan',
  todayMark: 'Hari ini',
  dayOff: 'Libur',
  holiday: 'Hari libur: {name}',
  noSchedule: 'Belum ada jadwal: tanyakan ke admin',
  nextDay: '(hari berikutnya)',
  changedForDay: 'diubah khusus hari ini',
  graceNote: 'toleransi {minutes} menit',
  weekUnavailable: 'Jadwal tidak bisa ditampilkan tanpa internet.',
};

export const WEEK_MESSAGES: Record<Lang, Record<WeekMessageKey, string>> = { en, id };
