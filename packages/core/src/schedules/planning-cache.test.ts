import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '@absensi/db/testing';
import type { Actor } from '../actor.js';
import { assignSites, createSite, deactivateSite } from '../sites/manage.js';
import { sitesOfUser } from '../sites/queries.js';
import { useCaseDeps } from '../testing/deps.js';
import { actorWithRole } from '../testing/refusal.js';
import { setRosterDay } from './manage.js';
import { PlanningCache } from './planning-cache.js';
import { plansOf } from './plans.js';
import { nextDate } from './rules.js';

const dialects = await dialectsUnderTest();

/** Today's UTC date, "YYYY-MM-DD". */
const today = () => new Date().toISOString().slice(0, 10);

describe.each(dialects)(
  'who has a roster override or a site, held for clock-ins, on %s',
  (dialect) => {
    let deps: Awaited<ReturnType<typeof useCaseDeps>>;
    let admin: Actor;
    let rostered: number;
    let unrostered: number;

    beforeAll(async () => {
      deps = await useCaseDeps(dialect);
      admin = await actorWithRole(deps.db, 'admin');
      rostered = (await actorWithRole(deps.db, 'employee', 'Rostered')).id;
      unrostered = (await actorWithRole(deps.db, 'employee', 'Unrostered')).id;
    });
    afterAll(async () => {
      await deps?.close();
    });

    it('skips the reads for people without, and sees a change made through this process at once', async () => {
      // The days a clock-in now reads: the day before its date to the day after.
      const around = { from: nextDate(today(), -1), to: nextDate(today(), 1) };
      expect(await deps.planning.mayHaveOverrides([rostered, unrostered], around)).toBe(false);
      expect(await deps.planning.sitesOf(rostered)).toEqual([]);

      await setRosterDay(deps, admin, { userId: rostered, date: today(), shiftTypeId: null });
      expect(await deps.planning.mayHaveOverrides([rostered], around)).toBe(true);
      expect(await deps.planning.mayHaveOverrides([unrostered, rostered], around)).toBe(true);
      expect(await deps.planning.mayHaveOverrides([unrostered], around)).toBe(false);
      // A tap kept on a phone for days is read against the roster of its own dates.
      expect(
        await deps.planning.mayHaveOverrides([unrostered], {
          from: '2020-01-01',
          to: '2020-01-03',
        }),
      ).toBe(true);
      // Nor is a plan read weeks ahead.
      expect(
        await deps.planning.mayHaveOverrides([unrostered], {
          from: today(),
          to: nextDate(today(), 20),
        }),
      ).toBe(true);
      const plans = await plansOf(deps, [{ id: rostered, department: null }], {
        from: around.from,
        to: today(),
      });
      expect(plans.get(rostered)?.at(-1)).toMatchObject({ kind: 'off', source: 'override' });

      const site = (name: string, lat: number, lng: number, timeZone: string) =>
        createSite(deps, admin, {
          name,
          lat,
          lng,
          radiusM: 100,
          timeZone,
          geofencePolicy: 'require',
        });
      const surabaya = await site('Kantor Surabaya', -7.2575, 112.7521, 'Asia/Jakarta');
      const bali = await site('Gudang Bali', -8.6705, 115.2126, 'Asia/Makassar');
      await assignSites(deps, admin, {
        userId: rostered,
        siteIds: [bali.id, surabaya.id],
        primarySiteId: surabaya.id,
      });
      // The same sites, in the same order (the primary first), as the read they spare.
      const held = await deps.planning.sitesOf(rostered);
      expect(held).toEqual(await sitesOfUser(deps, rostered));
      expect(held?.map((one) => [one.name, one.isPrimary, one.lat])).toEqual([
        ['Kantor Surabaya', true, -7.2575],
        ['Gudang Bali', false, -8.6705],
      ]);
      expect(await deps.planning.sitesOf(unrostered)).toEqual([]);
      await deactivateSite(deps, admin, bali.id);
      expect((await deps.planning.sitesOf(rostered))?.map((one) => one.name)).toEqual([
        'Kantor Surabaya',
      ]);
    });

    it("sees another process's change within its time to live, and holds no one past its limit", async () => {
      const elsewhere = new PlanningCache(deps.db, 300);
      const newcomer = (await actorWithRole(deps.db, 'employee', 'Newcomer')).id;
      expect(await elsewhere.mayHaveOverrides([newcomer], { from: today(), to: today() })).toBe(
        false,
      );
      await setRosterDay(deps, admin, { userId: newcomer, date: today(), shiftTypeId: null });
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await elsewhere.mayHaveOverrides([newcomer], { from: today(), to: today() })).toBe(
        true,
      );

      // Two people have overrides and one has an active site: a cache holding at most one holds no
      // one's overrides, and one holding none no one's sites; each then reads for everyone.
      const holdsOne = new PlanningCache(deps.db, 5_000, { rosteredPeople: 1, siteAssignments: 1 });
      expect(await holdsOne.mayHaveOverrides([unrostered], { from: today(), to: today() })).toBe(
        true,
      );
      expect(await holdsOne.sitesOf(unrostered)).toEqual([]);
      const holdsNone = new PlanningCache(deps.db, 5_000, {
        rosteredPeople: 0,
        siteAssignments: 0,
      });
      expect(await holdsNone.sitesOf(unrostered)).toBeNull();
    });
  },
);
