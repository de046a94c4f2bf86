/**
 * Two languages, one typed dictionary each: TypeScript refuses a key missing from either. Formatting
 * of dates, times and numbers is Intl's, always in the company's time zone and the chosen language.
 */
export type Lang = 'id' | 'en';
export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const en = {
  appName: 'Absensi',
  skipToContent: 'Skip to content',
  language: 'Language',
  navClock: 'Clock',
  navHistory: 'History',
  navDashboard: 'Dashboard',
  navAttendance: 'Attendance',
  navUsers: 'Users',
  navSettings: 'Settings',
  navExport: 'Export',
  mainMenu: 'Main menu',
  signOut: 'Sign out',
  signInTitle: 'Sign in to Absensi',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  loading: 'Loading…',
  retry: 'Try again',
  errWrongPassword: 'That email and password do not match an active account.',
  errTooMany: 'Too many failed sign-ins. Try again in {minutes} minute(s).',
  errSessionLost: 'Your session has ended. Please sign in again.',
  errOffline: 'Cannot reach the server. Check your connection and try again.',
  errServerDown: 'The server is not answering right now. Please try again in a moment.',
  errForbidden: 'Only administrators can do this.',
  errInvalid: 'Please check what you entered: {detail}',
  errGeneric:
    'Something went wrong. Please try again; if it keeps happening, tell your administrator.',
  errAlreadyIn: 'You were already clocked in, so this tap did not count.',
  errNotIn: 'You were not clocked in, so this tap did not count.',
  errTooOld:
    'This tap is more than 3 days old and could not be sent. Ask your administrator to record it.',
  errCrash: 'The app hit a problem it could not handle.',
  errEmailTaken: 'Another account already uses this email address.',
  reloadApp: 'Reload the app',
  offlineBanner: 'You are offline. Taps are kept on this phone and sent when the network returns.',
  updateAvailable: 'A new version of Absensi is available.',
  reload: 'Reload',
  offlineReady: 'Absensi now also opens without a network.',
  dismiss: 'Dismiss',
  hello: 'Hello, {name}',
  stateIn: 'Clocked in',
  stateOut: 'Not clocked in',
  clockIn: 'Clock in',
  clockOut: 'Clock out',
  since: 'since {time}',
  elapsed: '{duration} so far',
  onTime: 'On time',
  late: 'Late by {minutes} min',
  answerIn: 'Clocked in at {time}',
  answerOut: 'Clocked out at {time}',
  waitingToSync: 'Waiting to sync',
  waitingItem: '{action} tapped at {time}',
  sending: 'Sending…',
  notCounted: 'Not counted',
  shiftInfo: 'Shift starts {time}, {grace} min grace',
  today: 'Today',
  noRecordsToday: 'Nothing recorded yet today.',
  in: 'In',
  out: 'Out',
  status: 'Status',
  worked: 'Worked',
  date: 'Date',
  node: 'Node',
  autoOut: 'auto',
  offlineTap: 'kept offline',
  open: 'open',
  history: 'History',
  month: 'Month',
  totalsDays: 'Days',
  totalsShifts: 'Shifts',
  totalsLate: 'Late',
  totalsWorked: 'Worked',
  loadMore: 'Load more',
  noRecords: 'No records.',
  dashboard: 'Today at a glance',
  present: 'Present now',
  lateToday: 'Late today',
  notYetIn: 'Not yet in',
  clockedOut: 'Clocked out',
  employees: 'Employees',
  whoIsIn: 'Who is in',
  nobodyIn: 'Nobody is clocked in.',
  everyoneIn: 'Everyone has come in.',
  andMore: '… and {count} more.',
  feed: 'As it happens',
  noEvents: 'No clock-ins yet.',
  clockInsByHour: 'Clock-ins by hour',
  byNode: 'Spread across nodes',
  clockIns: 'Clock-ins',
  clockOuts: 'Clock-outs',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  eventIn: '{name} clocked in',
  eventOut: '{name} clocked out',
  eventAuto: '{name} was clocked out automatically',
  eventCorrection: "{name}'s record was corrected",
  viaNode: 'via {node}',
  from: 'From',
  to: 'To',
  person: 'Person',
  department: 'Department',
  anyone: 'Anyone',
  any: 'Any',
  filter: 'Filter',
  statusOnTime: 'On time',
  statusLate: 'Late',
  correct: 'Correct',
  correctTitle: 'Correct the record of {name} on {date}',
  reason: 'Reason (required)',
  note: 'Note',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  cancel: 'Cancel',
  auditTrail: 'Changes',
  noChanges: 'No corrections yet.',
  search: 'Search by name or email',
  newUser: 'New user',
  name: 'Name',
  role: 'Role',
  roleEmployee: 'Employee',
  roleAdmin: 'Admin',
  active: 'Active',
  inactive: 'Inactive',
  create: 'Create',
  edit: 'Edit',
  deactivate: 'Deactivate',
  confirmDeactivate: 'Deactivate {name}? They will no longer be able to sign in.',
  resetPassword: 'Reset password',
  passwordOptional: 'Password (leave empty to generate one)',
  generatedPassword: 'Password for {name}, shown once: {password}',
  timeZone: 'Time zone',
  shiftStart: 'Shift start',
  graceMinutes: 'Grace minutes',
  autoClockOutHour: 'Automatic clock-out hour',
  settings: 'Company settings',
  exportTitle: 'Export a month',
  exportStart: 'Export',
  exportDownload: 'Download {month}',
  exportFailed: 'The export failed: {message}',
  exportFormat: 'Format',
  exportFiles: 'Your exports',
  actions: 'Actions',
} as const;

