import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContextOptions, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  apiClient,
  ARTIFACTS,
  checkPrerequisites,
  LAUNCH,
  useStack,
  type Stack,
} from './harness.js';
import { DESKTOP, PHONE, goOffline, signIn, waitFor } from './pages.js';

const ready = checkPrerequisites();

/** The taps waiting in the page's IndexedDB queue. */
function queuedTaps(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ key: string; kind: string; at: string }[]>((resolve, reject) => {
        const open = indexedDB.open('absensi-taps');
        open.onerror = () => reject(new Error('cannot open the tap queue'));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('taps', 'readonly').objectStore('taps').getAll();
          request.onsuccess = () => {
            resolve(request.result as { key: string; kind: string; at: string }[]);
            db.close();
          };
          request.onerror = () => reject(new Error('cannot read the tap queue'));
        };
      }),
  );
}

describe.skipIf(!ready)('the PWA in Chromium against a real node', () => {
  const suite = useStack();
  const newContext = (options: BrowserContextOptions) => suite.newContext(options);
  let stack: Stack;
  beforeAll(() => {
    stack = suite.stack;
  });

  const recordsOf = async (userId: number) => {
    const today = new Date();
    const from = new Date(today.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(today.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const list = await stack.admin.admin.attendance.list.query({ from, to, userId });
    return list.items;
  };

  it('signs in, clocks in and out at a phone-sized viewport', async () => {
    const person = await stack.employee('Siti Rahma');
    const context = await newContext(PHONE);
    const page = await context.newPage();
    const served = await page.goto(stack.url);
    // The page is served under the policy that the rest of these tests run under.
    expect(served?.headers()['content-security-policy']).toMatch(
      /^default-src 'self';script-src 'self';style-src 'self';.*frame-ancestors 'none'/,
    );
    expect(served?.headers()['x-frame-options']).toBe('DENY');
    await signIn(page, stack.url, person.email, person.password);

    const state = page.getByTestId('clock-state');
    await expect.poll(() => state.textContent()).toBe('Not clocked in');
    const button = page.getByTestId('tap');
    const box = await button.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);

    await button.click();
    await expect.poll(() => state.textContent()).toBe('Clocked in');
    await expect
      .poll(() => page.getByTestId('answer').textContent())
      .toMatch(/Clocked in at \d\d:\d\d (On time|Late (\d+ h )?\d+ min|Late \d+ h)$/);
    expect(await button.textContent()).toBe('Clock out');
    await page.screenshot({ path: join(ARTIFACTS, 'employee-en.png'), fullPage: true });

    await page.getByLabel('Language').selectOption('id');
    await expect.poll(() => state.textContent()).toBe('Sudah masuk');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await page.screenshot({ path: join(ARTIFACTS, 'employee-id.png'), fullPage: true });
    await page.getByLabel('Bahasa').selectOption('en');

    await button.click();
    await expect.poll(() => state.textContent()).toBe('Not clocked in');
    await expect
      .poll(() => page.getByTestId('answer').textContent())
      .toMatch(/Clocked out at \d\d:\d\d/);

    const records = await recordsOf(person.id);
    expect(records).toHaveLength(1);
    expect(records[0]!.clockOutAt).not.toBeNull();
    expect(records[0]!.clockInNode).toBe('api-1');

    // The month's history has the shift, and the month as the recap counts it: today is a day
    // worked (H, T, PC or TP on the schedule, K without one).
    await page.getByRole('link', { name: 'History' }).click();
    await expect
      .poll(() => page.getByTestId('month-codes').textContent())
      .toMatch(/\d(H|T|PC|TP|K)(\d|·|$)/);
    expect(await page.locator('tbody tr').count()).toBe(1);

    // Reopened later, the session is still there.
    const again = await context.newPage();
    const reads: string[] = [];
    again.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/trpc/')) reads.push(path.slice('/trpc/'.length));
    });
    await again.goto(stack.url);
    await expect.poll(() => again.getByTestId('clock-state').textContent()).toBe('Not clocked in');
    // The session check, the day and the week went first, in one request (preloaded by
    // index.html); the session was checked once. (Replayed live events may read the day again.)
    await again.waitForLoadState('networkidle');
    expect(reads[0]).toBe('auth.me,attendance.today,attendance.schedule');
    expect(reads.filter((procedures) => procedures.includes('auth.me'))).toHaveLength(1);
  });

  it('keeps a tap made offline, through a reopen, and sends it exactly once when the network returns', async () => {
    const person = await stack.employee('Budi Santoso');
    const context = await newContext(PHONE);
    let page = await context.newPage();
    await signIn(page, stack.url, person.email, person.password);
    await expect.poll(() => page.getByTestId('clock-state').textContent()).toBe('Not clocked in');
    // The service worker has precached the app shell, so the app opens without a network.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    const backOnline = await goOffline(context);
    const before = Date.now();
    await page.getByTestId('tap').click();
    await expect.poll(() => page.getByTestId('pending').isVisible()).toBe(true);
    expect(await page.getByTestId('pending').textContent()).toContain('Waiting to sync');
    expect(await page.getByTestId('clock-state').textContent()).toBe('Clocked in');
    const [queued] = await queuedTaps(page);
    expect(queued?.kind).toBe('clockIn');
    const tapAt = Date.parse(queued!.at);
    expect(tapAt).toBeGreaterThanOrEqual(before - 1_000);
    expect(tapAt).toBeLessThanOrEqual(Date.now());

    // Close the app and open it again, still offline.
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    page = await context.newPage();
    await page.goto(stack.url);
    await expect.poll(() => page.getByTestId('pending').textContent()).toContain('Waiting to sync');
    expect(await page.getByTestId('clock-state').textContent()).toBe('Clocked in');
    expect(await recordsOf(person.id)).toHaveLength(0);

    await backOnline();
    await expect.poll(() => page.getByTestId('pending').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => queuedTaps(page)).toEqual([]);
    expect(await page.getByTestId('clock-state').textContent()).toBe('Clocked in');

    const records = await recordsOf(person.id);
    expect(records).toHaveLength(1);
    expect(records[0]!.clockInClientAt).toBe(new Date(tapAt).toISOString());
    expect(Date.parse(records[0]!.clockInAt)).toBeGreaterThan(tapAt);
  });

  it("updates an admin's dashboard within a second when an employee clocks in", async () => {
    const person = await stack.employee('Dewi Lestari', 'Finance');
    const adminContext = await newContext(DESKTOP);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, stack.url, ADMIN.email, ADMIN.password);
    await expect.poll(() => adminPage.getByTestId('clock-state').isVisible()).toBe(true);
    await adminPage.getByRole('link', { name: 'Dashboard' }).click();
    await expect
      .poll(() => adminPage.getByTestId('live').textContent(), { timeout: 10_000 })
      .toBe('Live');

    const employeeContext = await newContext({
      ...PHONE,
      permissions: ['geolocation'],
      geolocation: { latitude: -6.2, longitude: 106.8167, accuracy: 20 },
    });
    const employeePage = await employeeContext.newPage();
    await signIn(employeePage, stack.url, person.email, person.password);
    await expect
      .poll(() => employeePage.getByTestId('clock-state').textContent())
      .toBe('Not clocked in');

    const feedHas = (text: string) => () =>
      adminPage.evaluate(
        (wanted) =>
          document.querySelector('[data-testid="feed"]')?.textContent?.includes(wanted) ?? false,
        text,
      );
    expect(await feedHas('Dewi Lestari clocked in')()).toBe(false);
    await employeePage.getByTestId('tap').click();
    await expect.poll(() => employeePage.getByTestId('answer').isVisible()).toBe(true);
    const answered = Date.now();
    await waitFor(feedHas('Dewi Lestari clocked in'), 1_000, 'the clock-in on the admin dashboard');
    expect(Date.now() - answered).toBeLessThanOrEqual(1_000);
    // HR screens show people; which node took the tap is on the admin's System page.
    expect(await adminPage.getByTestId('feed').textContent()).not.toContain('api-1');
    await expect
      .poll(() => adminPage.getByTestId('present').textContent())
      .toContain('Dewi Lestari');

    // One event, shown once.
    const feedItems = await adminPage
      .getByTestId('feed')
      .locator('li', { hasText: 'Dewi Lestari clocked in' })
      .count();
    expect(feedItems).toBe(1);

    await adminPage.screenshot({ path: join(ARTIFACTS, 'dashboard-en.png'), fullPage: true });
    await adminPage.getByLabel('Language').selectOption('id');
    await expect
      .poll(() => adminPage.getByTestId('feed').textContent())
      .toContain('Dewi Lestari absen masuk');
    await adminPage.screenshot({ path: join(ARTIFACTS, 'dashboard-id.png'), fullPage: true });

    await adminPage.getByLabel('Bahasa').selectOption('en');
    await adminPage.getByRole('link', { name: 'System' }).click();
    await expect.poll(() => adminPage.getByTestId('system-live').textContent()).toBe('Live');
    await expect
      .poll(() => adminPage.getByTestId('nodes').textContent())
      .toMatch(/^api-1Clock-ins \d+ · Clock-outs \d+ · last tap \d\d:\d\d$/);
  });

  it('catches up after the live connection drops, without showing an event twice', async () => {
    const person = await stack.employee('Eko Prasetyo', 'Logistics');
    const adminContext = await newContext(DESKTOP);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, stack.url, ADMIN.email, ADMIN.password);
    await expect.poll(() => adminPage.getByTestId('clock-state').isVisible()).toBe(true);
    await adminPage.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => adminPage.getByTestId('live').textContent()).toBe('Live');

    const drop = stack.dropLive();
    await expect
      .poll(() => adminPage.getByTestId('live').textContent(), { timeout: 30_000 })
      .toBe('Reconnecting…');
    const employee = apiClient(stack.url);
    await employee.auth.login.mutate({ email: person.email, password: person.password });
    await employee.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
    drop.restore();

    await expect
      .poll(() => adminPage.getByTestId('live').textContent(), { timeout: 30_000 })
      .toBe('Live');
    const items = adminPage
      .getByTestId('feed')
      .locator('li', { hasText: 'Eko Prasetyo clocked in' });
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => adminPage.getByTestId('present').textContent())
      .toContain('Eko Prasetyo');
  });

  it('exports a month: the button starts the job, progress follows, the download appears', async () => {
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, stack.url, ADMIN.email, ADMIN.password);
    await expect.poll(() => page.getByTestId('clock-state').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Export' }).click();
    await page.getByTestId('export').click();
    await expect.poll(() => page.getByTestId('job').isVisible()).toBe(true);
    const download = page.getByTestId('download');
    await expect.poll(() => download.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.locator('[data-testid="job"] progress').getAttribute('value')).toBe('100');
    const href = await download.getAttribute('href');
    const response = await page.request.get(new URL(href!, stack.url).toString());
    expect(response.status()).toBe(200);
    // Earlier tests clocked these people in this month.
    const body = await response.text();
    expect(body).toContain('Siti Rahma');
    expect(body).toContain('Dewi Lestari');
  });

  it('lets an admin correct a record with a reason, and create a user who can then sign in', async () => {
    const person = await stack.employee('Rina Kartika', 'Sales');
    const clocked = apiClient(stack.url);
    await clocked.auth.login.mutate({ email: person.email, password: person.password });
    const record = await clocked.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });

    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, stack.url, ADMIN.email, ADMIN.password);
    await expect.poll(() => page.getByTestId('clock-state').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Attendance' }).click();
    const row = page.locator('tr', { hasText: 'Rina Kartika' });
    await row.getByRole('button', { name: 'Correct' }).click();
    const form = page.getByRole('form', { name: 'Correct' });
    await form.getByLabel('Status').selectOption(record.status === 'late' ? 'on_time' : 'late');
    await form.getByLabel('Reason (required)').fill('Badge reader was broken at the gate');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.isVisible()).toBe(false);
    const audit = await stack.admin.admin.attendance.audit.query({ id: record.id });
    expect(audit.map((entry) => entry.reason)).toEqual(['Badge reader was broken at the gate']);
    const expected = record.status === 'late' ? 'On time' : /Late \d+ (h|min)/;
    await expect.poll(() => row.textContent()).toMatch(expected);

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    const create = page.getByRole('form', { name: 'New user' });
    await create.getByLabel('Name').fill('Yusuf Hidayat');
    const email = `yusuf-${Date.now()}@example.com`;
    await create.getByLabel('Email').fill(email);
    await create.getByLabel('Department').fill('Warehouse');
    await create.getByRole('button', { name: 'Create' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'shown once' });
    await expect
      .poll(() => shown.textContent())
      .toMatch(/^Password for Yusuf Hidayat, shown once: \S+$/);
    const password = (await shown.textContent())!.split(': ').pop()!;
    const newcomer = apiClient(stack.url);
    expect(await newcomer.auth.login.mutate({ email, password })).toMatchObject({
      name: 'Yusuf Hidayat',
      role: 'employee',
    });
  });

  it('is installable: Chromium reports no installability errors and the manifest has what it needs', async () => {
    // Chromium never offers to install from an incognito profile, which is what newContext() is.
    const profile = mkdtempSync(join(tmpdir(), 'absensi-profile-'));
    const context = await chromium.launchPersistentContext(profile, { ...PHONE, ...LAUNCH });
    await suite.keep(context);
    const page = await context.newPage();
    await page.goto(stack.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);

    const href = await page.getAttribute('link[rel="manifest"]', 'href');
    const response = await fetch(new URL(href!, stack.url));
    expect(response.ok).toBe(true);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Absensi',
      short_name: 'Absensi',
      start_url: '/',
      display: 'standalone',
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const icon = (sizes: string, purpose: string) =>
      manifest.icons.find(
        (item) => item.sizes === sizes && (item.purpose ?? 'any').split(' ').includes(purpose),
      );
    for (const found of [
      icon('192x192', 'any'),
      icon('512x512', 'any'),
      icon('512x512', 'maskable'),
    ]) {
      expect(found).toBeDefined();
      const image = await fetch(new URL(found!.src, stack.url));
      expect(image.headers.get('content-type')).toBe('image/png');
    }
    // The service worker and the page are never cached by HTTP, so a new deployment is seen.
    const sw = await fetch(new URL('/sw.js', stack.url));
    // (@fastify/static in apps/api answers `public, max-age=0`, nginx `no-cache`: both revalidate.)
    expect(sw.headers.get('cache-control')).toMatch(/no-cache|max-age=0\b/);
  });

  it('keeps the clock when the code it loads after the first paint cannot come (the network gone), and loads it when the network is back', async () => {
    const person = await stack.employee('Rina Kartika');
    const context = await newContext(PHONE);
    const page = await context.newPage();
    // The bell's code, asked for once the first screen is drawn, fails as it does offline.
    let blocked = true;
    await page.route(/\/assets\/NotificationBell-[^/]*\.js$/, (route) =>
      blocked ? route.abort('internetdisconnected') : route.continue(),
    );
    await signIn(page, stack.url, person.email, person.password);
    await expect.poll(() => page.getByTestId('clock-state').textContent()).toBe('Not clocked in');
    await page.waitForTimeout(1_500); // the bell's turn has come and gone
    expect(await page.getByText('The app hit a problem').count()).toBe(0);
    await page.getByTestId('tap').click();
    await expect.poll(() => page.getByTestId('clock-state').textContent()).toBe('Clocked in');

    blocked = false;
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => page.getByTestId('notifications-link').isVisible()).toBe(true);
  });

  it.each([
    {
      lang: 'en',
      locale: 'en-GB',
      person: 'Dewi Lestari',
      words: {
        password: 'Password',
        signIn: 'Sign in',
        history: 'History',
        clock: 'Clock',
        notIn: 'Not clocked in',
        in: 'Clocked in',
        waiting:
          'This screen opens once your phone is online again. Your taps are kept on this phone meanwhile.',
        crash: 'The app hit a problem',
      },
    },
    {
      lang: 'id',
      locale: 'id-ID',
      person: 'Ayu Pratiwi',
      words: {
        password: 'Kata sandi',
        signIn: 'Masuk',
        history: 'Riwayat',
        clock: 'Absen',
        notIn: 'Belum masuk',
        in: 'Sudah masuk',
        waiting:
          'Layar ini terbuka begitu HP Anda tersambung lagi ke internet. Absen Anda tetap tersimpan di HP ini.',
        crash: 'Aplikasi mengalami masalah',
      },
    },
  ])(
    'in $lang, says a screen whose code cannot come yet opens once the phone is online, keeps the clock working, and opens it when the network is back',
    async ({ locale, person: name, words }) => {
      const person = await stack.employee(name);
      // No service worker: the phone lost its network before the worker kept the screen's code.
      const context = await newContext({ ...PHONE, locale, serviceWorkers: 'block' });
      const page = await context.newPage();
      let blocked = true;
      await page.route(/\/assets\/HistoryScreen-[^/]*\.js$/, (route) =>
        blocked ? route.abort('internetdisconnected') : route.continue(),
      );
      await page.goto(stack.url);
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel(words.password).fill(person.password);
      await page.getByRole('button', { name: words.signIn, exact: true }).click();
      await expect.poll(() => page.getByTestId('clock-state').textContent()).toBe(words.notIn);
      await page.getByRole('link', { name: words.history }).click();
      await expect.poll(() => page.getByTestId('screen-waiting').textContent()).toBe(words.waiting);
      expect(await page.getByText(words.crash).count()).toBe(0);
      // The clock is still one tap away, and takes a tap.
      await page.getByRole('link', { name: words.clock, exact: true }).click();
      await page.getByTestId('tap').click();
      await expect.poll(() => page.getByTestId('clock-state').textContent()).toBe(words.in);

      blocked = false;
      await page.getByRole('link', { name: words.history }).click();
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(() => page.getByTestId('screen-waiting').count()).toBe(0);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe(words.history);
    },
  );

  it('says what went wrong: a wrong password, then a session that ended', async () => {
    const person = await stack.employee('Agus Wijaya');
    const context = await newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, stack.url, person.email, 'not-the-password');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('That email and password do not match an active account.');

    await page.getByLabel('Password').fill(person.password);
    // The clock shows "Not clocked in" before its first read of the day has answered; the account
    // is deactivated only after that read, or the read itself would end the session.
    // (It may share a batch with the week plan's read, in either order.)
    const todayRead = page.waitForResponse((response) =>
      /\/trpc\/[^?]*attendance\.today/.test(response.url()),
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    await todayRead;
    await expect.poll(() => page.getByTestId('clock-state').textContent()).toBe('Not clocked in');

    // The admin deactivates the account: the next call finds no session, and the app says so. That
    // call is the History screen's read, or one the app makes by itself before the click (the
    // bell's and the live link's, which start once the first screen is drawn).
    await stack.admin.admin.users.deactivate.mutate({ id: person.id });
    await page
      .getByRole('link', { name: 'History' })
      .click({ timeout: 2_000 })
      .catch(() => page.getByRole('button', { name: 'Sign in' }).waitFor());
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Your session has ended. Please sign in again.');
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  });

  it("changes one's own password on the Account screen: this phone stays in, the others are out", async () => {
    const person = await stack.employee('Putri Ayu');
    const otherDevice = apiClient(stack.url);
    await otherDevice.auth.login.mutate({ email: person.email, password: person.password });
    const context = await newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, stack.url, person.email, person.password);
    await expect.poll(() => page.getByTestId('clock-state').textContent()).toBe('Not clocked in');

    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Current password').fill(person.password);
    await page.getByLabel('New password', { exact: true }).fill('a-new-password-1');
    await page.getByLabel('New password again').fill('a-new-password-2');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The two new passwords are not the same.');

    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password again').fill('a-new-password-1');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Your current password is not right, so the password was not changed.');

    await page.getByLabel('Current password').fill(person.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Password changed' }).textContent())
      .toBe(
        'Password changed. You stay signed in here; every other phone or browser has been signed out.',
      );
    await expect(otherDevice.auth.me.query()).rejects.toThrow(/Your session has ended/);
    await page.screenshot({ path: join(ARTIFACTS, 'account-en.png'), fullPage: true });

    // This phone goes on: it clocks in, and the new password signs in elsewhere.
    await page.getByRole('link', { name: 'Clock' }).click();
    await page.getByTestId('tap').click();
    await expect.poll(() => page.getByTestId('clock-state').textContent()).toBe('Clocked in');
    await apiClient(stack.url).auth.login.mutate({
      email: person.email,
      password: 'a-new-password-1',
    });
  });

  it('says so, and goes on in Asia/Jakarta, when the company time zone cannot be used', async () => {
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    // What an older server, or one with a zone saved before zones were checked, would send.
    await page.route('**/trpc/**', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replaceAll(
        '"timeZone":"Asia/Jakarta"',
        '"timeZone":"UTC+7"',
      );
      await route.fulfill({ response, body });
    });
    await signIn(page, stack.url, ADMIN.email, ADMIN.password);
    const notice =
      'The company time zone "UTC+7" is not valid, so times are shown in Asia/Jakarta. An administrator can choose a time zone in Settings.';
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'UTC+7' }).textContent())
      .toBe(notice);
    await page.getByTestId('tap').click();
    await expect
      .poll(() => page.getByTestId('answer').textContent())
      .toMatch(/Clocked in at \d\d:\d\d/);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByTestId('live').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('link', { name: 'Attendance' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByText('The app hit a problem it could not handle.').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'bad-zone-en.png'), fullPage: true });
  });

  it('broke no rule of the Content-Security-Policy in any page above, and an inline script is stopped', async () => {
    const above = [...suite.cspViolations];
    // The watch is awake: an inline script (what an injected payload would be) is refused and seen.
    const context = await newContext(PHONE);
    const page = await context.newPage();
    await page.goto(stack.url);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
    });
    await expect.poll(() => suite.cspViolations.length).toBeGreaterThan(above.length);
    expect(suite.cspViolations.slice(above.length).join('\n')).toMatch(/script-src/);
    expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
    expect(above).toEqual([]);
  });
});
