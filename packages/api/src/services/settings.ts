import type { Database, SettingsRow } from '@absensi/db';
import { DEFAULT_SETTINGS } from '@absensi/db';

export interface CompanySettings {
  timeZone: string;
  shiftStart: string;
  graceMinutes: number;
  autoClockOutHour: number;
}

function fromRow(row: SettingsRow): CompanySettings {
  return {
    timeZone: row.timeZone,
    shiftStart: row.shiftStart,
    graceMinutes: row.graceMinutes,
    autoClockOutHour: row.autoClockOutHour,
  };
}

/**
 * The settings row, read at most every `ttlMs` per process: every clock-in needs it, and a change
 * made through another node is seen within that time.
 */
export class SettingsCache {
  private cached: { value: CompanySettings; at: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly fallbackTimeZone: string,
    private readonly ttlMs = 5_000,
  ) {}

  async get(): Promise<CompanySettings> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.value;
    const row = await this.db.models.SettingsRow.findByPk(1);
    const value = row ? fromRow(row) : { timeZone: this.fallbackTimeZone, ...DEFAULT_SETTINGS };
    this.cached = { value, at: Date.now() };
    return value;
  }

  async update(changes: Partial<CompanySettings>, updatedBy: number): Promise<CompanySettings> {
    const current = await this.get();
    const next = { ...current, ...changes };
    await this.db.models.SettingsRow.upsert({ id: 1, ...next, updatedBy });
    this.cached = { value: next, at: Date.now() };
    return next;
  }
}
