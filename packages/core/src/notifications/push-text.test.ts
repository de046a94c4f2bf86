import { describe, expect, it } from 'vitest';
import { pushText } from './push-text.js';

describe('what a push notification says', () => {
  it.each([
    [
      'request_decided',
      { startDate: '2026-12-14', endDate: '2026-12-14', state: 'approved', by: 'Bu Ani' },
      'id',
      'Pengajuan Anda (2026-12-14) disetujui oleh Bu Ani.',
    ],
    [
      'request_decided',
      { startDate: '2026-12-14', endDate: '2026-12-16', state: 'declined', by: 'Bu Ani' },
      'en',
      'Your request (2026-12-14 – 2026-12-16) was declined by Bu Ani.',
    ],
    [
      'record_corrected',
      { workDate: '2026-12-01', by: 'Pak Budi' },
      'id',
      'Catatan absen 2026-12-01 dikoreksi oleh Pak Budi.',
    ],
    [
      'auto_clocked_out',
      { workDate: '2026-12-01' },
      'en',
      'You were clocked out automatically (2026-12-01).',
    ],
    [
      'overtime_ordered',
      { date: '2026-12-05', by: 'Pak Budi' },
      'id',
      'Lembur diperintahkan untuk 2026-12-05 oleh Pak Budi.',
    ],
    ['request_filed', { requestId: 3 }, 'en', 'A new request was filed.'],
  ] as const)('%s in %s', (kind, details, lang, body) => {
    expect(pushText(kind, details, lang)).toEqual({ title: 'Absensi', body });
  });
});
