/** The settings table: one row (id 1) of company settings. */
import type { Database, Tx } from '../connect.js';
import type { SettingsRow } from '../models/index.js';

/** What the settings say today (the shift start and grace are shift types' since 0006-schedules). */
export type SettingsValues = Pick<SettingsRow, 'timeZone' | 'autoClockOutHour'> & {
  overtimeRules: string;
  workWeek: string;
};

export function get(db: Database): Promise<SettingsRow | null> {
  return db.models.SettingsRow.findByPk(1);
}

export async function save(
  db: Database,
  values: SettingsValues,
  updatedBy: number,
  tx: Tx,
): Promise<void> {
  await db.models.SettingsRow.update(
    { ...values, updatedBy },
    { where: { id: 1 }, transaction: tx },
  );
}
