/**
 * A living company for a newcomer to look at (`npm run demo`): two sites in two zones (Jakarta,
 * WIB; Makassar, WITA), three shift types, an office week and a rotating roster for the guards,
 * national holidays and a collective leave day, and three weeks of taps with the lateness, early
 * leave, absences and a forgotten clock-out a real month has. Everything goes through the use
 * cases, with the clock set to each tap's moment, so the records are what the product would have
 * written.
 */
import { randomUUID } from 'node:crypto';
import {
  actorOf,
  assignSchedule,
  assignSites,
  clockIn,
  clockOut,
  closeForgottenShifts,
  confirmHolidays,
  createHoliday,
  createSchedule,
  createShiftType,
  createSite,
  createUser,
  isDomainError,
  plansOf,
  proposedNationalHolidays,
  rules,
  scheduleRules,
  setRosterDay,
  type Actor,
  type CoreDeps,
} from '@absensi/core';
import { repos } from '@absensi/db';

/** The demo's people: name, department, site, and how they keep time. */
const PEOPLE = [
  { name: 'Siti Rahayu', department: 'Kantor', site: 'jakarta', habit: 'punctual' },
  { name: 'Budi Santoso', department: 'Kantor', site: 'jakarta', habit: 'often late' },
  { name: 'Dewi Lestari', department: 'Kantor', site: 'jakarta', habit: 'leaves early' },
  { name: 'Agus Wijaya', department: 'Kantor', site: 'jakarta', habit: 'punctual' },
  { name: 'Rina Kartika', department: 'Kantor', site: 'makassar', habit: 'punctual' },
  { name: 'Andi Pratama', department: 'Kantor', site: 'makassar', habit: 'sometimes absent' },
  { name: 'Joko Susilo', department: 'Keamanan', site: 'jakarta', habit: 'punctual' },
  { name: 'Wahyu Hidayat', department: 'Keamanan', site: 'jakarta', habit: 'often late' },
  { name: 'Daeng Rahman', department: 'Keamanan', site: 'makassar', habit: 'forgets to clock out' },
  { name: 'Putri Ayu', department: 'Keamanan', site: 'makassar', habit: 'punctual' },
] as const;

type Habit = (typeof PEOPLE)[number]['habit'];

