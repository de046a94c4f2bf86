import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repos } from '@absensi/db';
import { dialectsUnderTest, hideTable } from '@absensi/db/testing';
import type { Actor } from '../actor.js';
import { DomainError } from '../errors.js';
import { createSite, deactivateSite } from '../sites/manage.js';
import { useCaseDeps } from '../testing/deps.js';
import { actorWithRole, refusal } from '../testing/refusal.js';
import { confirmHolidays, createHoliday, deleteHoliday, updateHoliday } from './manage.js';
import { holidaysBetween, listHolidays, proposeHolidays } from './queries.js';
import { holidayOn } from './rules.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('the holiday calendar on %s', (dialect) => {
  let deps: Awaited<ReturnType<typeof useCaseDeps>>;
  let admin: Actor;
  let makassar: number;
  let jayapura: number;

  beforeAll(async () => {
    deps = await useCaseDeps(dialect);
    admin = await actorWithRole(deps.db, 'admin');
    const site = (name: string, timeZone: string) =>
      createSite(deps, admin, {
        name,
        lat: -5,
        lng: 120,
        radiusM: 100,
        timeZone,
        geofencePolicy: 'off',
      });
    makassar = (await site('Makassar', 'Asia/Makassar')).id;
    jayapura = (await site('Jayapura', 'Asia/Jayapura')).id;
  });
  afterAll(async () => {
    await deps?.close();
  });

  const names = (holidays: { name: string }[]) => holidays.map((holiday) => holiday.name);

  it('keeps one holiday per date for every site and one per date per site', async () => {
    const independence = await createHoliday(deps, admin, {
      date: '2026-08-17',
      name: 'Hari Kemerdekaan',
      kind: 'national',
    });
    expect(independence).toMatchObject({
      date: '2026-08-17',
      siteId: null,
      siteName: null,
      source: 'manual',
    });
    expect(
      await refusal(
        createHoliday(deps, admin, { date: '2026-08-17', name: 'Again', kind: 'company' }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      field: 'date',
      message:
        'There is already a holiday on 2026-08-17 for every site: "Hari Kemerdekaan". Change or delete that one instead.',
    });
    const local = await createHoliday(deps, admin, {
      date: '2026-08-17',
      name: 'Makassar keeps its own',
      kind: 'company',
      siteId: makassar,
    });
    expect(local).toMatchObject({ siteId: makassar, siteName: 'Makassar' });
    expect(
      await refusal(
        createHoliday(deps, admin, {
          date: '2026-08-17',
          name: 'Twice',
          kind: 'company',
          siteId: makassar,
        }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/at Makassar: "Makassar keeps its own"/),
    });
    const audit = await repos.audit.ofEntity(deps.db, 'holiday', independence.id);
    expect(audit.map((entry) => entry.action)).toEqual(['holiday.create']);
  });

  it('refuses a site that does not exist or is inactive, and a year outside 2000–2099', async () => {
    expect(
      await refusal(
        createHoliday(deps, admin, {
          date: '2026-09-01',
          name: 'x',
          kind: 'company',
          siteId: 9_999,
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'siteId' });
    const closed = await createSite(deps, admin, {
      name: 'Closed',
      lat: 0,
      lng: 0,
      radiusM: 100,
      timeZone: 'Asia/Jakarta',
      geofencePolicy: 'off',
    });
    await deactivateSite(deps, admin, closed.id);
    expect(
      await refusal(
        createHoliday(deps, admin, {
          date: '2026-09-01',
          name: 'x',
          kind: 'company',
          siteId: closed.id,
        }),
      ),
    ).toMatchObject({ code: 'INVALID', field: 'siteId' });
    expect(
      await refusal(createHoliday(deps, admin, { date: '1999-12-31', name: 'x', kind: 'company' })),
    ).toMatchObject({ code: 'INVALID', field: 'date' });
    expect(await holidaysBetween(deps, '2026-09-01', '2026-09-01')).toEqual([]);
  });

  it('changes a holiday, keeping its site unless told, and refuses a change that would clash', async () => {
    const anniversary = await createHoliday(deps, admin, {
      date: '2026-09-01',
      name: 'Ulang tahun kota',
      kind: 'company',
      siteId: jayapura,
    });
    const renamed = await updateHoliday(deps, admin, anniversary.id, { name: 'HUT Kota Jayapura' });
    expect(renamed).toMatchObject({
      name: 'HUT Kota Jayapura',
      siteId: jayapura,
      date: '2026-09-01',
    });
    expect(
      await refusal(
        updateHoliday(deps, admin, anniversary.id, { date: '2026-08-17', siteId: null }),
      ),
    ).toMatchObject({ code: 'CONFLICT', field: 'date' });
    const moved = await updateHoliday(deps, admin, anniversary.id, { date: '2026-08-17' });
    expect(moved).toMatchObject({ date: '2026-08-17', siteId: jayapura });
    const everywhere = await updateHoliday(deps, admin, anniversary.id, {
      date: '2026-09-02',
      siteId: null,
    });
    expect(everywhere).toMatchObject({ siteId: null, siteName: null, date: '2026-09-02' });
    expect(await refusal(updateHoliday(deps, admin, 999_999, { name: 'x' }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    const audit = await repos.audit.ofEntity(deps.db, 'holiday', anniversary.id);
    expect(audit.map((entry) => entry.action)).toEqual([
      'holiday.create',
      'holiday.update',
      'holiday.update',
      'holiday.update',
    ]);
  });

  it('deletes a holiday, keeping what it was in the audit log', async () => {
    const [, , doomed] = await listHolidays(deps, { year: 2026 });
    expect(doomed?.date).toBe('2026-09-02');
    expect(await deleteHoliday(deps, admin, doomed!.id)).toEqual({ deleted: doomed });
    expect(await refusal(deleteHoliday(deps, admin, doomed!.id))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const [, , last] = await repos.audit
      .ofEntity(deps.db, 'holiday', doomed!.id)
      .then((rows) => rows.slice(-3));
    expect({
      action: last?.action,
      before: JSON.parse(last!.before!) as unknown,
      after: last?.after,
    }).toEqual({ action: 'holiday.delete', before: doomed, after: null });
  });

  it("lists a year's holidays, of every site or those kept at one, and between two dates", async () => {
    await createHoliday(deps, admin, {
      date: '2026-08-17',
      name: 'HUT Kota Jayapura',
      kind: 'company',
      siteId: jayapura,
    });
    expect(names(await listHolidays(deps, { year: 2026 }))).toEqual([
      'Hari Kemerdekaan',
      'Makassar keeps its own',
      'HUT Kota Jayapura',
    ]);
    expect(names(await listHolidays(deps, { year: 2026, siteId: jayapura }))).toEqual([
      'Hari Kemerdekaan',
      'HUT Kota Jayapura',
    ]);
    expect(await listHolidays(deps, { year: 2025 })).toEqual([]);
    expect(await refusal(listHolidays(deps, { year: 2026, siteId: 9_999 }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'siteId',
    });
    expect(names(await holidaysBetween(deps, '2026-08-01', '2026-08-31', null))).toEqual([
      'Hari Kemerdekaan',
    ]);
    const all = await holidaysBetween(deps, '2026-08-17', '2026-08-17');
    expect(holidayOn('2026-08-17', makassar, all)?.name).toBe('Makassar keeps its own');
    expect(holidayOn('2026-08-17', jayapura, all)?.name).toBe('HUT Kota Jayapura');
    expect(holidayOn('2026-08-17', null, all)?.name).toBe('Hari Kemerdekaan');
    expect(await holidaysBetween(deps, '2026-08-18', '2026-08-17')).toEqual([]);
  });

  it("proposes the year's national holidays marked with those already there, and confirms the chosen ones once", async () => {
    const proposals = await proposeHolidays(deps, { year: 2026 });
    const independence = proposals.find((proposal) => proposal.date === '2026-08-17');
    expect(independence?.existing).toMatchObject({ name: 'Hari Kemerdekaan', kind: 'national' });
    expect(proposals.filter((proposal) => proposal.existing)).toHaveLength(1);

    const chosen = ['2026-12-25', '2026-01-01', '2026-08-17', '2026-03-20', '2026-03-21'];
    const confirmed = await confirmHolidays(deps, admin, { year: 2026, dates: chosen });
    expect(confirmed.added.map((holiday) => [holiday.date, holiday.name, holiday.source])).toEqual([
      ['2026-01-01', 'Hari tahun baru', 'proposed'],
      ['2026-03-20', 'Hari Raya Idul Fitri', 'proposed'],
      ['2026-03-21', 'Hari Raya Idul Fitri', 'proposed'],
      ['2026-12-25', 'Hari Raya Natal', 'proposed'],
    ]);
    expect(confirmed.skipped).toEqual([
      {
        date: '2026-08-17',
        existing: { id: independence!.existing!.id, name: 'Hari Kemerdekaan', kind: 'national' },
      },
    ]);
    const again = await confirmHolidays(deps, admin, { year: 2026, dates: chosen });
    expect({ added: again.added, skipped: again.skipped.length }).toEqual({
      added: [],
      skipped: 5,
    });
    expect((await proposeHolidays(deps, { year: 2026 })).filter((p) => p.existing)).toHaveLength(5);
    const [entry] = await repos.audit.ofEntity(deps.db, 'holiday', confirmed.added[0]!.id);
    expect(entry).toMatchObject({
      action: 'holiday.confirm',
      reason: 'confirmed from the national holidays proposed for 2026',
    });
  });

  it('refuses to confirm a date that was not proposed, adding none of the others', async () => {
    const before = await listHolidays(deps, { year: 2026 });
    expect(
      await refusal(
        confirmHolidays(deps, admin, {
          year: 2026,
          dates: ['2026-05-01', '2026-02-30', '2027-01-01'],
        }),
      ),
    ).toEqual({
      code: 'INVALID',
      field: 'dates',
      message:
        'dates: 2026-02-30, 2027-01-01 are not among the national holidays proposed for 2026',
    });
    expect(await refusal(proposeHolidays(deps, { year: 2101 }))).toMatchObject({
      code: 'INVALID',
      field: 'year',
    });
    expect(await listHolidays(deps, { year: 2026 })).toEqual(before);
  });

  it('lets one of three admins adding the same company-wide holiday at once succeed', async () => {
    const attempt = async (name: string) => {
      try {
        await createHoliday(deps, admin, { date: '2026-10-10', name, kind: 'company' });
        return 'added';
      } catch (error) {
        return error instanceof DomainError ? error.code : error;
      }
    };
    const outcomes = await Promise.all([attempt('First'), attempt('Second'), attempt('Third')]);
    expect(outcomes.sort()).toEqual(['CONFLICT', 'CONFLICT', 'added']);
    expect(await holidaysBetween(deps, '2026-10-10', '2026-10-10')).toHaveLength(1);
  });

  it('adds nothing when the audit rows cannot be written', async () => {
    const before = await listHolidays(deps, { year: 2026 });
    const restore = await hideTable(deps.db, 'audit_log');
    try {
      await expect(
        confirmHolidays(deps, admin, { year: 2026, dates: ['2026-05-01', '2026-06-01'] }),
      ).rejects.toThrow();
      await expect(
        createHoliday(deps, admin, { date: '2026-11-11', name: 'x', kind: 'company' }),
      ).rejects.toThrow();
      await expect(deleteHoliday(deps, admin, before[0]!.id)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await listHolidays(deps, { year: 2026 })).toEqual(before);
  });
});
