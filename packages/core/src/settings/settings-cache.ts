import { DEFAULT_SETTINGS, repos, type Database, type SettingsRow } from '@absensi/db';

export interface CompanySettings {
  /** IANA zone of the company, e.g. Asia/Jakarta. */
  timeZone: string;
  /**
   * Local hour (0-23) at which an unscheduled shift still open is closed automatically (a
   * scheduled one closes at its end plus its shift type's allowance).
   */
  autoClockOutHour: number;
}

function fromRow(row: SettingsRow): CompanySettings {
  return {
    timeZone: row.timeZone,
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
    const row = await repos.settings.get(this.db);
    const value = row
      ? fromRow(row)
      : { timeZone: this.fallbackTimeZone, autoClockOutHour: DEFAULT_SETTINGS.autoClockOutHour };
    this.cached = { value, at: Date.now() };
    return value;
  }

  /** Takes a value just committed, so this process sees it at once. */
  remember(value: CompanySettings): void {
    this.cached = { value, at: Date.now() };
  }
}
