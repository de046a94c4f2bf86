import type { Inputs, Outputs } from '../../api/types';

export type Schedule = Outputs['admin']['schedules']['list'][number];
export type Assignment = Schedule['assignments'][number];

/** The schedule form's fields: each day a shift type's id as text, '' for a day off. */
export interface ScheduleDraft {
  name: string;
  kind: 'weekly' | 'rotating';
  anchorDate: string;
  days: string[];
  active: boolean;
}

export const MAX_CYCLE_DAYS = 56;

export function scheduleDraftOf(schedule: Schedule | null, today: string): ScheduleDraft {
  return {
    name: schedule?.name ?? '',
    kind: schedule?.kind ?? 'weekly',
    anchorDate: schedule?.anchorDate ?? today,
    days:
      schedule?.days.map((day) => (day === null ? '' : String(day))) ??
      Array.from({ length: 7 }, () => ''),
    active: schedule?.active ?? true,
  };
}

/** The days for a cycle of `length` days: those kept, then days off. */
export function resizeDays(days: string[], length: number): string[] {
  const size = Math.min(MAX_CYCLE_DAYS, Math.max(1, Math.floor(length) || 1));
  return Array.from({ length: size }, (_, index) => days[index] ?? '');
}

/** `admin.schedules.create`'s input: a weekly pattern has 7 days and no anchor. */
export function scheduleInput(draft: ScheduleDraft): Inputs['admin']['schedules']['create'] {
  const weekly = draft.kind === 'weekly';
  return {
    name: draft.name,
    kind: draft.kind,
    anchorDate: weekly ? null : draft.anchorDate,
    days: (weekly ? resizeDays(draft.days, 7) : draft.days).map((day) =>
      day === '' ? null : Number(day),
    ),
  };
}

/** The assignment form: whom (one employee, a department, everyone), from and to which dates. */
export interface AssignDraft {
  target: 'department' | 'employee' | 'everyone';
  department: string;
  userId: string;
  validFrom: string;
  validTo: string;
}

/** `admin.schedules.assign`'s input, or null when the department or employee is not chosen. */
export function assignInput(
  scheduleId: number,
  draft: AssignDraft,
): Inputs['admin']['schedules']['assign'] | null {
  if (draft.target === 'department' && !draft.department.trim()) return null;
  if (draft.target === 'employee' && !draft.userId) return null;
  return {
    scheduleId,
    validFrom: draft.validFrom,
    validTo: draft.validTo || null,
    ...(draft.target === 'department' ? { department: draft.department.trim() } : {}),
    ...(draft.target === 'employee' ? { userId: Number(draft.userId) } : {}),
  };
}

/** Monday (index 0) to Sunday, short, in the language's words. */
export function weekdayName(index: number, locale: string): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + index)),
  );
}