export type MessageKey = keyof typeof en;
type Dictionary = Record<MessageKey, string>;

const id: Dictionary = {
  appName: 'Absensi',
  skipToContent: 'Langsung ke isi',
  language: 'Bahasa',
  navClock: 'Absen',
  navHistory: 'Riwayat',
  navDashboard: 'Dasbor',
  navAttendance: 'Kehadiran',
  navUsers: 'Pengguna',
  navSettings: 'Pengaturan',
  navExport: 'Ekspor',
  mainMenu: 'Menu utama',
  signOut: 'Keluar',
  signInTitle: 'Masuk ke Absensi',
  email: 'Email',
  password: 'Kata sandi',
  signIn: 'Masuk',
  signingIn: 'Sedang masuk…',
  loading: 'Memuat…',
  retry: 'Coba lagi',
  errWrongPassword: 'Email dan kata sandi tidak cocok dengan akun yang aktif.',
  errTooMany: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.',
  errSessionLost: 'Sesi Anda telah berakhir. Silakan masuk lagi.',
  errOffline: 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.',
  errServerDown: 'Server sedang tidak menjawab. Silakan coba lagi sebentar lagi.',
  errForbidden: 'Hanya administrator yang dapat melakukan ini.',
  errInvalid: 'Periksa kembali isian Anda: {detail}',
  errGeneric: 'Terjadi kesalahan. Silakan coba lagi; jika terus terjadi, hubungi administrator.',
  errAlreadyIn: 'Anda sudah absen masuk, jadi ketukan ini tidak dihitung.',
  errNotIn: 'Anda belum absen masuk, jadi ketukan ini tidak dihitung.',
  errTooOld:
    'Ketukan ini lebih dari 3 hari dan tidak dapat dikirim. Minta administrator mencatatnya.',
  errCrash: 'Aplikasi mengalami masalah yang tidak dapat ditangani.',
  errEmailTaken: 'Email ini sudah dipakai akun lain.',
  reloadApp: 'Muat ulang aplikasi',
  offlineBanner:
    'Anda sedang luring. Ketukan disimpan di ponsel ini dan dikirim saat jaringan kembali.',
  updateAvailable: 'Versi baru Absensi tersedia.',
  reload: 'Muat ulang',
  offlineReady: 'Absensi kini juga bisa dibuka tanpa jaringan.',
  dismiss: 'Tutup',
  hello: 'Halo, {name}',
  stateIn: 'Sudah masuk',
  stateOut: 'Belum masuk',
  clockIn: 'Absen masuk',
  clockOut: 'Absen pulang',
  since: 'sejak {time}',
  elapsed: 'sudah {duration}',
  onTime: 'Tepat waktu',
  late: 'Terlambat {minutes} menit',
  answerIn: 'Masuk tercatat pukul {time}',
  answerOut: 'Pulang tercatat pukul {time}',
  waitingToSync: 'Menunggu sinkronisasi',
  waitingItem: '{action} diketuk pukul {time}',
  sending: 'Mengirim…',
  notCounted: 'Tidak dihitung',
  shiftInfo: 'Shift mulai {time}, toleransi {grace} menit',
  today: 'Hari ini',
  noRecordsToday: 'Belum ada catatan hari ini.',
  in: 'Masuk',
  out: 'Pulang',
  status: 'Status',
  worked: 'Durasi kerja',
  date: 'Tanggal',
  node: 'Node',
  autoOut: 'otomatis',
  offlineTap: 'disimpan luring',
  open: 'berjalan',
  history: 'Riwayat',
  month: 'Bulan',
  totalsDays: 'Hari',
  totalsShifts: 'Shift',
  totalsLate: 'Terlambat',
  totalsWorked: 'Jam kerja',
  loadMore: 'Muat lebih banyak',
  noRecords: 'Tidak ada catatan.',
  dashboard: 'Ringkasan hari ini',
  present: 'Hadir sekarang',
  lateToday: 'Terlambat hari ini',
  notYetIn: 'Belum masuk',
  clockedOut: 'Sudah pulang',
  employees: 'Karyawan',
  whoIsIn: 'Siapa yang hadir',
  nobodyIn: 'Belum ada yang masuk.',
  everyoneIn: 'Semua sudah masuk.',
  andMore: '… dan {count} lainnya.',
  feed: 'Aktivitas terkini',
  noEvents: 'Belum ada absen masuk.',
  clockInsByHour: 'Absen masuk per jam',
  byNode: 'Sebaran per node',
  clockIns: 'Masuk',
  clockOuts: 'Pulang',
  live: 'Langsung',
  reconnecting: 'Menyambung ulang…',
  eventIn: '{name} absen masuk',
  eventOut: '{name} absen pulang',
  eventAuto: '{name} dipulangkan otomatis',
  eventCorrection: 'Catatan {name} dikoreksi',
  viaNode: 'lewat {node}',
  from: 'Dari',
  to: 'Sampai',
  person: 'Orang',
  department: 'Departemen',
  anyone: 'Siapa saja',
  any: 'Semua',
  filter: 'Saring',
  statusOnTime: 'Tepat waktu',
  statusLate: 'Terlambat',
  correct: 'Koreksi',
  correctTitle: 'Koreksi catatan {name} pada {date}',
  reason: 'Alasan (wajib)',
  note: 'Catatan',
  save: 'Simpan',
  saving: 'Menyimpan…',
  saved: 'Tersimpan.',
  cancel: 'Batal',
  auditTrail: 'Riwayat perubahan',
  noChanges: 'Belum ada koreksi.',
  search: 'Cari nama atau email',
  newUser: 'Pengguna baru',
  name: 'Nama',
  role: 'Peran',
  roleEmployee: 'Karyawan',
  roleAdmin: 'Admin',
  active: 'Aktif',
  inactive: 'Nonaktif',
  create: 'Buat',
  edit: 'Ubah',
  deactivate: 'Nonaktifkan',
  confirmDeactivate: 'Nonaktifkan {name}? Ia tidak akan bisa masuk lagi.',
  resetPassword: 'Atur ulang kata sandi',
  passwordOptional: 'Kata sandi (kosongkan untuk dibuatkan)',
  generatedPassword: 'Kata sandi untuk {name}, hanya ditampilkan sekali: {password}',
  timeZone: 'Zona waktu',
  shiftStart: 'Awal shift',
  graceMinutes: 'Toleransi (menit)',
  autoClockOutHour: 'Jam pulang otomatis',
  settings: 'Pengaturan perusahaan',
  exportTitle: 'Ekspor satu bulan',
  exportStart: 'Ekspor',
  exportDownload: 'Unduh {month}',
  exportFailed: 'Ekspor gagal: {message}',
  exportFormat: 'Format',
  exportFiles: 'Ekspor Anda',
  actions: 'Tindakan',
};

