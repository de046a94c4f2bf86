import { DEFAULT_SETTINGS, repos, type Database, type SettingsRow } from '@absensi/db';
import type { Logger } from '../deps.js';
import { isOvertimeRuleSetKey, type OvertimeRuleSetKey, type WorkWeek } from '../overtime/rules.js';
import { canonicalTimeZone } from './time-zone.js';

export interface CompanySettings {
  /** IANA zone of the company, e.g. Asia/Jakarta. */
  timeZone: string;
  /**
   * Local hour (0-23) at which an unscheduled shift still open is closed automatically (a
   * scheduled one closes at its end plus its shift type's allowance).
   */
  autoClockOutHour: number;
  /** The rule set that weighs overtime hours, a key of OVERTIME_RULE_SETS (default PP 35/2021). */
  overtimeRules: OvertimeRuleSetKey;
  /** Which rest-day bands apply: a five- or six-day working week. */
  workWeek: WorkWeek;
}

function fromRow(row: SettingsRow, timeZone: string): CompanySettings {
  return {
    timeZone,
    autoClockOutHour: row.autoClockOutHour,
    overtimeRules: isOvertimeRuleSetKey(row.overtimeRules) ? row.overtimeRules : 'PP_35_2021',
    workWeek: row.workWeek === 'six_day' ? 'six_day' : 'five_day',
  };
}

/**
 * The settings row, read at most every `ttlMs` per process: every clock-in needs it, and a change
 * made through another node is seen within that time. A stored time zone that is no IANA zone (one
 * saved before zones were checked, such as "UTC+7") is replaced by `fallbackTimeZone` (COMPANY_TZ)
 * with a warning, so that clock-ins, the dashboard, exports and every screen go on working until an
 * admin saves a good one.
 */
export class SettingsCache {
  private cached: { value: CompanySettings; at: number } | null = null;
  private warned: string | null = null;

  constructor(
    private readonly db: Database,
    private readonly fallbackTimeZone: string,
    private readonly ttlMs = 5_000,
    private readonly log?: Pick<Logger, 'warn'>,
  ) {}

  private usableZone(stored: string): string {
    const zone = canonicalTimeZone(stored);
    if (zone) return zone;
    if (this.warned !== stored) {
      this.warned = stored;
      this.log?.warn(
        { stored, used: this.fallbackTimeZone },
        'the stored company time zone is not an IANA zone; using COMPANY_TZ until an admin saves one',
      );
    }
    return this.fallbackTimeZone;
  }

  async get(): Promise<CompanySettings> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.value;
    const row = await repos.settings.get(this.db);
    const value = row
      ? fromRow(row, this.usableZone(row.timeZone))
      : {
          timeZone: this.fallbackTimeZone,
          autoClockOutHour: DEFAULT_SETTINGS.autoClockOutHour,
          overtimeRules: 'PP_35_2021' as const,
          workWeek: 'five_day' as const,
        };
    this.cached = { value, at: Date.now() };
    return value;
  }

  /** Takes a value just committed, so this process sees it at once. */
  remember(value: CompanySettings): void {
    this.cached = { value, at: Date.now() };
  }
}
