import { beforeAll, describe, expect, it } from 'vitest';
import { type TestClient } from '@absensi/api/testing';
import { describeApi } from './fixture.js';
import { expectBadInput, expectRefusedToAll, type Calls } from './refusals.js';

describeApi('holidays', (fixture) => {
  let admin!: TestClient;
  let employee!: TestClient;
  let makassarId!: number;
  beforeAll(async () => {
    ({ admin, employee } = fixture.started());
    makassarId = (
      await admin.trpc.admin.sites.create.mutate({
        name: 'Gudang Makassar',
        lat: -5.147665,
        lng: 119.432732,
        radiusM: 300,
        timeZone: 'Asia/Makassar',
      })
    ).id;
  });

  const calls: Calls = {
    list: (client) => client.trpc.admin.holidays.list.query({ year: 2026 }),
    create: (client) =>
      client.trpc.admin.holidays.create.mutate({ date: '2026-04-01', name: 'x', kind: 'company' }),
    update: (client) => client.trpc.admin.holidays.update.mutate({ id: 1, name: 'x' }),
    delete: (client) => client.trpc.admin.holidays.delete.mutate({ id: 1 }),
    propose: (client) => client.trpc.admin.holidays.propose.query({ year: 2026 }),
    confirm: (client) =>
      client.trpc.admin.holidays.confirm.mutate({ year: 2026, dates: ['2026-05-01'] }),
    audit: (client) => client.trpc.admin.holidays.audit.query({ id: 1 }),
  };

  describe('admin.holidays', () => {
    it("proposes the year's national holidays and adds the ones the admin confirms, once", async () => {
      const proposals = await admin.trpc.admin.holidays.propose.query({ year: 2026 });
      expect(proposals).toContainEqual({
        date: '2026-08-17',
        name: 'Hari Ulang Tahun Kemerdekaan Republik Indonesia',
        kind: 'national',
        existing: null,
      });
      expect(proposals.map((proposal) => proposal.date)).toEqual(
        expect.arrayContaining(['2026-01-01', '2026-03-20', '2026-03-21', '2026-12-25']),
      );
      const confirmed = await admin.trpc.admin.holidays.confirm.mutate({
        year: 2026,
        dates: ['2026-08-17', '2026-12-25', '2026-01-01'],
      });
      expect(confirmed.added.map((holiday) => [holiday.date, holiday.source])).toEqual([
        ['2026-01-01', 'proposed'],
        ['2026-08-17', 'proposed'],
        ['2026-12-25', 'proposed'],
      ]);
      const again = await admin.trpc.admin.holidays.confirm.mutate({
        year: 2026,
        dates: ['2026-12-25'],
      });
      expect(again).toMatchObject({ added: [], skipped: [{ date: '2026-12-25' }] });
      const marked = await admin.trpc.admin.holidays.propose.query({ year: 2026 });
      expect(marked.find((proposal) => proposal.date === '2026-12-25')?.existing).toMatchObject({
        name: 'Hari Raya Natal',
        kind: 'national',
      });
    });

    it('adds, changes and deletes holidays, one per date for every site and one per site', async () => {
      const leave = await admin.trpc.admin.holidays.create.mutate({
        date: '2026-12-24',
        name: 'Cuti bersama Natal',
        kind: 'collective_leave',
      });
      expect(leave).toMatchObject({ siteId: null, siteName: null, source: 'manual' });
      const local = await admin.trpc.admin.holidays.create.mutate({
        date: '2026-12-24',
        name: 'Ulang tahun gudang',
        kind: 'company',
        siteId: makassarId,
      });
      expect(local).toMatchObject({ siteId: makassarId, siteName: 'Gudang Makassar' });
      const before = await fixture.rowCounts();
      await expect(
        admin.trpc.admin.holidays.create.mutate({
          date: '2026-12-24',
          name: 'Malam Natal',
          kind: 'company',
        }),
      ).rejects.toMatchObject({
        data: { code: 'CONFLICT', httpStatus: 409 },
        message:
          'There is already a holiday on 2026-12-24 for every site: "Cuti bersama Natal". Change or delete that one instead.',
      });
      expect(await fixture.rowCounts()).toEqual(before);

      const moved = await admin.trpc.admin.holidays.update.mutate({
        id: local.id,
        date: '2026-12-28',
        name: 'HUT Gudang Makassar',
      });
      expect(moved).toMatchObject({ date: '2026-12-28', siteId: makassarId });
      expect(
        (await admin.trpc.admin.holidays.list.query({ year: 2026, siteId: makassarId })).map(
          (holiday) => holiday.date,
        ),
      ).toEqual(['2026-01-01', '2026-08-17', '2026-12-24', '2026-12-25', '2026-12-28']);
      expect(await admin.trpc.admin.holidays.delete.mutate({ id: local.id })).toMatchObject({
        deleted: { id: local.id, name: 'HUT Gudang Makassar' },
      });
      expect(
        (await admin.trpc.admin.holidays.audit.query({ id: local.id })).map(
          (entry) => entry.action,
        ),
      ).toEqual(['holiday.create', 'holiday.update', 'holiday.delete']);
      await expect(admin.trpc.admin.holidays.delete.mutate({ id: local.id })).rejects.toMatchObject(
        {
          data: { code: 'NOT_FOUND' },
        },
      );
      expect(await admin.trpc.admin.holidays.list.query({ year: 2027 })).toEqual([]);
    });

    it('refuses every procedure to an employee with FORBIDDEN, changing nothing', async () => {
      await expectRefusedToAll(fixture, employee, calls, { code: 'FORBIDDEN', status: 403 });
    });

    const create = (changes: Record<string, unknown>) => () =>
      admin.trpc.admin.holidays.create.mutate({
        date: '2026-04-01',
        name: 'Hari jadi',
        kind: 'company',
        ...changes,
      } as never);
    it.each([
      [
        'a date that does not exist',
        create({ date: '2026-02-30' }),
        /^date: must be a date as YYYY-MM-DD$/,
      ],
      [
        'a date in another form',
        create({ date: '01/04/2026' }),
        /^date: must be a date as YYYY-MM-DD$/,
      ],
      [
        'a date before 2000',
        create({ date: '1999-12-31' }),
        /^date: must be in the years 2000 to 2099$/,
      ],
      [
        'a date after 2099',
        create({ date: '2100-01-01' }),
        /^date: must be in the years 2000 to 2099$/,
      ],
      ['an empty name', create({ name: ' \t ' }), /^name: must not be empty$/],
      [
        'a name with a control character',
        create({ name: 'Hari\u0007jadi' }),
        /^name: must not contain control characters/,
      ],
      ['a long name', create({ name: 'x'.repeat(201) }), /^name: must be at most 200 characters$/],
      [
        'an unknown kind',
        create({ kind: 'religious' }),
        /^kind: must be national, collective_leave or company$/,
      ],
      ['a site id that is no id', create({ siteId: 0 }), /^siteId: /],
      [
        'a year before 2000',
        () => admin.trpc.admin.holidays.propose.query({ year: 1999 }),
        /^year: must be a year from 2000 to 2099$/,
      ],
      [
        'a year with a fraction',
        () => admin.trpc.admin.holidays.list.query({ year: 2026.5 }),
        /^year: must be a year from 2000 to 2099$/,
      ],
      [
        'a confirmation of nothing',
        () => admin.trpc.admin.holidays.confirm.mutate({ year: 2026, dates: [] }),
        /^dates: must choose at least one date$/,
      ],
      [
        'a confirmation of another year',
        () =>
          admin.trpc.admin.holidays.confirm.mutate({
            year: 2026,
            dates: ['2026-05-01', '2027-01-01'],
          }),
        /^dates\.1: must be a date in 2026$/,
      ],
      [
        'a confirmation of a date not proposed',
        () =>
          admin.trpc.admin.holidays.confirm.mutate({
            year: 2026,
            dates: ['2026-05-01', '2026-05-02'],
          }),
        /^dates: 2026-05-02 is not among the national holidays proposed for 2026$/,
      ],
      [
        'a change of nothing',
        () => admin.trpc.admin.holidays.update.mutate({ id: 1 }),
        /^must change at least one field$/,
      ],
    ])(
      'refuses %s with BAD_REQUEST naming the field, changing nothing',
      async (_, call, message) => {
        await expectBadInput(fixture, call, message);
      },
    );
  });
});
