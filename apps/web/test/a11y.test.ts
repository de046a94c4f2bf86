/**
 * Every screen, as an employee on a 360×640 phone and an HR admin on a 1366×768 laptop, in
 * Bahasa Indonesia and in English, passes axe-core's WCAG 2.1 A/AA rules with no serious or
 * critical violation (the attendance screen with its correction dialog open).
 */
import { describe, expect, it } from 'vitest';
import { checkPrerequisites, useStack } from './harness.js';
import {
  contextOptions,
  go,
  LANGS,
  seed,
  seriousViolations,
  settle,
  signInAdmin,
  signInAs,
  type AxeFinding,
  type Seeded,
  SIZES,
  type Size,
} from './screens-kit.js';

const ready = checkPrerequisites();

const EMPLOYEE_SCREENS = ['/', '/history', '/requests', '/notifications', '/account'];
const ADMIN_SCREENS = [
  '/admin',
  '/admin/attendance',
  '/admin/export',
  '/admin/recap',
  '/admin/requests',
  '/admin/users',
  '/admin/shifts',
  '/admin/schedules',
  '/admin/roster',
  '/admin/sites',
  '/admin/holidays',
  '/admin/settings',
  '/admin/system',
];

const describeLine = (where: string, found: AxeFinding[]) =>
  found.map((v) => `${where}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);

describe.skipIf(!ready)('accessibility of every screen (axe-core)', () => {
  const suite = useStack();
  let people: Seeded | undefined;
  const seeded = async () => (people ??= await seed(suite.stack, `a11y-${Date.now()}`));
  let checked = 0;

  for (const size of ['phone', 'laptop'] as Size[]) {
    for (const lang of LANGS) {
      it(`has no serious or critical violation on a ${size} in ${lang}`, async () => {
        const { employee } = await seeded();
        const { stack } = suite;
        const found: string[] = [];
        const check = async (where: string) => {
          checked += 1;
          found.push(...describeLine(`${size}/${lang} ${where}`, await seriousViolations(page)));
        };

        const context = await suite.newContext(contextOptions(size, lang));
        let page = await context.newPage();
        await page.clock.setFixedTime(new Date());
        await page.goto(stack.url);
        await page.locator('input[type=email]').waitFor();
        await check('sign-in');
        await signInAs(page, stack.url, employee.email, employee.password);
        for (const path of EMPLOYEE_SCREENS) {
          await go(page, path);
          await check(path);
          // Nothing on an employee's screen scrolls the page sideways, even at 360 px.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
          if (path === '/') {
            // The clock button is on the first screen, above the fold.
            const tap = await page.getByTestId('tap').boundingBox();
            expect(tap!.y + tap!.height).toBeLessThanOrEqual(SIZES[size].viewport.height);
          }
        }

        const adminContext = await suite.newContext(contextOptions(size, lang));
        page = await adminContext.newPage();
        await signInAdmin(page, stack.url);
        for (const path of ADMIN_SCREENS) {
          await go(page, path);
          await check(path);
          if (path === '/admin/attendance') {
            await page.locator('[data-testid="attendance-row"] button').first().click();
            await page.getByRole('dialog').waitFor();
            await settle(page);
            await check(`${path} (correction dialog)`);
            await page.keyboard.press('Escape');
            await page.getByRole('dialog').waitFor({ state: 'detached' });
          }
        }
        expect(found, found.join('\n')).toEqual([]);
      }, 120_000);
    }
  }

  it('checked every screen in both languages at both sizes', () => {
    // sign-in + 5 employee screens + 13 admin screens + the correction dialog, 4 times.
    expect(checked).toBe(4 * (1 + EMPLOYEE_SCREENS.length + ADMIN_SCREENS.length + 1));
  });
});
