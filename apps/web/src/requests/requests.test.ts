import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../api/errors';
import { formatters } from '../i18n/format';
import { DICTIONARIES, translatorOf } from '../i18n/translate';
import { notificationText } from '../notifications/words';
import { draftOf, emptyDraft, requestInput } from './draft';
import { REQUEST_MESSAGES } from './messages';
import { outboxTitle, refusalText } from './words';
import { loadRefusalTexts } from '../i18n/refusal-texts';

const tEn = translatorOf({ ...DICTIONARIES.en, ...REQUEST_MESSAGES.en }, 'en');
const tId = translatorOf({ ...DICTIONARIES.id, ...REQUEST_MESSAGES.id }, 'id');
const refused = (said: Partial<Problem>, kind: Problem['kind'] = 'invalid'): Problem => ({
  kind,
  serverMessage: 'English, for logs',
  answered: true,
  ...said,
});
const KEY = '0b7c6f1e-8f0a-4f7e-9a53-5d8f7c1f2a10';

describe('the request the form sends', () => {
  it('sends a half day only for one date, with the photo and the clientKey', () => {
    const photo = { contentType: 'image/jpeg' as const, base64: 'AAAA', bytes: 3 };
    const draft = {
      ...emptyDraft('2026-11-30'),
      leaveTypeId: 2,
      part: 'first_half' as const,
      reason: '  Demam  ',
      photo,
    };
    expect(requestInput(draft, 'Asia/Jakarta', KEY)).toEqual({
      kind: 'leave',
      leaveTypeId: 2,
      startDate: '2026-11-30',
      endDate: '2026-11-30',
      part: 'first_half',
      reason: 'Demam',
      attachment: { contentType: 'image/jpeg', base64: 'AAAA' },
      clientKey: KEY,
    });
    expect(
      requestInput({ ...draft, endDate: '2026-12-02', photo: null }, 'Asia/Jakarta', KEY),
    ).toMatchObject({ part: 'full', endDate: '2026-12-02' });
  });

  it('sends a correction as instants in the company zone, and overtime in minutes', () => {
    const base = { ...emptyDraft('2026-11-27'), reason: 'Lupa absen' };
    expect(
      requestInput(
        { ...base, kind: 'correction', clockIn: '2026-11-27T08:00', clockOut: '2026-11-27T17:05' },
        'Asia/Jakarta',
        KEY,
      ),
    ).toEqual({
      kind: 'correction',
      date: '2026-11-27',
      clockInAt: '2026-11-27T01:00:00.000Z',
      clockOutAt: '2026-11-27T10:05:00.000Z',
      reason: 'Lupa absen',
      clientKey: KEY,
    });
    expect(requestInput({ ...base, kind: 'overtime', minutes: '90' }, 'UTC', KEY)).toEqual({
      kind: 'overtime',
      date: '2026-11-27',
      minutes: 90,
      reason: 'Lupa absen',
      clientKey: KEY,
    });
    expect(requestInput({ ...base, kind: 'overtime' }, 'UTC', KEY)).not.toHaveProperty('minutes');
  });

  it('brings a refused request back into the form as it was filed, photo and times included', () => {
    const photo = { contentType: 'image/jpeg' as const, base64: 'AAAABBBB', bytes: 6 };
    const drafts = [
      { ...emptyDraft('2026-11-30'), leaveTypeId: 2, part: 'second_half' as const, photo },
      { ...emptyDraft('2026-11-30'), leaveTypeId: 1, endDate: '2026-12-04' },
      {
        ...emptyDraft('2026-11-27'),
        kind: 'correction' as const,
        clockIn: '2026-11-27T08:00',
        clockOut: '2026-11-27T17:05',
      },
      { ...emptyDraft('2026-11-27'), kind: 'overtime' as const, minutes: '90' },
    ].map((draft) => ({ ...draft, reason: 'Alasan' }));
    for (const draft of drafts) {
      const input = requestInput(draft, 'Asia/Makassar', KEY);
      expect(requestInput(draftOf(input, 'Asia/Makassar'), 'Asia/Makassar', KEY)).toEqual(input);
    }
    expect(draftOf(requestInput(drafts[0]!, 'UTC', KEY), 'UTC').photo).toEqual(photo);
  });
});

