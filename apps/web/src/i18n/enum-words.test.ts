/**
 * Every server refusal and every enum value a person sees has a text in both languages: the lists
 * come from core, the database models and the events (not copied here), so a value added there
 * without its words fails this test.
 */
import { describe, expect, it } from 'vitest';
import { statusRules } from '@absensi/core';
import { ERROR_REASON_CODES, FIELD_ISSUE_CODES } from '@absensi/core/reasons';
import { JOB_STATES, NOTIFICATION_KINDS, REQUEST_STATE_VALUES } from '@absensi/events';
import {
  REQUEST_KINDS,
  REQUEST_STATES,
  DAY_PARTS,
} from '../../../../packages/db/src/models/absences';
import { ACTION_KINDS } from '../../../../packages/db/src/models/attendance-action';
import {
  ATTENDANCE_STATUSES,
  CLOCK_OUT_KINDS,
} from '../../../../packages/db/src/models/attendance';
import { HOLIDAY_KINDS } from '../../../../packages/db/src/models/holiday';
import { SCHEDULE_KINDS } from '../../../../packages/db/src/models/schedules';
import { GEOFENCE_POLICIES, GEOFENCE_VERDICTS } from '../../../../packages/db/src/models/site';
import { ROLES } from '../../../../packages/db/src/models/user';
import { ADMIN_DICTIONARIES } from '../admin/messages/dictionaries';
import { REQUEST_MESSAGES } from '../requests/messages';
import * as words from './enum-words';
import { REFUSAL_TEXTS } from './messages/reasons';
import type { Lang } from './lang';
import { DICTIONARIES } from './translate';

const LANGS: Lang[] = ['id', 'en'];
const all: Record<Lang, Record<string, string>> = {
  id: {
    ...DICTIONARIES.id,
    ...ADMIN_DICTIONARIES.id,
    ...REQUEST_MESSAGES.id,
    ...REFUSAL_TEXTS.id,
  },
  en: {
    ...DICTIONARIES.en,
    ...ADMIN_DICTIONARIES.en,
    ...REQUEST_MESSAGES.en,
    ...REFUSAL_TEXTS.en,
  },
};

/** The values of each enum people see, from where they are defined, and the map that words them. */
const ENUMS: [string, readonly string[], Record<string, string>][] = [
  ['roles', ROLES, words.ROLE_WORDS],
  ['request states', REQUEST_STATES, words.REQUEST_STATE_WORDS],
  ['request states (events)', REQUEST_STATE_VALUES, words.REQUEST_STATE_WORDS],
  ['request kinds', REQUEST_KINDS, words.REQUEST_KIND_WORDS],
  ['leave categories', statusRules.LEAVE_CATEGORIES, words.LEAVE_CATEGORY_WORDS],
  ['half days', DAY_PARTS, words.DAY_PART_WORDS],
  ['daily statuses', statusRules.DAILY_STATUSES, words.DAILY_STATUS_WORDS],
  ['export job states', JOB_STATES, words.JOB_STATE_WORDS],
  ['geofence policies', GEOFENCE_POLICIES, words.GEOFENCE_POLICY_WORDS],
  [
    'geofence verdicts shown',
    GEOFENCE_VERDICTS.filter((verdict) => verdict !== 'inside'),
    words.GEOFENCE_VERDICT_WORDS,
  ],
  ['holiday kinds', HOLIDAY_KINDS, words.HOLIDAY_KIND_WORDS],
  ['attendance statuses', ATTENDANCE_STATUSES, words.ATTENDANCE_STATUS_WORDS],
  ['clock-out kinds', CLOCK_OUT_KINDS, words.CLOCK_OUT_KIND_WORDS],
  ['record kinds (taps)', ACTION_KINDS, words.ACTION_KIND_WORDS],
  ['schedule kinds', SCHEDULE_KINDS, words.SCHEDULE_KIND_WORDS],
  ['notification kinds', NOTIFICATION_KINDS, words.NOTIFICATION_KIND_WORDS],
  ['server refusals', ERROR_REASON_CODES, prefixed('reason.', ERROR_REASON_CODES)],
  ['field issues', FIELD_ISSUE_CODES, prefixed('issue.', FIELD_ISSUE_CODES)],
];

function prefixed(prefix: string, codes: readonly string[]): Record<string, string> {
  return Object.fromEntries(codes.map((code) => [code, `${prefix}${code}`]));
}

describe('every code and enum value a person sees has words in both languages', () => {
  it.each(ENUMS)('%s', (_name, values, map) => {
    expect(values.length).toBeGreaterThan(0);
    const missing = LANGS.flatMap((lang) =>
      values
        .filter((value) => !map[value] || !all[lang][map[value]]?.trim())
        .map((value) => `${lang}: ${value}`),
    );
    expect(missing).toEqual([]);
  });

  it('says a value differently from its raw code in Indonesian (no untranslated enum)', () => {
    const raw = ENUMS.flatMap(([, values, map]) =>
      values.filter((value) => map[value] && all.id[map[value]] === value),
    );
    expect(raw).toEqual([]);
  });
});
