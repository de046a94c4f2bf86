import { describe, expect, it } from 'vitest';
import { attendanceView } from '../../api/view-fixture';
import { auditChanges } from './audit-changes';

const before = attendanceView({ status: 'late', lateMinutes: 12 });

describe("the audit trail's changes", () => {
  it('lists only the fields a correction altered', () => {
    const after = attendanceView({
      status: 'on_time',
      lateMinutes: 0,
      clockOutAt: '2026-11-24T10:00:00.000Z',
      clockOutKind: 'correction',
      corrected: true,
    });
    expect(auditChanges(before, after).map((change) => change.field)).toEqual([
      'clockOut',
      'status',
      'ended',
    ]);
  });

  it('sees a change of lateness alone as a change of status', () => {
    const after = attendanceView({ status: 'late', lateMinutes: 704 });
    expect(auditChanges(before, after)).toEqual([{ field: 'status', before, after }]);
  });

  it('lists what an added shift has, from nothing', () => {
    const added = attendanceView({
      clockOutAt: '2026-11-24T10:00:00.000Z',
      clockOutKind: 'correction',
      origin: 'admin',
    });
    expect(auditChanges(null, added).map((change) => change.field)).toEqual([
      'workDate',
      'clockIn',
      'clockOut',
      'status',
      'ended',
    ]);
  });

  it('takes a log entry that is not a record as no record', () => {
    expect(auditChanges('nonsense', null)).toEqual([]);
  });
});
