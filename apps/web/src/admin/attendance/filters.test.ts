import { describe, expect, it } from 'vitest';
import { listInput, pageRange, todayOnly } from './filters';

describe('the attendance filters', () => {
  it("start at today's records of anyone", () => {
    expect(listInput(todayOnly('2026-11-24'))).toEqual({
      from: '2026-11-24',
      to: '2026-11-24',
      limit: 100,
    });
  });

  it('send only the filters that are set, the person and site as numbers, and the page cursor', () => {
    expect(
      listInput(
        {
          from: '2026-11-01',
          to: '2026-11-30',
          userId: '12',
          department: 'Sales',
          status: 'late',
          siteId: '3',
        },
        4711,
      ),
    ).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      limit: 100,
      userId: 12,
      department: 'Sales',
      status: 'late',
      siteId: 3,
      cursor: 4711,
    });
  });
});

describe('the page of the list', () => {
  it('counts the rows shown from 1, against every row that matches', () => {
    expect(pageRange(0, 100, 342)).toEqual({ first: 1, last: 100, total: 342 });
    expect(pageRange(3, 42, 342)).toEqual({ first: 301, last: 342, total: 342 });
    expect(pageRange(0, 0, 0)).toEqual({ first: 0, last: 0, total: 0 });
  });
});
