/** The settings table: one row (id 1) of company settings. */
import type { Database, Tx } from '../connect.js';
import type { SettingsRow } from '../models/index.js';

export type SettingsValues = Pick<
  SettingsRow,
  'timeZone' | 'shiftStart' | 'graceMinutes' | 'autoClockOutHour'
>;

export function get(db: Database): Promise<SettingsRow | null> {
  return db.models.SettingsRow.findByPk(1);
}

export async function save(
  db: Database,
  values: SettingsValues,
  updatedBy: number,
  tx: Tx,
): Promise<void> {
  await db.models.SettingsRow.upsert({ id: 1, ...values, updatedBy }, { transaction: tx });
}
