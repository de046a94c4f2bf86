/** Dates, times, numbers and durations as Intl writes them: in the chosen language, in the company's zone. */
import { usableZone } from '../time/usable-zone';
import { LOCALES, type Lang } from './lang';

/** Made once, when first used: an Intl formatter costs a slow phone a millisecond or more. */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const made = new Map<string, ReturnType<typeof makeFormatters>>();

/**
 * Formatters bound to a language and the company's time zone (Asia/Jakarta when the browser
 * cannot use the zone given, see usableZone). One set per language and zone, shared by every
 * screen; each Intl formatter in it is made when first used.
 */
export function formatters(lang: Lang, companyZone: string) {
  const key = `${lang} ${companyZone}`;
  let set = made.get(key);
  if (!set) {
    set = makeFormatters(lang, companyZone);
    made.set(key, set);
  }
  return set;
}

function makeFormatters(lang: Lang, companyZone: string) {
  const timeZone = usableZone(companyZone);
  const locale = LOCALES[lang];
  const time = once(
    () => new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }),
  );
  const dateTime = once(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }),
  );
  const calendarDate = once(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone: 'UTC',
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }),
  );
  const longDate = once(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
  );
  const instantDate = once(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }),
  );
  const monthName = once(
    () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }),
  );
  const number = once(() => new Intl.NumberFormat(locale));
  const oneDecimal = once(
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  );
  const dayOf = once(() => new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }));
  const wallClock = once(
    () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' }),
  );
  return {
    locale,
    timeZone,
    /** 08:05 (id: 08.05) in the company's zone. */
    time: (iso: string | Date) => time().format(new Date(iso)),
    dateTime: (iso: string | Date) => dateTime().format(new Date(iso)),
    /** A calendar date (YYYY-MM-DD, a work date) as it is, with no zone shift. */
    date: (workDate: string) => calendarDate().format(new Date(`${workDate}T00:00:00Z`)),
    today: (now: Date) => longDate().format(now),
    /** The date of an instant in the company's zone: "Sen, 30 Nov 2026" (en "Mon, 30 Nov 2026"). */
    dateOf: (iso: string | Date) => instantDate().format(new Date(iso)),
    month: (yearMonth: string) => monthName().format(new Date(`${yearMonth}-01T00:00:00Z`)),
    number: (value: number) => number().format(value),
    /**
     * A wall-clock time of day given as "HH:MM" (a shift's start, a setting), in the language's one
     * time style: en 08:00, id 08.00.
     */
    clock: (hhmm: string) => {
      const match = /^(\d{1,2}):(\d{2})/.exec(hhmm);
      if (!match) return hhmm;
      return wallClock().format(new Date(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]))));
    },
    /** An instant as a person reads it next to now: the time alone when it is today, else date and time. */
    moment: (iso: string | Date, now: Date = new Date()) =>
      dayOf().format(new Date(iso)) === dayOf().format(now)
        ? time().format(new Date(iso))
        : dateTime().format(new Date(iso)),
    /** "85 m", "1.3 km" (id: "1,3 km"). */
    distance: (metres: number) =>
      metres < 1_000
        ? `${number().format(Math.round(metres))} m`
        : `${oneDecimal().format(metres / 1_000)} km`,
    /** Minutes as "7 h 05 m" / "7 j 05 m". */
    duration: (minutes: number) => {
      const whole = Math.max(0, Math.floor(minutes));
      const hours = Math.floor(whole / 60);
      const rest = String(whole % 60).padStart(2, '0');
      return lang === 'id' ? `${hours} j ${rest} m` : `${hours} h ${rest} m`;
    },
    /** How late, as HR writes it: "7 min", "11 h 44 min", "2 h" (id: "7 m", "11 j 44 m", "2 j"). */
    lateness: (minutes: number) => {
      const whole = Math.max(0, Math.round(minutes));
      const [hourUnit, minuteUnit] = lang === 'id' ? ['j', 'm'] : ['h', 'min'];
      const hours = Math.floor(whole / 60);
      const rest = whole % 60;
      if (hours === 0) return `${rest} ${minuteUnit}`;
      return rest === 0 ? `${hours} ${hourUnit}` : `${hours} ${hourUnit} ${rest} ${minuteUnit}`;
    },
  };
}

export type Formatters = ReturnType<typeof formatters>;
