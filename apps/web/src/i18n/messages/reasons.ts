/**
 * The server's refusals (core's ERROR_REASONS), the issues of one field (FIELD_ISSUES) and the
 * labels of the fields they name, in both languages. Typed against the catalogue: a reason added in
 * core without its words here fails the typecheck (and reasons.test.ts). Placeholders are the
 * reason's params, already formatted by api/errors.ts (times in the reader's style, distances in
 * m/km). Words as in ../glossary.md.
 */
import type { ErrorReason, FieldIssueCode } from '@absensi/core/reasons';
import type { Lang } from '../lang';

type ReasonTexts = Record<`reason.${ErrorReason}`, string>;
type IssueTexts = Record<`issue.${FieldIssueCode}`, string>;

const reasonsEn: ReasonTexts = {
  'reason.NOT_FOUND': 'That was not found. It may have been deleted; reload the page.',
  'reason.CONFLICT': 'That clashes with what is already recorded. Reload the page and check.',
  'reason.INVALID': 'That was not accepted. Check what you entered and try again.',
  'reason.FORBIDDEN': 'You are not allowed to do this.',
  'reason.UNAUTHENTICATED': 'Your session has ended. Please sign in again.',
  'reason.RATE_LIMITED': 'Too many attempts. Wait a moment and try again.',
  'reason.PRECONDITION_FAILED': 'This is not set up on this server. Tell your administrator.',
  'reason.UNAVAILABLE': 'The server is not answering. Please try again in a moment.',
  'reason.SERVER_ERROR':
    'Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.',
  'reason.INPUT_INVALID': 'Check what you entered.',
  'reason.NUL_CHARACTERS':
    'The text holds an invisible control character. Type it again instead of pasting it.',
  'reason.BATCH_TOO_LARGE': 'Too much was sent at once (at most {maxCalls}). Try again.',
  'reason.DATABASE_UNAVAILABLE':
    'The attendance database is unavailable right now. Please try again in a moment.',
  'reason.OVERLOADED':
    'The server is busy with many people at once. It was not saved; try again in {retryAfterSeconds} seconds.',
  'reason.WRONG_CREDENTIALS': 'That email and password do not match an active account.',
  'reason.SESSION_ENDED': 'Your session has ended. Please sign in again.',
  'reason.TOO_MANY_SIGN_INS': 'Too many failed sign-ins. Try again in {minutes} minute(s).',
  'reason.CURRENT_PASSWORD_WRONG':
    'Your current password is not right, so the password was not changed.',
  'reason.PASSWORD_UNCHANGED': 'The new password must differ from the current one.',
  'reason.ADMINS_ONLY': 'Only administrators can do this.',
  'reason.MANAGERS_ONLY': 'Only administrators and managers can do this.',
  'reason.NOT_YOUR_DEPARTMENT': 'You do not manage the department {department}.',
  'reason.NOT_YOUR_EMPLOYEE': 'This employee is not one of the people you manage.',
  'reason.OWN_ROSTER': 'You cannot change your own roster; an administrator must.',
  'reason.REQUEST_KEY_REUSED': 'This was already sent for another action. Tap again.',
  'reason.ALREADY_CLOCKED_IN':
    'You already clocked in at {since}, so this was not counted. Clock out first.',
  'reason.WITHIN_RECORDED_SHIFT':
    'Not counted: this clock-in falls within your shift of {since} – {until}, which is already recorded.',
  'reason.CLOCK_OUT_TOO_LATE':
    'Not counted: this clock-out would make your shift since {since} longer than 24 hours. Ask your administrator to correct it.',
  'reason.ALREADY_CLOCKED_OUT': 'You already clocked out at {at}, so this was not counted.',
  'reason.NOT_CLOCKED_IN': 'You have not clocked in, so this was not counted.',
  'reason.OUTSIDE_GEOFENCE':
    'Not counted: you are {distanceMetres} from {siteName}, and must be within {radiusMetres}. Tap again when you are there.',
  'reason.LOCATION_NEEDED':
    '{siteName} needs your location to record attendance. Turn on location for this app and tap again.',
  'reason.NO_SITE_ASSIGNED':
    'Your location could not be checked: you are assigned to no work site. Tell your administrator.',
  'reason.TAP_TOO_OLD':
    'This tap was made more than {days} days ago and can no longer be sent. Ask your administrator to record it.',
  'reason.TAP_SENT_BEFORE_MADE':
    "This phone's clock is wrong, so the tap was not counted. Set the phone's time and tap again.",
  'reason.TAP_SENT_WITHOUT_TIME': 'The tap came without its time. Tap again.',
  'reason.BEFORE_YEAR_2000': 'The time must not be before the year 2000.',
  'reason.TIME_IN_FUTURE': 'A time cannot be in the future.',
  'reason.CLOCK_OUT_NOT_AFTER_IN': 'The clock-out must be after the clock-in.',
  'reason.SHIFT_OVER_24_HOURS': 'A shift cannot last more than 24 hours.',
  'reason.SHIFT_OVERLAP': "This would overlap the employee's shift of {from} – {until}.",
  'reason.ATTENDANCE_NOT_FOUND':
    'That attendance record no longer exists. Reload the page to see the current records.',
  'reason.USER_NOT_FOUND': 'That person no longer exists. Reload the page.',
  'reason.EMPLOYEE_NOT_IN_TEAM': 'That employee is not in your team.',
  'reason.SHIFT_TYPE_NOT_FOUND': 'That shift type no longer exists. Reload the page.',
  'reason.SCHEDULE_NOT_FOUND': 'That work schedule no longer exists. Reload the page.',
  'reason.ASSIGNMENT_NOT_FOUND': 'That schedule assignment no longer exists. Reload the page.',
  'reason.SITE_NOT_FOUND': 'That work site no longer exists. Reload the page.',
  'reason.LEAVE_TYPE_NOT_FOUND': 'That leave type no longer exists or is inactive.',
  'reason.REQUEST_NOT_FOUND': 'That request no longer exists. Reload the page.',
  'reason.ATTACHMENT_NOT_FOUND': 'That photo no longer exists.',
  'reason.HOLIDAY_NOT_FOUND': 'That holiday no longer exists. Reload the page.',
  'reason.BREAK_TOO_LONG': 'The break must be shorter than the shift ({shiftMinutes} minutes).',
  'reason.WEEK_NEEDS_7_DAYS': 'A weekly schedule has 7 days, Monday first.',
  'reason.ROTATION_NEEDS_START': 'A rotating schedule needs the date its cycle starts.',
  'reason.EMPLOYEE_OR_DEPARTMENT': 'Choose an employee or a department, not both.',
  'reason.VALID_TO_BEFORE_FROM': 'The end date must not be before the start date.',
  'reason.EMAIL_TAKEN': 'This email address is already used by another account.',
  'reason.CANNOT_DEMOTE_SELF': 'You cannot remove your own admin access or deactivate yourself.',
  'reason.LAST_ADMIN': 'At least one active administrator must remain.',
  'reason.SCOPES_ONLY_FOR_MANAGERS': 'Only a manager looks after departments and sites.',
  'reason.SITE_NAME_TAKEN':
    'Another work site is already called "{name}" (it may be inactive). Choose another name.',
  'reason.UNKNOWN_TIME_ZONE': '"{timeZone}" is not a time zone. Choose one such as Asia/Jakarta.',
  'reason.PRIMARY_SITE_NOT_ASSIGNED': 'The main work site must be one of the sites chosen.',
  'reason.SITE_INACTIVE': '{siteName} is inactive. Reactivate it first.',
  'reason.WORKER_MISSING':
    'Exports need the background worker, which is not set up here. Tell your administrator.',
  'reason.PHOTO_EMPTY': 'The photo is empty. Take it again.',
  'reason.PHOTO_TOO_LARGE': 'The photo is {sizeKb} KB; at most {maxKb} KB is kept.',
  'reason.PHOTO_WRONG_TYPE': 'The photo must be a JPEG, PNG or WebP picture.',
  'reason.PHOTO_REQUIRED': '{leaveType} needs a photo of the letter.',
  'reason.PHOTO_NOT_TAKEN': '{leaveType} takes no photo.',
  'reason.END_BEFORE_START': 'The end date must not be before the start date.',
  'reason.LEAVE_TOO_LONG': 'One request may span at most {maxDays} days.',
  'reason.HALF_DAY_ONE_DATE': 'A half-day leave is for one date.',
  'reason.LEAVE_OVERLAP': 'You already asked for leave on {startDate} – {endDate}.',
  'reason.NOT_SCHEDULED': 'You are not scheduled to work on these dates.',
  'reason.LEAVE_BALANCE_EXCEEDED':
    'This leave takes {days} working days, but only {remainingDays} of your {allowanceDays} days of {leaveType} for {year} are left.',
  'reason.CORRECTION_NEEDS_TIME': 'Give the clock-in or the clock-out as it should be.',
  'reason.MISSING_SHIFT_NEEDS_BOTH': 'A missing shift needs both its clock-in and its clock-out.',
  'reason.CLOCK_IN_OTHER_DAY':
    'The clock-in falls on {day}, not on {date} (a night shift may begin the day after).',
  'reason.REQUEST_NOT_PENDING': 'This request is already decided or cancelled.',
  'reason.OWN_REQUEST': 'You cannot decide your own request; another approver must.',
  'reason.OVERTIME_ALREADY_APPROVED': 'Overtime on {date} is already approved for this employee.',
  'reason.OVERTIME_ALREADY_CLAIMED':
    'Overtime on {date} is already claimed and waits for a decision; cancel that claim to change it.',
  'reason.LEAVE_TYPE_CODE_TAKEN': 'A leave type with the code {code} already exists.',
  'reason.SHIFT_TYPE_CODE_TAKEN': 'Another shift type in use already has the code {code}.',
  'reason.LEAVE_ON_WORKED_DAY':
    'You have a recorded shift on {date}: leave is for days not worked. If that record is wrong, ask for a correction.',
  'reason.SHIFT_TYPE_RETIRED': 'The shift type {name} is retired; choose one that is in use.',
  'reason.REQUEST_KEY_OTHER_REQUEST':
    'This phone already sent another request (#{requestId}) under the same key. Send it again as a new request.',
  'reason.PUSH_NOT_SET_UP': 'Notifications on the phone are not set up on this server.',
  'reason.PUSH_ENDPOINT_NOT_HTTPS': 'This browser gave an address notifications cannot be sent to.',
  'reason.HOLIDAY_YEAR_OUT_OF_RANGE': 'Choose a year from {first} to {last}.',
  'reason.HOLIDAY_EXISTS':
    'There is already a holiday on {date}. Change or delete that one instead.',
  'reason.NOT_PROPOSED_HOLIDAY': '{dates} is not among the national holidays proposed for {year}.',
};

