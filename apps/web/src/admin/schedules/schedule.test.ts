import { describe, expect, it } from 'vitest';
import { assignInput, resizeDays, scheduleDraftOf, scheduleInput } from './schedule';

describe('a schedule', () => {
  it('starts as a weekly pattern of seven days off', () => {
    const draft = scheduleDraftOf(null, '2026-11-30');
    expect(draft.days).toEqual(['', '', '', '', '', '', '']);
    expect(scheduleInput({ ...draft, name: 'Kantor', anchorDate: '2026-11-30' })).toEqual({
      name: 'Kantor',
      kind: 'weekly',
      anchorDate: null,
      days: [null, null, null, null, null, null, null],
    });
  });

  it('rotates over N days from its anchor date: 2 mornings, 2 nights, 2 off', () => {
    const days = resizeDays(['1', '1', '2', '2'], 6);
    expect(days).toEqual(['1', '1', '2', '2', '', '']);
    const draft = { name: 'Satpam', kind: 'rotating', anchorDate: '2026-11-30', days } as const;
    expect(scheduleInput({ ...draft, days: [...days], active: true })).toEqual({
      name: 'Satpam',
      kind: 'rotating',
      anchorDate: '2026-11-30',
      days: [1, 1, 2, 2, null, null],
    });
  });

  it('keeps a cycle from 1 to 56 days', () => {
    expect(resizeDays(['1'], 0)).toEqual(['1']);
    expect(resizeDays([], 80)).toHaveLength(56);
    expect(resizeDays(['1', '2', '3'], 2)).toEqual(['1', '2']);
  });
});

describe('an assignment', () => {
  const base = { department: '', userId: '', validFrom: '2026-12-01', validTo: '' };
  it('goes to a department, an employee or everyone, from a date and maybe to one', () => {
    expect(assignInput(4, { ...base, target: 'department', department: ' Gudang ' })).toEqual({
      scheduleId: 4,
      department: 'Gudang',
      validFrom: '2026-12-01',
      validTo: null,
    });
    expect(
      assignInput(4, { ...base, target: 'employee', userId: '12', validTo: '2026-12-31' }),
    ).toEqual({ scheduleId: 4, userId: 12, validFrom: '2026-12-01', validTo: '2026-12-31' });
    expect(assignInput(4, { ...base, target: 'everyone' })).toEqual({
      scheduleId: 4,
      validFrom: '2026-12-01',
      validTo: null,
    });
  });

  it('waits for the department or the employee to be chosen', () => {
    expect(assignInput(4, { ...base, target: 'department' })).toBeNull();
    expect(assignInput(4, { ...base, target: 'employee' })).toBeNull();
  });
});