/** A fixed pseudo-random walk, so that the demo is the same every time it is made. */
function randomWalk(seed: number) {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** When a person of this habit arrives and leaves, in minutes from the shift's start and end. */
function shiftOf(habit: Habit, next: () => number) {
  const roll = next();
  if (habit === 'sometimes absent' && roll < 0.2) return null;
  const arrives =
    habit === 'often late' && roll < 0.5 ? 10 + Math.floor(next() * 50) : -Math.floor(next() * 15);
  const leaves =
    habit === 'leaves early' && roll < 0.4
      ? -(20 + Math.floor(next() * 60))
      : Math.floor(next() * 40);
  return { arrives, leaves, clocksOut: habit !== 'forgets to clock out' || roll > 0.3 };
}

export interface DemoFigures {
  employees: number;
  shifts: number;
}

/** Fills an empty database with the demo company (see the module's comment). */
export async function seedDemo(deps: CoreDeps, admin: Actor, now: Date): Promise<DemoFigures> {
  const jakarta = await createSite(deps, admin, {
    name: 'Kantor Pusat Jakarta',
    lat: -6.2088,
    lng: 106.8456,
    radiusM: 150,
    timeZone: 'Asia/Jakarta',
    geofencePolicy: 'flag',
    maxAccuracyM: 100,
  });
  const makassar = await createSite(deps, admin, {
    name: 'Cabang Makassar',
    lat: -5.1477,
    lng: 119.4327,
    radiusM: 150,
    timeZone: 'Asia/Makassar',
    geofencePolicy: 'require',
    maxAccuracyM: 100,
  });
  const sites = { jakarta, makassar };

  const type = (name: string, code: string, startTime: string, endTime: string, color: string) =>
    createShiftType(deps, admin, {
      name,
      code,
      startTime,
      endTime,
      lateGraceMinutes: 10,
      earlyLeaveGraceMinutes: 5,
      breakMinutes: 60,
      autoClockOutAfterMinutes: 180,
      color,
    });
  const office = await type('Kantor', 'K', '08:00', '17:00', '#2f6fdd');
  const morning = await type('Pagi', 'P', '07:00', '15:00', '#f0a020');
  const night = await type('Malam', 'M', '23:00', '07:00', '#5b3fa0');

  const week = await createSchedule(deps, admin, {
    name: 'Kantor Senin–Jumat',
    kind: 'weekly',
    days: [office.id, office.id, office.id, office.id, office.id, null, null],
  });
  const today = rules.workDateOf(now, 'Asia/Jakarta');
  const start = scheduleRules.nextDate(today, -21);
  const guards = await createSchedule(deps, admin, {
    name: 'Satpam 2 pagi, 2 malam, 2 libur',
    kind: 'rotating',
    anchorDate: start,
    days: [morning.id, morning.id, night.id, night.id, null, null],
  });
  await assignSchedule(deps, admin, {
    scheduleId: week.id,
    department: 'Kantor',
    validFrom: start,
  });
  await assignSchedule(deps, admin, {
    scheduleId: guards.id,
    department: 'Keamanan',
    validFrom: start,
  });

  const year = Number(today.slice(0, 4));
  const national = await proposedNationalHolidays(year);
  await confirmHolidays(deps, admin, { year, dates: national.map((holiday) => holiday.date) });
  const collective = scheduleRules.nextDate(today, -9);
  await createHoliday(deps, admin, {
    date: collective,
    name: 'Cuti bersama',
    kind: 'collective_leave',
  }).catch(() => undefined); // a national holiday may already be on that date

  const people: { actor: Actor; habit: Habit; site: typeof jakarta }[] = [];
  for (const [index, person] of PEOPLE.entries()) {
    const { user } = await createUser(deps, admin, {
      name: person.name,
      email: `${person.name.split(' ')[0]!.toLowerCase()}@demo.absensi.local`,
      password: 'demo-password',
      role: 'employee',
      department: person.department,
    });
    const site = sites[person.site];
    await assignSites(deps, admin, { userId: user.id, siteIds: [site.id] });
    const account = await repos.users.byId(deps.db, user.id);
    people.push({ actor: actorOf(account!), habit: person.habit, site });
    // One swapped day on the roster, as a supervisor would.
    if (index === 6)
      await setRosterDay(deps, admin, {
        userId: user.id,
        date: scheduleRules.nextDate(today, -3),
        shiftTypeId: night.id,
        note: 'Ganti shift dengan Wahyu',
      });
  }

  let shifts = 0;
  const next = randomWalk(7);
  for (let day = 21; day >= 1; day -= 1) {
    for (const person of people) {
      const zone = person.site.timeZone;
      const date = scheduleRules.nextDate(rules.workDateOf(now, zone), -day);
      const [plan] = await planOf(deps, person.actor, person.site.id, date);
      if (plan?.kind !== 'work') continue;
      const times = shiftOf(person.habit, next);
      if (!times) continue;
      const window = scheduleRules.shiftWindow(date, plan.shiftType, zone);
      const arrived = new Date(window.start.getTime() + times.arrives * 60_000);
      const left = new Date(window.end.getTime() + times.leaves * 60_000);
      if (left >= now) continue;
      const at = {
        lat: person.site.lat + (next() - 0.5) * 0.001,
        lng: person.site.lng,
        accuracy: 20,
      };
      // A roster swap can put a morning right after a night that ran late: one of them is lost.
      if (!(await tap(deps, person.actor, clockIn, arrived, at))) continue;
      if (times.clocksOut) await tap(deps, person.actor, clockOut, left, at);
      else
        await closeForgottenShifts({
          ...deps,
          clock: () => new Date(left.getTime() + 12 * 3_600_000),
        });
      shifts += 1;
    }
  }
  return { employees: people.length, shifts };
}

async function planOf(deps: CoreDeps, actor: Actor, siteId: number, date: string) {
  const person = { id: actor.id, department: actor.department, siteId };
  return (await plansOf(deps, [person], { from: date, to: date })).get(actor.id) ?? [];
}

/**
 * A tap made at `at`, sent at once: the server's clock reads `at` when it arrives. False when the
 * record refuses it (a clock-in inside a shift still running).
 */
async function tap(
  deps: CoreDeps,
  actor: Actor,
  action: typeof clockIn,
  at: Date,
  location: { lat: number; lng: number; accuracy: number },
): Promise<boolean> {
  try {
    await action({ ...deps, clock: () => at }, actor, {
      idempotencyKey: randomUUID(),
      at: at.toISOString(),
      sentAt: at.toISOString(),
      location,
    });
    return true;
  } catch (error) {
    if (isDomainError(error) && error.code === 'CONFLICT') return false;
    throw error;
  }
}