const reasonsId: ReasonTexts = {
  'reason.NOT_FOUND': 'Data tidak ditemukan. Mungkin sudah dihapus; muat ulang halaman.',
  'reason.CONFLICT':
    'Ini bentrok dengan data yang sudah tercatat. Muat ulang halaman lalu periksa.',
  'reason.INVALID': 'Tidak dapat diterima. Periksa isian Anda lalu coba lagi.',
  'reason.FORBIDDEN': 'Anda tidak berhak melakukan ini.',
  'reason.UNAUTHENTICATED': 'Sesi Anda telah berakhir. Silakan masuk lagi.',
  'reason.RATE_LIMITED': 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
  'reason.PRECONDITION_FAILED': 'Fitur ini belum disiapkan di server ini. Hubungi administrator.',
  'reason.UNAVAILABLE': 'Server sedang tidak menjawab. Silakan coba lagi sebentar lagi.',
  'reason.SERVER_ERROR':
    'Terjadi kesalahan di server. Silakan coba lagi; jika terus terjadi, hubungi administrator.',
  'reason.INPUT_INVALID': 'Periksa kembali isian Anda.',
  'reason.NUL_CHARACTERS':
    'Teks berisi karakter kontrol yang tidak terlihat. Ketik ulang, jangan ditempel.',
  'reason.BATCH_TOO_LARGE':
    'Terlalu banyak yang dikirim sekaligus (paling banyak {maxCalls}). Coba lagi.',
  'reason.DATABASE_UNAVAILABLE':
    'Database absensi sedang tidak dapat dihubungi. Silakan coba lagi sebentar lagi.',
  'reason.OVERLOADED':
    'Server sedang sibuk melayani banyak orang. Belum tersimpan; coba lagi dalam {retryAfterSeconds} detik.',
  'reason.WRONG_CREDENTIALS': 'Email dan kata sandi tidak cocok dengan akun yang aktif.',
  'reason.SESSION_ENDED': 'Sesi Anda telah berakhir. Silakan masuk lagi.',
  'reason.TOO_MANY_SIGN_INS':
    'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.',
  'reason.CURRENT_PASSWORD_WRONG':
    'Kata sandi Anda sekarang tidak benar, jadi kata sandi tidak diganti.',
  'reason.PASSWORD_UNCHANGED': 'Kata sandi baru harus berbeda dari yang sekarang.',
  'reason.ADMINS_ONLY': 'Hanya administrator yang dapat melakukan ini.',
  'reason.MANAGERS_ONLY': 'Hanya administrator dan manajer yang dapat melakukan ini.',
  'reason.NOT_YOUR_DEPARTMENT': 'Anda tidak mengelola departemen {department}.',
  'reason.NOT_YOUR_EMPLOYEE': 'Karyawan ini bukan anggota tim Anda.',
  'reason.OWN_ROSTER': 'Anda tidak dapat mengubah jadwal kerja Anda sendiri; minta administrator.',
  'reason.REQUEST_KEY_REUSED': 'Absen ini sudah terkirim untuk tindakan lain. Silakan absen lagi.',
  'reason.ALREADY_CLOCKED_IN':
    'Anda sudah absen masuk sejak {since}, jadi absen ini tidak dihitung. Absen pulang dulu.',
  'reason.WITHIN_RECORDED_SHIFT':
    'Tidak dihitung: absen masuk ini berada di dalam shift Anda {since} – {until} yang sudah tercatat.',
  'reason.CLOCK_OUT_TOO_LATE':
    'Tidak dihitung: absen pulang ini membuat shift Anda sejak {since} lebih dari 24 jam. Minta administrator mengoreksinya.',
  'reason.ALREADY_CLOCKED_OUT': 'Anda sudah absen pulang pada {at}, jadi absen ini tidak dihitung.',
  'reason.NOT_CLOCKED_IN': 'Anda belum absen masuk, jadi absen ini tidak dihitung.',
  'reason.OUTSIDE_GEOFENCE':
    'Tidak dihitung: Anda berada {distanceMetres} dari {siteName}, padahal harus dalam radius {radiusMetres}. Absen lagi saat sudah di sana.',
  'reason.LOCATION_NEEDED':
    '{siteName} memerlukan lokasi Anda untuk mencatat absensi. Nyalakan lokasi untuk aplikasi ini lalu absen lagi.',
  'reason.NO_SITE_ASSIGNED':
    'Lokasi Anda tidak dapat diperiksa: Anda belum ditempatkan di lokasi kerja mana pun. Hubungi administrator.',
  'reason.TAP_TOO_OLD':
    'Absen ini dibuat lebih dari {days} hari lalu dan tidak dapat dikirim lagi. Minta administrator mencatatnya.',
  'reason.TAP_SENT_BEFORE_MADE':
    'Jam di ponsel ini salah, jadi absen tidak dihitung. Perbaiki jam ponsel lalu absen lagi.',
  'reason.TAP_SENT_WITHOUT_TIME': 'Absen terkirim tanpa waktunya. Silakan absen lagi.',
  'reason.BEFORE_YEAR_2000': 'Waktu tidak boleh sebelum tahun 2000.',
  'reason.TIME_IN_FUTURE': 'Waktu tidak boleh di masa depan.',
  'reason.CLOCK_OUT_NOT_AFTER_IN': 'Jam pulang harus setelah jam masuk.',
  'reason.SHIFT_OVER_24_HOURS': 'Satu shift tidak boleh lebih dari 24 jam.',
  'reason.SHIFT_OVERLAP': 'Ini akan bertumpuk dengan shift karyawan {from} – {until}.',
  'reason.ATTENDANCE_NOT_FOUND':
    'Catatan absensi itu sudah tidak ada. Muat ulang halaman untuk melihat catatan terbaru.',
  'reason.USER_NOT_FOUND': 'Orang tersebut sudah tidak ada. Muat ulang halaman.',
  'reason.EMPLOYEE_NOT_IN_TEAM': 'Karyawan itu bukan anggota tim Anda.',
  'reason.SHIFT_TYPE_NOT_FOUND': 'Jenis shift itu sudah tidak ada. Muat ulang halaman.',
  'reason.SCHEDULE_NOT_FOUND': 'Jadwal kerja itu sudah tidak ada. Muat ulang halaman.',
  'reason.ASSIGNMENT_NOT_FOUND': 'Penugasan jadwal itu sudah tidak ada. Muat ulang halaman.',
  'reason.SITE_NOT_FOUND': 'Lokasi kerja itu sudah tidak ada. Muat ulang halaman.',
  'reason.LEAVE_TYPE_NOT_FOUND': 'Jenis cuti itu sudah tidak ada atau tidak aktif.',
  'reason.REQUEST_NOT_FOUND': 'Pengajuan itu sudah tidak ada. Muat ulang halaman.',
  'reason.ATTACHMENT_NOT_FOUND': 'Foto itu sudah tidak ada.',
  'reason.HOLIDAY_NOT_FOUND': 'Hari libur itu sudah tidak ada. Muat ulang halaman.',
  'reason.BREAK_TOO_LONG': 'Istirahat harus lebih pendek dari shift ({shiftMinutes} menit).',
  'reason.WEEK_NEEDS_7_DAYS': 'Jadwal mingguan terdiri dari 7 hari, mulai Senin.',
  'reason.ROTATION_NEEDS_START': 'Jadwal bergilir perlu tanggal mulai siklusnya.',
  'reason.EMPLOYEE_OR_DEPARTMENT': 'Pilih karyawan atau departemen, jangan keduanya.',
  'reason.VALID_TO_BEFORE_FROM': 'Tanggal akhir tidak boleh sebelum tanggal mulai.',
  'reason.EMAIL_TAKEN': 'Email ini sudah dipakai akun lain.',
  'reason.CANNOT_DEMOTE_SELF':
    'Anda tidak dapat mencabut akses admin Anda sendiri atau menonaktifkan diri sendiri.',
  'reason.LAST_ADMIN': 'Harus tetap ada minimal satu administrator yang aktif.',
  'reason.SCOPES_ONLY_FOR_MANAGERS': 'Hanya manajer yang membawahi departemen dan lokasi kerja.',
  'reason.SITE_NAME_TAKEN':
    'Sudah ada lokasi kerja bernama "{name}" (mungkin tidak aktif). Pilih nama lain.',
  'reason.UNKNOWN_TIME_ZONE': '"{timeZone}" bukan zona waktu. Pilih misalnya Asia/Jakarta.',
  'reason.PRIMARY_SITE_NOT_ASSIGNED': 'Lokasi kerja utama harus salah satu lokasi yang dipilih.',
  'reason.SITE_INACTIVE': '{siteName} tidak aktif. Aktifkan dulu.',
  'reason.WORKER_MISSING':
    'Ekspor memerlukan proses latar (worker) yang belum disiapkan di sini. Hubungi administrator.',
  'reason.PHOTO_EMPTY': 'Fotonya kosong. Ambil foto lagi.',
  'reason.PHOTO_TOO_LARGE': 'Ukuran foto {sizeKb} KB; paling besar {maxKb} KB.',
  'reason.PHOTO_WRONG_TYPE': 'Foto harus berupa gambar JPEG, PNG, atau WebP.',
  'reason.PHOTO_REQUIRED': '{leaveType} memerlukan foto surat.',
  'reason.PHOTO_NOT_TAKEN': '{leaveType} tidak memerlukan foto.',
  'reason.END_BEFORE_START': 'Tanggal selesai tidak boleh sebelum tanggal mulai.',
  'reason.LEAVE_TOO_LONG': 'Satu pengajuan paling lama {maxDays} hari.',
  'reason.HALF_DAY_ONE_DATE': 'Cuti setengah hari hanya untuk satu tanggal.',
  'reason.LEAVE_OVERLAP': 'Anda sudah mengajukan cuti pada {startDate} – {endDate}.',
  'reason.NOT_SCHEDULED': 'Anda tidak dijadwalkan bekerja pada tanggal tersebut.',
  'reason.LEAVE_BALANCE_EXCEEDED':
    'Cuti ini memakai {days} hari kerja, padahal sisa {leaveType} Anda tahun {year} tinggal {remainingDays} dari {allowanceDays} hari.',
  'reason.CORRECTION_NEEDS_TIME': 'Isi jam masuk atau jam pulang yang seharusnya.',
  'reason.MISSING_SHIFT_NEEDS_BOTH': 'Shift yang terlewat perlu jam masuk dan jam pulangnya.',
  'reason.CLOCK_IN_OTHER_DAY':
    'Jam masuk jatuh pada {day}, bukan {date} (shift malam boleh dimulai keesokan harinya).',
  'reason.REQUEST_NOT_PENDING': 'Pengajuan ini sudah diputuskan atau dibatalkan.',
  'reason.OWN_REQUEST': 'Anda tidak dapat memutuskan pengajuan Anda sendiri; minta penyetuju lain.',
  'reason.OVERTIME_ALREADY_APPROVED': 'Lembur tanggal {date} sudah disetujui untuk karyawan ini.',
  'reason.OVERTIME_ALREADY_CLAIMED':
    'Lembur tanggal {date} sudah diajukan dan menunggu keputusan; batalkan pengajuan itu untuk mengubahnya.',
  'reason.LEAVE_TYPE_CODE_TAKEN': 'Sudah ada jenis cuti dengan kode {code}.',
  'reason.SHIFT_TYPE_CODE_TAKEN': 'Kode {code} sudah dipakai jenis shift lain yang masih aktif.',
  'reason.LEAVE_ON_WORKED_DAY':
    'Anda punya catatan kerja pada {date}: cuti hanya untuk hari yang tidak bekerja. Jika catatan itu salah, ajukan koreksi.',
  'reason.SHIFT_TYPE_RETIRED': 'Jenis shift {name} sudah tidak dipakai; pilih yang masih aktif.',
  'reason.REQUEST_KEY_OTHER_REQUEST':
    'HP ini sudah mengirim pengajuan lain (#{requestId}) dengan kunci yang sama. Kirim lagi sebagai pengajuan baru.',
  'reason.PUSH_NOT_SET_UP': 'Notifikasi di HP belum disiapkan di server ini.',
  'reason.PUSH_ENDPOINT_NOT_HTTPS':
    'Browser ini memberi alamat yang tidak bisa dikirimi notifikasi.',
  'reason.HOLIDAY_YEAR_OUT_OF_RANGE': 'Pilih tahun {first} sampai {last}.',
  'reason.HOLIDAY_EXISTS': 'Sudah ada hari libur pada {date}. Ubah atau hapus yang itu saja.',
  'reason.NOT_PROPOSED_HOLIDAY':
    '{dates} tidak termasuk libur nasional yang diusulkan untuk {year}.',
};

