import { UniqueConstraintError } from 'sequelize';
import type { Database } from './connect.js';
import { generatePassword, hashPassword } from './password.js';

export const DEFAULT_SETTINGS = {
  shiftStart: '08:00',
  graceMinutes: 15,
  autoClockOutHour: 23,
} as const;

export type FirstAdmin =
  | { created: false; email: string }
  | { created: true; email: string; password: string; generated: boolean };

/**
 * Creates the first admin when there is no admin at all. With no password given, one is generated
 * and returned so that the caller prints it once. Safe to run from several processes at once.
 */
export async function ensureFirstAdmin(
  db: Database,
  email: string,
  password?: string,
): Promise<FirstAdmin> {
  const { User } = db.models;
  if ((await User.count({ where: { role: 'admin' } })) > 0) return { created: false, email };
  const chosen = password ?? generatePassword();
  try {
    await User.create({
      name: 'Administrator',
      email: email.toLowerCase(),
      passwordHash: await hashPassword(chosen),
      role: 'admin',
      department: null,
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) return { created: false, email };
    throw error;
  }
  return { created: true, email, password: chosen, generated: password === undefined };
}

/** The settings row, created from the configured time zone and the defaults the first time. */
export async function ensureSettings(db: Database, timeZone: string): Promise<void> {
  try {
    await db.models.SettingsRow.findOrCreate({
      where: { id: 1 },
      defaults: { id: 1, timeZone, ...DEFAULT_SETTINGS, updatedBy: null },
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
  }
}
