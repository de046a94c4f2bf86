/**
 * What the accessibility, screenshot and keyboard tests share: the people and shifts they stand
 * on (fixed names, fixed past dates, so the screens look the same on every run), the two devices
 * (a 360×640 phone, a 1366×768 laptop), the two languages, signing in without English labels,
 * moving between screens without a reload, and axe-core run inside the page.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type AxeCore from 'axe-core';
import pixelmatch from 'pixelmatch';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { testEnvironment } from '@absensi/config';
import { ADMIN, ARTIFACTS, type Stack } from './harness.js';

const require = createRequire(import.meta.url);

export type Lang = 'id' | 'en';
export const LANGS: Lang[] = ['id', 'en'];

export const SIZES = {
  phone: {
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
  },
  laptop: { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
} satisfies Record<string, BrowserContextOptions>;
export type Size = keyof typeof SIZES;

/**
 * The instant the pages' clocks stand still at (and the screenshot suite's server clock starts
 * from): Tuesday 20 October 2026, 18:00 in Jakarta, after the day's seeded shifts ended.
 */
export const FIXED_NOW = new Date('2026-10-20T11:00:00Z');
export const FIXED_DAY = '2026-10-20';
export const FIXED_MONTH = '2026-10';

/** Whoever the screens show: the same names, departments and shifts on every run. */
export interface Seeded {
  employee: { id: number; email: string; password: string; name: string };
}

const PEOPLE = [
  { name: 'Siti Rahma', department: 'Operasional' },
  { name: 'Budi Santoso', department: 'Gudang' },
  { name: 'Dewi Lestari', department: 'Keuangan' },
];
/** Jakarta is UTC+7 all year: these are 08:00–17:00 and 08:20–17:05 local. */
const SHIFTS: [day: string, inAt: string, outAt: string][] = [
  ['2026-10-19', '01:00', '10:00'],
  ['2026-10-20', '01:20', '10:05'],
];

/**
 * Makes three employees (the first with a known password) and gives each the same two shifts in
 * October 2026, added by the admin with a reason. Emails carry `tag` so suites sharing a database
 * never collide; the screens the screenshots cover show names, not emails.
 */
export async function seed(stack: Stack, tag: string): Promise<Seeded> {
  const password = 'employee-password-1';
  const made = [];
  for (const [index, person] of PEOPLE.entries()) {
    const email = `${tag}-${index}@example.com`;
    const created = await stack.admin.admin.users.create.mutate({ ...person, email, password });
    made.push({ id: created.user.id, email, password, name: person.name });
    for (const [day, inAt, outAt] of SHIFTS) {
      await stack.admin.admin.attendance.add.mutate({
        userId: created.user.id,
        clockInAt: `${day}T${inAt}:00.000Z`,
        clockOutAt: `${day}T${outAt}:00.000Z`,
        reason: 'Lupa absen',
      });
    }
  }
  return { employee: made[0]! };
}

/**
 * A browser profile of one size speaking one language (its locale picks the app's language the
 * first time it opens). The page's Content-Security-Policy is bypassed so axe-core's script can be
 * injected; the other browser tests keep it.
 */
export function contextOptions(size: Size, lang: Lang): BrowserContextOptions {
  return {
    ...SIZES[size],
    locale: lang === 'id' ? 'id-ID' : 'en-GB',
    timezoneId: 'Asia/Jakarta',
    bypassCSP: true,
  };
}

/** Opens the app with its clock stopped at FIXED_NOW and the language set, and signs in. */
export async function signInAs(page: Page, url: string, email: string, password: string) {
  page.setDefaultTimeout(15_000);
  await page.clock.setFixedTime(FIXED_NOW);
  await page.goto(url);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.locator('input[type=password]').press('Enter');
  await page.locator('nav a').first().waitFor();
  return page;
}

export const signInAdmin = (page: Page, url: string) =>
  signInAs(page, url, ADMIN.email, ADMIN.password);

/** Goes to a path inside the app as its own links do (no reload), and waits for its heading. */
export async function go(page: Page, path: string) {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.locator('main h1').first().waitFor();
  await settle(page);
}

/** Waits until nothing is loading: no "Loading…" fallback, and the network quiet. */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // A live notice (what an admin changed, replayed from the day's reading) floats over the header
  // when the seed's changes are less than a minute old: dismissed, so every shot shows the page.
  const notice = page.getByTestId('notice');
  if (await notice.count()) await notice.getByRole('button').click();
  await page.waitForFunction(
    () =>
      !Array.from(document.querySelectorAll('main p.muted')).some((p) =>
        /^(Loading|Memuat)…$/.test(p.textContent ?? ''),
      ),
    null,
    { timeout: 5_000 },
  );
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) over the page as it stands and returns its serious
 * and critical violations, each with the elements it found them on.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: require.resolve('axe-core') });
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof AxeCore }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
  });
}

const SCREENSHOTS = fileURLToPath(new URL('./screenshots', import.meta.url));
/** A pixel counts as changed past pixelmatch's colour threshold; this share of them may change. */
const PIXEL_THRESHOLD = 0.1;
const MAX_CHANGED_RATIO = 0.005;

/** Whether this run writes the references instead of comparing with them (UPDATE_SCREENSHOTS=1). */
export const updatingScreenshots = () => testEnvironment().updateScreenshots;

/**
 * Compares what the page shows (its viewport, `mask`ed parts painted over) with the committed
 * reference test/screenshots/<name>.png, or writes that reference when UPDATE_SCREENSHOTS=1.
 * Returns null when they match (at most 0.5 % of pixels changed), else why not; the new image and
 * a diff go to test-artifacts/ for a person to look at.
 */
export async function compareScreenshot(
  page: Page,
  name: string,
  mask: Locator[] = [],
): Promise<string | null> {
  const shot = await page.screenshot({ animations: 'disabled', caret: 'hide', mask });
  const reference = join(SCREENSHOTS, `${name}.png`);
  if (updatingScreenshots()) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(reference, shot);
    return null;
  }
  if (!existsSync(reference))
    return `${name}: no reference image; run UPDATE_SCREENSHOTS=1 npx vitest run test/screens.test.ts`;
  const actual = PNG.sync.read(shot);
  const expected = PNG.sync.read(readFileSync(reference));
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${name}.actual.png`), shot);
  if (actual.width !== expected.width || actual.height !== expected.height)
    return `${name}: ${actual.width}×${actual.height}, the reference is ${expected.width}×${expected.height}`;
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
  });
  const ratio = changed / (actual.width * actual.height);
  if (ratio <= MAX_CHANGED_RATIO) return null;
  writeFileSync(join(ARTIFACTS, `${name}.diff.png`), PNG.sync.write(diff));
  return `${name}: ${(ratio * 100).toFixed(2)} % of pixels changed (see test-artifacts/${name}.diff.png)`;
}
