import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repos } from '@absensi/db';
import { dialectsUnderTest, hideTable } from '@absensi/db/testing';
import type { Actor } from '../actor.js';
import { useCaseDeps } from '../testing/deps.js';
import { actorWithRole, refusal } from '../testing/refusal.js';
import { assignSites, createSite, deactivateSite, updateSite, type SiteInput } from './manage.js';
import { listSites, siteAssignmentsOf, sitesOfUser } from './queries.js';
import { geofenceCheck, geofenceDecision } from './rules.js';

const dialects = await dialectsUnderTest();

const jakarta: SiteInput = {
  name: 'Kantor Jakarta',
  lat: -6.175392,
  lng: 106.827153,
  radiusM: 150,
  timeZone: 'Asia/Jakarta',
  geofencePolicy: 'require',
};
const makassar: SiteInput = {
  name: 'Gudang Makassar',
  lat: -5.147665,
  lng: 119.432732,
  radiusM: 300,
  timeZone: 'Asia/Makassar',
  geofencePolicy: 'flag',
  maxAccuracyM: 50,
};

describe.each(dialects)('sites and their employees on %s', (dialect) => {
  let deps: Awaited<ReturnType<typeof useCaseDeps>>;
  let admin: Actor;
  let employeeId: number;

  beforeAll(async () => {
    deps = await useCaseDeps(dialect);
    admin = await actorWithRole(deps.db, 'admin');
    employeeId = (await actorWithRole(deps.db, 'employee')).id;
  });
  afterAll(async () => {
    await deps?.close();
  });

  const auditActions = async (entityType: string, id: number) =>
    (await repos.audit.ofEntity(deps.db, entityType, id)).map((entry) => entry.action);

  it('creates a site with its audit row, and refuses a taken name or an unknown time zone', async () => {
    const site = await createSite(deps, admin, jakarta);
    expect(site).toMatchObject({ ...jakarta, maxAccuracyM: 100, active: true });
    expect(await auditActions('site', site.id)).toEqual(['site.create']);
    expect(await refusal(createSite(deps, admin, { ...jakarta, lat: 0 }))).toEqual({
      code: 'CONFLICT',
      field: 'name',
      message:
        'Another site is already called "Kantor Jakarta" (it may be inactive): choose another name.',
    });
    expect(
      await refusal(createSite(deps, admin, { ...makassar, timeZone: 'Asia/Ujung_Pandang_X' })),
    ).toMatchObject({ code: 'INVALID', field: 'timeZone' });
    expect(await refusal(updateSite(deps, admin, site.id, { timeZone: 'UTC+7' }))).toMatchObject({
      code: 'INVALID',
      field: 'timeZone',
    });
    expect((await listSites(deps)).map((listed) => listed.name)).toEqual(['Kantor Jakarta']);
  });

  it('changes a site, keeping what was not given, and refuses an unknown one', async () => {
    const [site] = await listSites(deps);
    const changed = await updateSite(deps, admin, site!.id, {
      radiusM: 200,
      geofencePolicy: 'flag',
      name: undefined,
    });
    expect(changed).toMatchObject({ name: 'Kantor Jakarta', radiusM: 200, geofencePolicy: 'flag' });
    expect(await auditActions('site', site!.id)).toEqual(['site.create', 'site.update']);
    expect(await refusal(updateSite(deps, admin, 999_999, { radiusM: 20 }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    await updateSite(deps, admin, site!.id, { radiusM: 150, geofencePolicy: 'require' });
  });

  it("assigns an employee's sites, the primary first, and checks a tap against them", async () => {
    const [office] = await listSites(deps);
    // Stored by its canonical name, whatever spelling the admin used.
    const warehouse = await createSite(deps, admin, {
      ...makassar,
      timeZone: 'Asia/Ujung_Pandang',
    });
    expect(warehouse.timeZone).toBe('Asia/Makassar');
    const assigned = await assignSites(deps, admin, {
      userId: employeeId,
      siteIds: [office!.id, warehouse.id],
      primarySiteId: warehouse.id,
    });
    expect(assigned.sites.map((site) => [site.name, site.isPrimary])).toEqual([
      ['Gudang Makassar', true],
      ['Kantor Jakarta', false],
    ]);
    const sites = await sitesOfUser(deps, employeeId);
    expect(sites).toEqual(
      assigned.sites.map((site) => ({
        id: site.id,
        name: site.name,
        lat: site.lat,
        lng: site.lng,
        radiusM: site.radiusM,
        timeZone: site.timeZone,
        geofencePolicy: site.geofencePolicy,
        maxAccuracyM: site.maxAccuracyM,
        isPrimary: site.isPrimary,
      })),
    );
    expect(sites[0]).toMatchObject({ timeZone: 'Asia/Makassar', lat: -5.147665, maxAccuracyM: 50 });
    // In the warehouse yard, then in Jakarta 401 m from the office (its policy: require).
    expect(geofenceCheck({ lat: -5.1485, lng: 119.4335, accuracy: 10 }, sites)).toMatchObject({
      site: { name: 'Gudang Makassar' },
      verdict: 'inside',
    });
    const inJakarta = geofenceCheck({ lat: -6.179, lng: 106.8275 }, sites);
    expect(geofenceDecision(inJakarta)).toMatchObject({
      outcome: 'refused',
      siteId: office!.id,
      reason: 'You are 401 m from Kantor Jakarta; you need to be within 150 m.',
    });
    expect((await listSites(deps)).map((site) => [site.name, site.employees])).toEqual([
      ['Gudang Makassar', 1],
      ['Kantor Jakarta', 1],
    ]);
  });

  it('makes the first site primary when none is named, and unassigns with an empty list', async () => {
    const [warehouse, office] = await listSites(deps);
    const assigned = await assignSites(deps, admin, {
      userId: employeeId,
      siteIds: [office!.id, warehouse!.id, office!.id],
    });
    expect(assigned.sites.map((site) => [site.name, site.isPrimary])).toEqual([
      ['Kantor Jakarta', true],
      ['Gudang Makassar', false],
    ]);
    expect((await assignSites(deps, admin, { userId: employeeId, siteIds: [] })).sites).toEqual([]);
    expect(await sitesOfUser(deps, employeeId)).toEqual([]);
    expect(await auditActions('user', employeeId)).toEqual([
      'user.assign_sites',
      'user.assign_sites',
      'user.assign_sites',
    ]);
  });

  it('refuses an assignment to a user or site that does not exist, an inactive site, or a primary site not assigned', async () => {
    const [warehouse, office] = await listSites(deps);
    await assignSites(deps, admin, { userId: employeeId, siteIds: [office!.id] });
    const before = await siteAssignmentsOf(deps, employeeId);
    expect(
      await refusal(assignSites(deps, admin, { userId: 999_999, siteIds: [office!.id] })),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
    expect(
      await refusal(
        assignSites(deps, admin, { userId: employeeId, siteIds: [office!.id, 424_242] }),
      ),
    ).toEqual({ code: 'NOT_FOUND', field: 'siteIds', message: 'There is no site with id 424242.' });
    expect(
      await refusal(
        assignSites(deps, admin, {
          userId: employeeId,
          siteIds: [office!.id],
          primarySiteId: warehouse!.id,
        }),
      ),
    ).toMatchObject({ code: 'INVALID', field: 'primarySiteId' });
    const closed = await createSite(deps, admin, { ...makassar, name: 'Closed depot' });
    await deactivateSite(deps, admin, closed.id);
    expect(
      await refusal(assignSites(deps, admin, { userId: employeeId, siteIds: [closed.id] })),
    ).toEqual({
      code: 'INVALID',
      field: 'siteIds',
      message: 'siteIds: Closed depot is inactive; reactivate it first',
    });
    expect(await siteAssignmentsOf(deps, employeeId)).toEqual(before);
  });

  it("leaves a deactivated site out of the employee's sites, and keeps the assignment for a reactivation", async () => {
    const [warehouse, office] = await listSites(deps, { active: true });
    await assignSites(deps, admin, {
      userId: employeeId,
      siteIds: [office!.id, warehouse!.id],
      primarySiteId: office!.id,
    });
    await deactivateSite(deps, admin, office!.id);
    expect((await sitesOfUser(deps, employeeId)).map((site) => site.name)).toEqual([
      'Gudang Makassar',
    ]);
    expect((await siteAssignmentsOf(deps, employeeId)).sites.map((site) => site.active)).toEqual([
      false,
      true,
    ]);
    await updateSite(deps, admin, office!.id, { active: true });
    expect((await sitesOfUser(deps, employeeId)).map((site) => site.name)).toEqual([
      'Kantor Jakarta',
      'Gudang Makassar',
    ]);
    expect(await auditActions('site', office!.id)).toContain('site.deactivate');
  });

  it('leaves one whole assignment, with one primary site, when two admins assign at once', async () => {
    const [warehouse, office] = await listSites(deps, { active: true });
    const a = {
      userId: employeeId,
      siteIds: [office!.id, warehouse!.id],
      primarySiteId: office!.id,
    };
    const b = { userId: employeeId, siteIds: [warehouse!.id], primarySiteId: warehouse!.id };
    for (let round = 0; round < 5; round += 1) {
      await Promise.all([assignSites(deps, admin, a), assignSites(deps, admin, b)]);
      const { sites } = await siteAssignmentsOf(deps, employeeId);
      const shape = {
        siteIds: sites.map((site) => site.id).sort(),
        primarySiteId: sites.find((site) => site.isPrimary)?.id,
      };
      expect(
        [a, b].map(({ siteIds, primarySiteId }) => ({
          siteIds: [...siteIds].sort(),
          primarySiteId,
        })),
      ).toContainEqual(shape);
      expect(sites.filter((site) => site.isPrimary)).toHaveLength(1);
    }
  });

  it('changes nothing when the audit row cannot be written', async () => {
    const [warehouse, office] = await listSites(deps, { active: true });
    const assignments = await siteAssignmentsOf(deps, employeeId);
    const restore = await hideTable(deps.db, 'audit_log');
    try {
      await expect(createSite(deps, admin, { ...jakarta, name: 'Never' })).rejects.toThrow();
      await expect(updateSite(deps, admin, office!.id, { radiusM: 999 })).rejects.toThrow();
      await expect(
        assignSites(deps, admin, { userId: employeeId, siteIds: [office!.id] }),
      ).rejects.toThrow();
    } finally {
      await restore();
    }
    expect((await listSites(deps)).map((site) => site.name)).not.toContain('Never');
    expect((await repos.sites.byId(deps.db, office!.id))?.radiusM).toBe(150);
    expect(await siteAssignmentsOf(deps, employeeId)).toEqual(assignments);
    expect(warehouse).toBeDefined();
  });
});