const issuesEn: IssueTexts = {
  'issue.REQUIRED': 'fill this in',
  'issue.WRONG_TYPE': 'this value is not accepted',
  'issue.TOO_SHORT': 'at least {minimum} characters',
  'issue.TOO_LONG': 'at most {maximum} characters',
  'issue.TOO_SMALL': 'at least {minimum}',
  'issue.TOO_LARGE': 'at most {maximum}',
  'issue.TOO_FEW': 'choose at least {minimum}',
  'issue.TOO_MANY': 'choose at most {maximum}',
  'issue.BAD_FORMAT': 'not in the expected form',
  'issue.BAD_EMAIL': 'must be an email address',
  'issue.BAD_DATE': 'not a valid date or time',
  'issue.NOT_ALLOWED': 'choose one of the options',
  'issue.NOT_MULTIPLE': 'must be a multiple of {divisor}',
  'issue.UNKNOWN_FIELD': 'this is not accepted here',
  'issue.NOTHING_CHANGED': 'change something first',
  'issue.INVALID_VALUE': 'this value is not accepted',
};

const issuesId: IssueTexts = {
  'issue.REQUIRED': 'wajib diisi',
  'issue.WRONG_TYPE': 'isian ini tidak dapat diterima',
  'issue.TOO_SHORT': 'minimal {minimum} karakter',
  'issue.TOO_LONG': 'maksimal {maximum} karakter',
  'issue.TOO_SMALL': 'minimal {minimum}',
  'issue.TOO_LARGE': 'maksimal {maximum}',
  'issue.TOO_FEW': 'pilih minimal {minimum}',
  'issue.TOO_MANY': 'pilih maksimal {maximum}',
  'issue.BAD_FORMAT': 'formatnya tidak sesuai',
  'issue.BAD_EMAIL': 'harus berupa alamat email',
  'issue.BAD_DATE': 'bukan tanggal atau jam yang benar',
  'issue.NOT_ALLOWED': 'pilih salah satu pilihan',
  'issue.NOT_MULTIPLE': 'harus kelipatan {divisor}',
  'issue.UNKNOWN_FIELD': 'tidak dapat diterima di sini',
  'issue.NOTHING_CHANGED': 'ubah sesuatu terlebih dahulu',
  'issue.INVALID_VALUE': 'isian ini tidak dapat diterima',
};

