import { skipToken, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Problem } from '../api/errors';
import { useTRPC } from '../api/trpc';
import type { Formatters } from '../i18n/format';
import { Field } from '../ui/Field';
import { emptyDraft, requestInput, type DayPart, type RequestDraft } from './draft';
import { useRequestLang } from './messages';
import { downscalePhoto, MAX_PHOTO_BYTES } from './photo';
import { requestOutbox } from './outbox-sync';
import { leaveTypeName, refusalText } from './words';

const PARTS: [DayPart, 'partFull' | 'partFirstHalf' | 'partSecondHalf'][] = [
  ['full', 'partFull'],
  ['first_half', 'partFirstHalf'],
  ['second_half', 'partSecondHalf'],
];

/**
 * A new request: leave (a type, dates, a full or half day, a photo where the type takes one), a
 * correction of a missing or wrong punch, or overtime worked. It goes through the outbox: kept on
 * this phone with its `clientKey` (a request sent twice is filed once) and sent at once, or when
 * the network returns. `initial`: a refused request brought back to fix.
 */
export function RequestForm({
  zone,
  today,
  f,
  initial,
}: {
  zone: string;
  today: string;
  f: Formatters;
  initial?: RequestDraft | undefined;
}) {
  const { t } = useRequestLang();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<RequestDraft>(() => initial ?? emptyDraft(today));
  const [clientKey, setClientKey] = useState(() => crypto.randomUUID());
  const [photoNote, setPhotoNote] = useState<string | null>(null);
  const [done, setDone] = useState<'filed' | 'saved' | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const types = useQuery(trpc.requests.leaveTypes.queryOptions());
  const type = types.data?.find((item) => item.id === draft.leaveTypeId) ?? types.data?.[0];
  const records = useQuery(
    trpc.attendance.history.queryOptions(
      draft.kind === 'correction' ? { month: draft.startDate.slice(0, 7), limit: 100 } : skipToken,
    ),
  );
  const onDate = records.data?.items.filter((item) => item.workDate === draft.startDate) ?? [];
  const [recordId, setRecordId] = useState<number | null>(null);
  const edit = (change: Partial<RequestDraft>) => {
    setProblem(null);
    setDone(null);
    setDraft({ ...draft, ...change });
  };

  const choosePhoto = async (chosen: File | undefined) => {
    if (!chosen) return edit({ photo: null });
    try {
      const photo = await downscalePhoto(chosen);
      setPhotoNote(
        photo
          ? t('photoReady', { size: Math.ceil(photo.bytes / 1024) })
          : t('photoTooBig', { max: MAX_PHOTO_BYTES / 1024 }),
      );
      edit({ photo });
    } catch {
      setPhotoNote(t('photoUnreadable'));
      edit({ photo: null });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = requestInput({ ...draft, leaveTypeId: type?.id ?? null }, zone, clientKey);
    const outbox = requestOutbox();
    setPending(true);
    try {
      const outcome = await outbox.file(
        clientKey,
        input.kind === 'correction' && recordId !== null
          ? { ...input, attendanceId: recordId }
          : input,
      );
      if (outcome.status === 'refused') {
        // Refused at once: the form still holds it, to fix here; the phone keeps no copy.
        await outbox.remove(clientKey);
        setClientKey(crypto.randomUUID());
        setProblem(outcome.problem);
        return;
      }
      setDraft(emptyDraft(today));
      setClientKey(crypto.randomUUID());
      setRecordId(null);
      setPhotoNote(null);
      setDone(outcome.status === 'sent' ? 'filed' : 'saved');
    } finally {
      setPending(false);
    }
  };
  const takesPhoto = draft.kind === 'leave' && type !== undefined && type.attachment !== 'none';
  return (
    <form
      className="card stack"
      aria-label={t('newRequest')}
      onSubmit={(event) => void submit(event)}
    >
      <h2>{t('newRequest')}</h2>
      <Field label={t('kind')}>
        <select
          value={draft.kind}
          onChange={(event) => edit({ kind: event.target.value as RequestDraft['kind'] })}
        >
          <option value="leave">{t('kindLeave')}</option>
          <option value="correction">{t('kindCorrection')}</option>
          <option value="overtime">{t('kindOvertime')}</option>
        </select>
      </Field>
      {draft.kind === 'leave' && (
        <>
          <Field label={t('leaveType')}>
            <select
              value={type?.id ?? ''}
              onChange={(event) => edit({ leaveTypeId: Number(event.target.value), photo: null })}
            >
              {types.data?.map((item) => (
                <option key={item.id} value={item.id}>
                  {leaveTypeName(item, t)}
                </option>
              ))}
            </select>
          </Field>
          <div className="row wrap">
            <Field label={t('startDate')}>
              <input
                type="date"
                required
                value={draft.startDate}
                onChange={(event) =>
                  edit({
                    startDate: event.target.value,
                    endDate:
                      draft.endDate < event.target.value ? event.target.value : draft.endDate,
                  })
                }
              />
            </Field>
            <Field label={t('endDate')}>
              <input
                type="date"
                required
                min={draft.startDate}
                value={draft.endDate}
                onChange={(event) => edit({ endDate: event.target.value })}
              />
            </Field>
          </div>
          {draft.startDate === draft.endDate && (
            <Field label={t('dayPart')}>
              <select
                value={draft.part}
                onChange={(event) => edit({ part: event.target.value as DayPart })}
              >
                {PARTS.map(([part, key]) => (
                  <option key={part} value={part}>
                    {t(key)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {takesPhoto && (
            <Field label={type.attachment === 'required' ? t('photoRequired') : t('photo')}>
              <input
                type="file"
                accept="image/*"
                capture="environment"
                required={type.attachment === 'required' && !draft.photo}
                onChange={(event) => void choosePhoto(event.target.files?.[0])}
              />
            </Field>
          )}
          {takesPhoto && photoNote && (
            <p className="muted small" role="status">
              {photoNote}
            </p>
          )}
        </>
      )}
      {draft.kind !== 'leave' && (
        <Field label={t('date')}>
          <input
            type="date"
            required
            max={today}
            value={draft.startDate}
            onChange={(event) => {
              setRecordId(null);
              edit({ startDate: event.target.value, endDate: event.target.value });
            }}
          />
        </Field>
      )}
      {draft.kind === 'correction' && (
        <>
          <p className="muted small">{t('correctionHelp')}</p>
          {onDate.length > 0 && (
            <Field label={t('whichRecord')}>
              <select
                value={recordId ?? ''}
                onChange={(event) =>
                  setRecordId(event.target.value ? Number(event.target.value) : null)
                }
              >
                <option value="">{t('missingShift')}</option>
                {onDate.map((record) => (
                  <option key={record.id} value={record.id}>
                    {t('correctionTo', {
                      in: f.time(record.clockInAt),
                      out: record.clockOutAt ? f.time(record.clockOutAt) : '–',
                    })}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <div className="row wrap">
            <Field label={t('clockIn')}>
              <input
                type="datetime-local"
                value={draft.clockIn}
                onChange={(event) => edit({ clockIn: event.target.value })}
              />
            </Field>
            <Field label={t('clockOut')}>
              <input
                type="datetime-local"
                value={draft.clockOut}
                onChange={(event) => edit({ clockOut: event.target.value })}
              />
            </Field>
          </div>
        </>
      )}
      {draft.kind === 'overtime' && (
        <Field label={t('overtimeMinutes')}>
          <input
            type="number"
            min={1}
            max={960}
            inputMode="numeric"
            value={draft.minutes}
            onChange={(event) => edit({ minutes: event.target.value })}
          />
        </Field>
      )}
      <Field label={t('reason')}>
        <textarea
          required
          maxLength={500}
          rows={2}
          value={draft.reason}
          onChange={(event) => edit({ reason: event.target.value })}
        />
      </Field>
      {problem && (
        <p className="banner error" role="alert">
          {refusalText(problem, t)}
        </p>
      )}
      {done && (
        <p className={done === 'filed' ? 'banner ok' : 'banner'} role="status">
          {t(done === 'filed' ? 'filed' : 'savedOnPhoneWaiting')}
        </p>
      )}
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? t('sending') : t('send')}
      </button>
    </form>
  );
}
