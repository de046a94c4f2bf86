import { beforeAll, describe, expect, it } from 'vitest';
import { type TestClient } from '@absensi/api/testing';
import { describeApi } from './fixture.js';
import { expectBadInput, expectRefusedToAll, type Calls } from './refusals.js';

const jakarta = {
  name: 'Kantor Jakarta',
  lat: -6.175392,
  lng: 106.827153,
  radiusM: 150,
  timeZone: 'Asia/Jakarta',
};

describeApi('sites', (fixture) => {
  let admin!: TestClient;
  let employee!: TestClient;
  let employeeId!: number;
  beforeAll(() => {
    ({ admin, employee, employeeId } = fixture.started());
  });

  const calls: Calls = {
    list: (client) => client.trpc.admin.sites.list.query(),
    create: (client) => client.trpc.admin.sites.create.mutate({ ...jakarta, name: 'Sneaky' }),
    update: (client) => client.trpc.admin.sites.update.mutate({ id: 1, radiusM: 10 }),
    deactivate: (client) => client.trpc.admin.sites.deactivate.mutate({ id: 1 }),
    assign: (client) => client.trpc.admin.sites.assign.mutate({ userId: employeeId, siteIds: [1] }),
    ofUser: (client) => client.trpc.admin.sites.ofUser.query({ userId: employeeId }),
    audit: (client) => client.trpc.admin.sites.audit.query({ id: 1 }),
  };

  describe('admin.sites', () => {
    it('creates, lists, changes and deactivates sites, keeping who changed what', async () => {
      const site = await admin.trpc.admin.sites.create.mutate(jakarta);
      expect(site).toMatchObject({
        ...jakarta,
        geofencePolicy: 'flag',
        maxAccuracyM: 100,
        active: true,
      });
      const makassar = await admin.trpc.admin.sites.create.mutate({
        name: '  Gudang Makassar ',
        lat: -5.147665,
        lng: 119.432732,
        radiusM: 300,
        timeZone: 'asia/ujung_pandang',
        geofencePolicy: 'require',
        maxAccuracyM: 40,
      });
      expect(makassar).toMatchObject({ name: 'Gudang Makassar', timeZone: 'Asia/Makassar' });
      const changed = await admin.trpc.admin.sites.update.mutate({
        id: site.id,
        radiusM: 200,
        geofencePolicy: 'require',
      });
      expect(changed).toMatchObject({ name: 'Kantor Jakarta', radiusM: 200 });
      expect(
        (await admin.trpc.admin.sites.list.query()).map((listed) => [listed.name, listed.radiusM]),
      ).toEqual([
        ['Gudang Makassar', 300],
        ['Kantor Jakarta', 200],
      ]);
      const closed = await admin.trpc.admin.sites.create.mutate({ ...jakarta, name: 'Old depot' });
      expect(await admin.trpc.admin.sites.deactivate.mutate({ id: closed.id })).toMatchObject({
        active: false,
      });
      expect(
        (await admin.trpc.admin.sites.list.query({ active: false })).map((listed) => listed.name),
      ).toEqual(['Old depot']);
      const trail = await admin.trpc.admin.sites.audit.query({ id: site.id });
      expect(trail.map((entry) => [entry.action, entry.actorName])).toEqual([
        ['site.create', 'Administrator'],
        ['site.update', 'Administrator'],
      ]);
    });

    it("assigns an employee's sites, the primary first, and reads them back", async () => {
      const sites = await admin.trpc.admin.sites.list.query({ active: true });
      const [makassar, jakartaSite] = sites;
      const assigned = await admin.trpc.admin.sites.assign.mutate({
        userId: employeeId,
        siteIds: [jakartaSite!.id, makassar!.id],
        primarySiteId: makassar!.id,
      });
      expect(assigned.sites.map((site) => [site.name, site.isPrimary])).toEqual([
        ['Gudang Makassar', true],
        ['Kantor Jakarta', false],
      ]);
      expect(await admin.trpc.admin.sites.ofUser.query({ userId: employeeId })).toEqual(assigned);
      expect(
        (await admin.trpc.admin.sites.list.query()).map((site) => [site.name, site.employees]),
      ).toEqual([
        ['Gudang Makassar', 1],
        ['Kantor Jakarta', 1],
        ['Old depot', 0],
      ]);
    });

    it('refuses every procedure to an employee with FORBIDDEN, changing nothing', async () => {
      await expectRefusedToAll(fixture, employee, calls, { code: 'FORBIDDEN', status: 403 });
    });

    it('refuses what contradicts the sites there are, with a message to act on', async () => {
      const [, jakartaSite] = await admin.trpc.admin.sites.list.query({ active: true });
      const old = (await admin.trpc.admin.sites.list.query({ active: false }))[0]!;
      const cases: [() => Promise<unknown>, string, RegExp][] = [
        [
          () => admin.trpc.admin.sites.create.mutate(jakarta),
          'CONFLICT',
          /^Another site is already called "Kantor Jakarta"/,
        ],
        [
          () => admin.trpc.admin.sites.update.mutate({ id: 424_242, radiusM: 50 }),
          'NOT_FOUND',
          /^There is no site with id 424242\.$/,
        ],
        [
          () => admin.trpc.admin.sites.assign.mutate({ userId: employeeId, siteIds: [424_242] }),
          'NOT_FOUND',
          /^There is no site with id 424242\.$/,
        ],
        [
          () => admin.trpc.admin.sites.assign.mutate({ userId: 424_242, siteIds: [] }),
          'NOT_FOUND',
          /^There is no user with id 424242\.$/,
        ],
        [
          () =>
            admin.trpc.admin.sites.assign.mutate({
              userId: employeeId,
              siteIds: [jakartaSite!.id],
              primarySiteId: old.id,
            }),
          'BAD_REQUEST',
          /^primarySiteId: site \d+ must be one of the sites in siteIds$/,
        ],
        [
          () => admin.trpc.admin.sites.assign.mutate({ userId: employeeId, siteIds: [old.id] }),
          'BAD_REQUEST',
          /^siteIds: Old depot is inactive; reactivate it first$/,
        ],
      ];
      for (const [call, code, message] of cases) {
        const before = await fixture.rowCounts();
        await expect(call()).rejects.toMatchObject({
          data: { code },
          message: expect.stringMatching(message),
        });
        expect(await fixture.rowCounts()).toEqual(before);
      }
    });

    const create = (changes: Record<string, unknown>) => () =>
      admin.trpc.admin.sites.create.mutate({ ...jakarta, name: 'New site', ...changes });
    it.each([
      ['an empty name', create({ name: '   ' }), /^name: must not be empty$/],
      [
        'a name with a line break',
        create({ name: 'Kantor\nBaru' }),
        /^name: must not contain control characters/,
      ],
      [
        'a name with a control character',
        create({ name: 'Kantor\u0007' }),
        /^name: must not contain control characters/,
      ],
      ['a long name', create({ name: 'x'.repeat(121) }), /^name: must be at most 120 characters$/],
      [
        'a latitude past the pole',
        create({ lat: 90.5 }),
        /^lat: must be a latitude in degrees, from -90 to 90$/,
      ],
      [
        'a longitude past the antimeridian',
        create({ lng: -180.1 }),
        /^lng: must be a longitude in degrees, from -180 to 180$/,
      ],
      ['a latitude as text', create({ lat: '-6.2' }), /^lat: must be a number$/],
      [
        'a radius under 10 m',
        create({ radiusM: 9 }),
        /^radiusM: must be from 10 to 100000 metres$/,
      ],
      [
        'a radius over 100 km',
        create({ radiusM: 100_001 }),
        /^radiusM: must be from 10 to 100000 metres$/,
      ],
      [
        'a radius in parts of a metre',
        create({ radiusM: 50.5 }),
        /^radiusM: must be a whole number of metres$/,
      ],
      [
        'an unknown time zone',
        create({ timeZone: 'Asia/Bandung' }),
        /^timeZone: must be an IANA time zone/,
      ],
      [
        'a fixed offset for a time zone',
        create({ timeZone: 'UTC+7' }),
        /^timeZone: must be an IANA time zone/,
      ],
      [
        'an unknown policy',
        create({ geofencePolicy: 'strict' }),
        /^geofencePolicy: must be off, flag or require$/,
      ],
      [
        'a negative accuracy cap',
        create({ maxAccuracyM: -1 }),
        /^maxAccuracyM: must be from 0 to 5000 metres$/,
      ],
      [
        'a change of nothing',
        () => admin.trpc.admin.sites.update.mutate({ id: 1 }),
        /^must change at least one field$/,
      ],
      ['an id that is no id', () => admin.trpc.admin.sites.deactivate.mutate({ id: 0 }), /^id: /],
      [
        'a site id that is no id',
        () => admin.trpc.admin.sites.assign.mutate({ userId: employeeId, siteIds: [1, -2] }),
        /^siteIds\.1: /,
      ],
      [
        'too many sites',
        () =>
          admin.trpc.admin.sites.assign.mutate({
            userId: employeeId,
            siteIds: Array.from({ length: 51 }, (_, index) => index + 1),
          }),
        /^siteIds: must name at most 50 sites$/,
      ],
    ])(
      'refuses %s with BAD_REQUEST naming the field, changing nothing',
      async (_, call, message) => {
        await expectBadInput(fixture, call, message);
      },
    );
  });
});