/**
 * The UI label of each input field a refusal may name, by its path in the procedure's input (list
 * indexes dropped: `days.3` is `days`). A path not listed is said as `field.unknown`, never raw.
 */
export const FIELD_LABELS_EN = {
  'field.unknown': 'One of the fields',
  'field.email': 'Email',
  'field.password': 'Password',
  'field.currentPassword': 'Current password',
  'field.newPassword': 'New password',
  'field.name': 'Name',
  'field.role': 'Role',
  'field.department': 'Department',
  'field.userId': 'Employee',
  'field.userIds': 'Employees',
  'field.clockInAt': 'Clock-in',
  'field.clockOutAt': 'Clock-out',
  'field.at': 'Tap time',
  'field.sentAt': 'Time sent',
  'field.location': 'Location',
  'field.location.lat': 'Location',
  'field.location.lng': 'Location',
  'field.location.accuracy': 'Location accuracy',
  'field.note': 'Note',
  'field.reason': 'Reason',
  'field.status': 'Status',
  'field.month': 'Month',
  'field.date': 'Date',
  'field.dates': 'Dates',
  'field.startDate': 'Start date',
  'field.endDate': 'End date',
  'field.from': 'From',
  'field.to': 'To',
  'field.part': 'Half day',
  'field.kind': 'Kind',
  'field.leaveTypeId': 'Leave type',
  'field.attachment': 'Photo of the letter',
  'field.minutes': 'Minutes',
  'field.siteId': 'Work site',
  'field.siteIds': 'Work sites',
  'field.primarySiteId': 'Main work site',
  'field.timeZone': 'Time zone',
  'field.lat': 'Latitude',
  'field.lng': 'Longitude',
  'field.radiusM': 'Radius',
  'field.maxAccuracyM': 'Accuracy allowed',
  'field.geofencePolicy': 'Location check',
  'field.address': 'Address',
  'field.startTime': 'Start time',
  'field.endTime': 'End time',
  'field.breakMinutes': 'Break',
  'field.graceMinutes': 'Grace period',
  'field.color': 'Colour',
  'field.code': 'Code',
  'field.days': 'Days',
  'field.anchorDate': 'Cycle start date',
  'field.validFrom': 'Valid from',
  'field.validTo': 'Valid until',
  'field.scheduleId': 'Work schedule',
  'field.shiftTypeId': 'Shift type',
  'field.year': 'Year',
  'field.search': 'Search',
  'field.language': 'Language',
  'field.autoClockOutHour': 'Auto clock-out hour',
  'field.allowanceDays': 'Days per year',
} as const;