describe("the server's refusals in the reader's language", () => {
  beforeAll(loadRefusalTexts);

  it("says what is left of the allowance, from the reason's params", () => {
    const problem = refused({
      reason: 'LEAVE_BALANCE_EXCEEDED',
      params: {
        days: 3,
        remainingDays: 1,
        allowanceDays: 12,
        leaveType: 'Cuti tahunan',
        year: 2026,
      },
    });
    expect(refusalText(problem, tEn)).toBe(
      'This leave takes 3 working days, but only 1 of your 12 days of Cuti tahunan for 2026 are left.',
    );
    expect(refusalText(problem, tId)).toBe(
      'Cuti ini memakai 3 hari kerja, padahal sisa Cuti tahunan Anda tahun 2026 tinggal 1 dari 12 hari.',
    );
  });

  it('names the other leave, a day off, a request already decided', () => {
    expect(
      refusalText(
        refused(
          { reason: 'LEAVE_OVERLAP', params: { startDate: '2026-11-30', endDate: '2026-12-01' } },
          'conflict',
        ),
        tId,
      ),
    ).toBe('Anda sudah mengajukan cuti pada Sen, 30 Nov 2026 – Sel, 1 Des 2026.');
    expect(refusalText(refused({ reason: 'NOT_SCHEDULED' }), tId)).toBe(
      'Anda tidak dijadwalkan bekerja pada tanggal tersebut.',
    );
    expect(
      refusalText(
        refused({ reason: 'REQUEST_NOT_PENDING', params: { state: 'approved' } }, 'conflict'),
        tEn,
      ),
    ).toBe('This request is already decided or cancelled.');
    expect(
      refusalText(
        refused(
          { reason: 'OVERTIME_ALREADY_APPROVED', params: { date: '2026-11-30' } },
          'conflict',
        ),
        tEn,
      ),
    ).toBe('Overtime on this date is already approved.');
    expect(
      refusalText(
        refused({ reason: 'OVERTIME_ALREADY_CLAIMED', params: { date: '2026-11-30' } }, 'conflict'),
        tId,
      ),
    ).toBe(
      'Anda sudah mengajukan lembur untuk tanggal ini; batalkan pengajuan itu untuk mengubahnya.',
    );
    expect(
      refusalText(
        refused({ reason: 'OVERTIME_ALREADY_CLAIMED', params: { date: '2026-11-30' } }, 'conflict'),
        tEn,
      ),
    ).toBe('You already claimed overtime on this date; cancel that claim to change it.');
    expect(refusalText(refused({ reason: 'CLOCK_OUT_NOT_AFTER_IN' }), tId)).toBe(
      'Jam pulang harus setelah jam masuk.',
    );
  });

  it('leaves other troubles to the usual words', () => {
    expect(refusalText({ kind: 'network', serverMessage: 'x', answered: false }, tEn)).toBe(
      tEn('errOffline'),
    );
  });
});

describe('notifications', () => {
  it('words a decided request in either language', () => {
    const note = {
      kind: 'request_decided' as const,
      details: {
        requestId: 4,
        requestKind: 'leave',
        state: 'declined',
        startDate: '2026-11-30',
        endDate: '2026-11-30',
        note: 'Stok opname',
        by: 'Budi',
      },
    };
    expect(notificationText(note, tEn, formatters('en', 'UTC'))).toBe(
      'Your leave request for Mon, 30 Nov 2026 was declined by Budi. Note: Stok opname',
    );
    expect(notificationText(note, tId, formatters('id', 'UTC'))).toContain('ditolak oleh Budi');
  });
});

describe('a request kept on the phone', () => {
  const types = [
    { id: 1, category: 'sick', name: 'Sakit' },
    { id: 2, category: 'other', name: 'Cuti melahirkan' },
  ] as const;
  it.each([
    ['id', { kind: 'leave', leaveTypeId: 1 }, types, 'Sakit'],
    ['en', { kind: 'leave', leaveTypeId: 1 }, types, 'Sick'],
    ['id', { kind: 'leave', leaveTypeId: 2 }, types, 'Cuti melahirkan'],
    ['en', { kind: 'leave', leaveTypeId: 1 }, undefined, 'Leave'],
    ['id', { kind: 'overtime' }, types, 'Lembur'],
    ['en', { kind: 'correction' }, types, 'Punch correction'],
  ] as const)('in %s, %o is titled by its type: %s', (lang, input, known, title) => {
    expect(outboxTitle(input, known, lang === 'id' ? tId : tEn)).toBe(title);
  });

  it('is "not accepted" when the server refused it, apart from a manager\'s "declined"', () => {
    expect(tId('stateNotAccepted')).toBe('Tidak diterima');
    expect(tId('stateDeclined')).toBe('Ditolak');
    expect(tEn('stateNotAccepted')).toBe('Not accepted');
    expect(tEn('stateDeclined')).toBe('Declined');
    expect(tId('refusedOnPhone', { reason: 'x' })).toBe('Tidak diterima server: x');
    expect(tEn('refusedOnPhone', { reason: 'x' })).toBe('Not accepted by the server: x');
  });
});
