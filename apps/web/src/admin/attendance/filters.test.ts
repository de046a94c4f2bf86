import { describe, expect, it } from 'vitest';
import { listInput, todayOnly } from './filters';

describe('the attendance filters', () => {
  it("start at today's records of anyone", () => {
    expect(listInput(todayOnly('2026-11-24'))).toEqual({
      from: '2026-11-24',
      to: '2026-11-24',
      limit: 100,
    });
  });

  it('send only the filters that are set, the person as a number', () => {
    expect(
      listInput({
        from: '2026-11-01',
        to: '2026-11-30',
        userId: '12',
        department: 'Sales',
        status: 'late',
      }),
    ).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      limit: 100,
      userId: 12,
      department: 'Sales',
      status: 'late',
    });
  });
});
