/**
 * The screens people look at most, compared pixel by pixel with committed references
 * (test/screenshots/*.png): the clock and the history (an employee), the dashboard, a correction
 * and the export (an admin), in Bahasa Indonesia and English, on a 360×640 phone and a 1366×768
 * laptop. The pages' clocks stand still and the data is fixed. What follows the server's own
 * clock (today's plan on the clock, the dashboard's day, its counts and who is not yet in, which
 * depend on the weekday and the hour the test runs), when changes were made, the feed and the list
 * of exports are masked. UPDATE_SCREENSHOTS=1 rewrites the references.
 */
import { describe, expect, it } from 'vitest';
import { checkPrerequisites, useStack } from './harness.js';
import {
  compareScreenshot,
  contextOptions,
  FIXED_MONTH,
  go,
  LANGS,
  seed,
  settle,
  signInAdmin,
  signInAs,
  type Seeded,
  type Size,
} from './screens-kit.js';

const ready = checkPrerequisites();

describe.skipIf(!ready)('the screens look as they did', () => {
  const suite = useStack();
  let people: Seeded | undefined;
  const seeded = async () => (people ??= await seed(suite.stack, 'screens'));

  for (const size of ['phone', 'laptop'] as Size[]) {
    for (const lang of LANGS) {
      it(`clock, history, dashboard, correction and export on a ${size} in ${lang}`, async () => {
        const { employee } = await seeded();
        const { stack } = suite;
        const differences: string[] = [];
        const compare = async (screen: string, mask: string[] = []) => {
          const masked = mask.map((selector) => page.locator(selector));
          const found = await compareScreenshot(page, `${screen}-${lang}-${size}`, masked);
          if (found) differences.push(found);
        };
        // No service worker: its "ready to work offline" toast would come and go mid-shot.
        const options = { ...contextOptions(size, lang), serviceWorkers: 'block' as const };

        let page = await (await suite.newContext(options)).newPage();
        await signInAs(page, stack.url, employee.email, employee.password);
        await page.getByTestId('clock-state').waitFor();
        await settle(page);
        await compare('clock', ['.clock-card p.small']);
        await go(page, '/history');
        await page.getByTestId('month-codes').waitFor();
        await compare('history');

        page = await (await suite.newContext(options)).newPage();
        await signInAdmin(page, stack.url);
        await go(page, '/admin');
        await page.locator('[data-testid="live"].on').waitFor();
        await settle(page);
        await compare('dashboard', [
          '[data-testid="dashboard-day"]',
          '[data-testid="counts"] .stat-value',
          'section[aria-labelledby="present-title"]',
          '[data-testid="feed"]',
        ]);

        await go(page, '/admin/attendance');
        await page.locator('[data-testid="attendance-row"] button').first().click();
        await page.getByTestId('audit').locator('li').first().waitFor();
        await settle(page);
        await compare('correction', ['ul.audit']);
        await page.keyboard.press('Escape');

        await go(page, '/admin/export');
        await page.locator('input[type=month]').fill(FIXED_MONTH);
        await page.getByTestId('export').click();
        await page.getByTestId('download').waitFor({ timeout: 30_000 });
        await page.getByTestId('job-rows').waitFor();
        await settle(page);
        await compare('export', ['ul.records']);

        expect(differences, differences.join('\n')).toEqual([]);
      }, 120_000);
    }
  }
});
