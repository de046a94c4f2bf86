/**
 * Scenario 5: the month's recap of many employees, as the worker builds it for an export: every
 * person's daily status recomputed from the month's shifts, plan and requests, the grid and the
 * totals, written as XLSX. On a MariaDB database of its own, in this process (the worker runs the
 * same code in its own).
 */
import { buildRecap, PlanningCache, recapFile, SettingsCache } from '@absensi/core';
import { migrate, ensureSettings, type Database } from '@absensi/db';
import { createTempDatabase } from '@absensi/db/testing';
import { insertEmployees, openDb } from '../setup.js';
import { spreadOf, type Spread } from '../stats.js';

export interface RecapResult {
  employees: number;
  month: string;
  shifts: number;
  /** Seconds to build the recap and write its XLSX: median (min–max) of the runs. */
  seconds: Spread;
  xlsxBytes: number;
}

/** A finished month: every weekday worked 08:00–17:00 WIB (a quarter late by 20 minutes, one in 20 absent). */
const MONTH = '2025-03';

async function seedMonth(db: Database, employees: number): Promise<number> {
  const ids = await insertEmployees(db, 'recap', employees);
  const rows: Record<string, unknown>[] = [];
  let shifts = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    await db.models.Attendance.bulkCreate(rows.splice(0) as never[]);
  };
  for (let day = 1; day <= 31; day += 1) {
    const date = `${MONTH}-${String(day).padStart(2, '0')}`;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const [index, userId] of ids.entries()) {
      if ((index + day) % 20 === 0) continue;
      const late = (index + day) % 4 === 0;
      const clockInAt = new Date(`${date}T${late ? '01:20' : '00:58'}:00Z`);
      const clockOutAt = new Date(`${date}T10:0${index % 10}:00Z`);
      rows.push({
        userId,
        workDate: date,
        status: late ? 'late' : 'on_time',
        lateMinutes: late ? 20 : 0,
        clockInAt,
        clockInReceivedAt: clockInAt,
        clockInNode: 'bench',
        clockInSource: 'online',
        clockOutAt,
        clockOutReceivedAt: clockOutAt,
        clockOutNode: 'bench',
        clockOutSource: 'online',
        clockOutKind: 'manual',
        shiftTypeId: 1,
        scheduledStart: new Date(`${date}T01:00:00Z`),
        scheduledEnd: new Date(`${date}T10:00:00Z`),
      });
      shifts += 1;
      if (rows.length >= 2_000) await flush();
    }
  }
  await flush();
  return shifts;
}

/** Seeds a month for `employees` people, builds its recap `runs` times, drops the database. */
export async function runRecap(
  options: { employees: number; runs: number },
  log: (line: string) => void,
): Promise<RecapResult> {
  const temp = await createTempDatabase('mysql');
  const db = await openDb(temp.url);
  try {
    await migrate(db);
    await ensureSettings(db, 'Asia/Jakarta');
    const shifts = await seedMonth(db, options.employees);
    log(`recap: ${options.employees} employees, ${shifts} shifts in ${MONTH}`);
    const deps = {
      db,
      planning: new PlanningCache(db),
      settings: new SettingsCache(db, 'Asia/Jakarta'),
      clock: () => new Date(),
    };
    const seconds: number[] = [];
    let xlsxBytes = 0;
    for (let run = 0; run < options.runs; run += 1) {
      const started = performance.now();
      const recap = await buildRecap(deps, { month: MONTH });
      const file = await recapFile(recap, 'xlsx');
      seconds.push((performance.now() - started) / 1000);
      xlsxBytes = file.content.length;
      log(`recap run ${run + 1}: ${seconds[run]!.toFixed(2)} s (${recap.people.length} people)`);
    }
    return {
      employees: options.employees,
      month: MONTH,
      shifts,
      seconds: spreadOf(seconds),
      xlsxBytes,
    };
  } finally {
    await db.close();
    await temp.drop();
  }
}