export const DICTIONARIES: Record<Lang, Dictionary> = { en, id };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dictionary = DICTIONARIES[lang];
  return (key, values) =>
    dictionary[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? String(values[name]) : match,
    );
}

/** The language from an earlier choice, else the browser's first preference we speak, else Indonesian. */
export function pickLanguage(saved: string | null, preferred: readonly string[]): Lang {
  if (saved === 'id' || saved === 'en') return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'id' || base === 'in' || base === 'ms') return 'id';
    if (base === 'en') return 'en';
  }
  return 'id';
}

/** Formatters bound to a language and the company's time zone. */
export function formatters(lang: Lang, timeZone: string) {
  const locale = LOCALES[lang];
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const calendarDate = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const longDate = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const monthName = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'long',
    year: 'numeric',
  });
  const number = new Intl.NumberFormat(locale);
  return {
    locale,
    timeZone,
    /** 08:05 (id: 08.05) in the company's zone. */
    time: (iso: string | Date) => time.format(new Date(iso)),
    dateTime: (iso: string | Date) => dateTime.format(new Date(iso)),
    /** A calendar date (YYYY-MM-DD, a work date) as it is, with no zone shift. */
    date: (workDate: string) => calendarDate.format(new Date(`${workDate}T00:00:00Z`)),
    today: (now: Date) => longDate.format(now),
    month: (yearMonth: string) => monthName.format(new Date(`${yearMonth}-01T00:00:00Z`)),
    number: (value: number) => number.format(value),
    /** Minutes as "7 h 05 m" / "7 j 05 m". */
    duration: (minutes: number) => {
      const whole = Math.max(0, Math.floor(minutes));
      const hours = Math.floor(whole / 60);
      const rest = String(whole % 60).padStart(2, '0');
      return lang === 'id' ? `${hours} j ${rest} m` : `${hours} h ${rest} m`;
    },
  };
}

export type Formatters = ReturnType<typeof formatters>;

/** The offset of a zone from UTC at an instant, in milliseconds (Asia/Jakarta: +7 h). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time in a zone ('2026-11-24T08:00') as an instant. */
export function zonedToInstant(local: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) throw new RangeError(`not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  let instant = guess - zoneOffsetMs(guess, timeZone);
  instant = guess - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/** An instant as the wall-clock value of a datetime-local input in a zone ('2026-11-24T08:00'). */
export function instantToZoned(iso: string | Date, timeZone: string): string {
  const instant = new Date(iso).getTime();
  const local = new Date(instant + zoneOffsetMs(instant, timeZone));
  return local.toISOString().slice(0, 16);
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function localDateIn(now: Date, timeZone: string): string {
  return instantToZoned(now, timeZone).slice(0, 10);
}