export type FieldLabelKey = keyof typeof FIELD_LABELS_EN;

const FIELD_LABELS_ID: Record<FieldLabelKey, string> = {
  'field.unknown': 'Salah satu isian',
  'field.email': 'Email',
  'field.password': 'Kata sandi',
  'field.currentPassword': 'Kata sandi sekarang',
  'field.newPassword': 'Kata sandi baru',
  'field.name': 'Nama',
  'field.role': 'Peran',
  'field.department': 'Departemen',
  'field.userId': 'Karyawan',
  'field.userIds': 'Karyawan',
  'field.clockInAt': 'Jam masuk',
  'field.clockOutAt': 'Jam pulang',
  'field.at': 'Waktu absen',
  'field.sentAt': 'Waktu kirim',
  'field.location': 'Lokasi',
  'field.location.lat': 'Lokasi',
  'field.location.lng': 'Lokasi',
  'field.location.accuracy': 'Akurasi lokasi',
  'field.note': 'Catatan',
  'field.reason': 'Alasan',
  'field.status': 'Status',
  'field.month': 'Bulan',
  'field.date': 'Tanggal',
  'field.dates': 'Tanggal',
  'field.startDate': 'Tanggal mulai',
  'field.endDate': 'Tanggal selesai',
  'field.from': 'Dari',
  'field.to': 'Sampai',
  'field.part': 'Setengah hari',
  'field.kind': 'Jenis',
  'field.leaveTypeId': 'Jenis cuti',
  'field.attachment': 'Foto surat',
  'field.minutes': 'Menit',
  'field.siteId': 'Lokasi kerja',
  'field.siteIds': 'Lokasi kerja',
  'field.primarySiteId': 'Lokasi kerja utama',
  'field.timeZone': 'Zona waktu',
  'field.lat': 'Lintang',
  'field.lng': 'Bujur',
  'field.radiusM': 'Radius',
  'field.maxAccuracyM': 'Akurasi yang diterima',
  'field.geofencePolicy': 'Pemeriksaan lokasi',
  'field.address': 'Alamat',
  'field.startTime': 'Jam mulai',
  'field.endTime': 'Jam selesai',
  'field.breakMinutes': 'Istirahat',
  'field.graceMinutes': 'Toleransi terlambat',
  'field.color': 'Warna',
  'field.code': 'Kode',
  'field.days': 'Hari',
  'field.anchorDate': 'Tanggal mulai siklus',
  'field.validFrom': 'Berlaku mulai',
  'field.validTo': 'Berlaku sampai',
  'field.scheduleId': 'Jadwal kerja',
  'field.shiftTypeId': 'Jenis shift',
  'field.year': 'Tahun',
  'field.search': 'Cari',
  'field.language': 'Bahasa',
  'field.autoClockOutHour': 'Jam absen pulang otomatis',
  'field.allowanceDays': 'Jatah hari per tahun',
};

const REFUSALS_EN = { ...reasonsEn, ...issuesEn, ...FIELD_LABELS_EN };

export type RefusalTextKey = keyof typeof REFUSALS_EN;

/**
 * Both languages' refusal texts. Loaded apart from the first download (i18n/refusal-texts.ts), so
 * the employee screen stays within its budget.
 */
export const REFUSAL_TEXTS: Record<Lang, Record<RefusalTextKey, string>> = {
  en: REFUSALS_EN,
  id: { ...reasonsId, ...issuesId, ...FIELD_LABELS_ID },
};
