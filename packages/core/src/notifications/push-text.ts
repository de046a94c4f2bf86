import type { NotificationKind } from '@absensi/events';
import type { NotificationDetails } from './notify.js';

export type PushLang = 'id' | 'en';

const STATES: Record<PushLang, Record<string, string>> = {
  id: { approved: 'disetujui', declined: 'ditolak', cancelled: 'dibatalkan', pending: 'menunggu' },
  en: { approved: 'approved', declined: 'declined', cancelled: 'cancelled', pending: 'pending' },
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * What a push notification says, in the language the person used the app in when they allowed
 * it: a title and one sentence, from the notification's kind and details (dates as YYYY-MM-DD,
 * which every reader understands; the app shows the full wording when opened).
 */
export function pushText(
  kind: NotificationKind,
  details: NotificationDetails,
  lang: PushLang,
): { title: string; body: string } {
  const id = lang === 'id';
  const title = 'Absensi';
  const state = STATES[lang][text(details.state)] ?? text(details.state);
  const dates =
    text(details.startDate) && text(details.endDate) && details.startDate !== details.endDate
      ? `${text(details.startDate)} – ${text(details.endDate)}`
      : text(details.startDate) || text(details.date) || text(details.workDate);
  switch (kind) {
    case 'request_decided':
      return {
        title,
        body: id
          ? `Pengajuan Anda (${dates}) ${state} oleh ${text(details.by)}.`
          : `Your request (${dates}) was ${state} by ${text(details.by)}.`,
      };
    case 'record_corrected':
      return {
        title,
        body: id
          ? `Catatan absen ${dates} dikoreksi oleh ${text(details.by)}.`
          : `Your record of ${dates} was corrected by ${text(details.by)}.`,
      };
    case 'auto_clocked_out':
      return {
        title,
        body: id
          ? `Anda dicatat pulang otomatis (${dates}).`
          : `You were clocked out automatically (${dates}).`,
      };
    case 'overtime_ordered':
      return {
        title,
        body: id
          ? `Lembur diperintahkan untuk ${dates} oleh ${text(details.by)}.`
          : `Overtime on ${dates} was ordered by ${text(details.by)}.`,
      };
    default:
      return { title, body: id ? 'Ada pengajuan baru.' : 'A new request was filed.' };
  }
}
