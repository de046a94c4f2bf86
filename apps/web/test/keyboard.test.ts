/**
 * An HR admin who uses no mouse: with Tab, Shift+Tab, Enter, arrow keys and Escape alone they
 * open a record's correction (focus moves into the dialog and stays there), close it with Escape
 * (focus returns to the button that opened it), correct the record, deactivate someone only once
 * the confirmation is confirmed, and export a month.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPrerequisites, useStack } from './harness.js';
import {
  contextOptions,
  FIXED_DAY,
  FIXED_MONTH,
  seed,
  settle,
  signInAdmin,
} from './screens-kit.js';

const ready = checkPrerequisites();

/** What has focus: its tag, words, test id, label, and whether it is inside a dialog. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const label = element?.closest('label')?.querySelector('span')?.textContent ?? '';
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      text: element?.textContent?.trim() ?? '',
      testId: element?.closest('[data-testid]')?.getAttribute('data-testid') ?? '',
      label,
      inDialog: element?.closest('dialog, [role="dialog"], [role="alertdialog"]') !== null,
    };
  });
}

type Focus = Awaited<ReturnType<typeof focused>>;

/** Presses Tab (or Shift+Tab) until `wanted` has focus; fails after `most` presses. */
async function tabTo(page: Page, wanted: (focus: Focus) => boolean, what: string, most = 80) {
  for (let presses = 0; presses < most; presses += 1) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

describe.skipIf(!ready)('an admin using only the keyboard', () => {
  const suite = useStack();

  it('corrects a record and exports a month without touching the mouse', async () => {
    const { stack } = suite;
    await seed(stack, 'keyboard');
    const page = await (await suite.newContext(contextOptions('laptop', 'en'))).newPage();
    await signInAdmin(page, stack.url);

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Attendance', 'the Attendance link');
    await page.keyboard.press('Enter');
    await page.getByTestId('attendance-row').first().waitFor();
    await settle(page);
    // A record added by an admin has no site and no position: a dash, named for screen readers.
    const noPlace = page.getByTestId('attendance-row').first().getByTestId('no-place');
    expect(await noPlace.textContent()).toBe('—');
    expect(await noPlace.getAttribute('role')).toBe('img');
    expect(await noPlace.getAttribute('aria-label')).toBe('No work site and no position recorded');
    const isCorrect = (f: Focus) => f.tag === 'button' && f.text === 'Correct';
    await tabTo(page, isCorrect, 'the first Correct button');
    const name = await page.evaluate(
      () => document.activeElement?.closest('tr')?.querySelectorAll('td')[1]?.textContent ?? '',
    );

    // Enter opens the dialog with focus on its first field, the clock-in time (not the map link
    // above it); Escape closes it and gives focus back.
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await expect
      .poll(async () => focused(page))
      .toMatchObject({ tag: 'input', label: expect.stringMatching(/^In\b/), inDialog: true });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => isCorrect(await focused(page))).toBe(true);

    // Focus stays in the dialog both ways round.
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    for (let presses = 0; presses < 25; presses += 1) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }
    for (let presses = 0; presses < 25; presses += 1) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }

    // The other status (late ↔ on time), with a reason, saved with Enter on Save.
    await tabTo(page, (f) => f.tag === 'select' && f.label === 'Status', 'the status');
    const before = await page.evaluate(() => (document.activeElement as HTMLSelectElement).value);
    const after = before === 'late' ? 'on_time' : 'late';
    await page.keyboard.press(before === 'late' ? 'ArrowUp' : 'ArrowDown');
    await tabTo(page, (f) => f.tag === 'textarea', 'the reason');
    await page.keyboard.type('Terlambat karena banjir');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Save', 'Save');
    await page.keyboard.press('Enter');
    await page
      .getByRole('dialog')
      .waitFor({ state: 'detached', timeout: 5_000 })
      .catch(async () => {
        const refusal = await page.getByRole('dialog').getByRole('alert').allTextContents();
        throw new Error(`the correction was not saved: ${refusal.join(' ')}`);
      });
    await expect.poll(async () => isCorrect(await focused(page))).toBe(true);
    const records = await stack.admin.admin.attendance.list.query({
      from: FIXED_DAY,
      to: FIXED_DAY,
    });
    const corrected = records.items.find((record) => record.user.name === name);
    expect(corrected?.status).toBe(after);

    // Deactivating someone asks first: Escape keeps them, the dialog's own button deactivates.
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Users', 'the Users link');
    await page.keyboard.press('Enter');
    await page.locator('tbody tr').first().waitFor();
    await settle(page);
    const isDeactivate = (f: Focus) => f.tag === 'button' && f.text === 'Deactivate';
    await tabTo(page, isDeactivate, 'a Deactivate button');
    const who = await page.evaluate(
      () => document.activeElement?.closest('tr')?.querySelector('td')?.textContent ?? '',
    );
    const activeNow = async () =>
      (await stack.admin.admin.users.list.query({ limit: 200 })).items.find(
        (user) => user.name === who,
      )?.active;
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ text: 'Cancel', inDialog: true });
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await expect.poll(async () => isDeactivate(await focused(page))).toBe(true);
    expect(await activeNow()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await tabTo(page, (f) => f.inDialog && isDeactivate(f), "the dialog's Deactivate", 5);
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await expect.poll(activeNow).toBe(false);

    // The month's export, started and downloaded from the keyboard.
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Export', 'the Export link');
    await page.keyboard.press('Enter');
    await page.getByTestId('export').waitFor();
    expect(await page.locator('input[type=month]').inputValue()).toBe(FIXED_MONTH);
    await tabTo(page, (f) => f.testId === 'export', 'the Export button');
    await page.keyboard.press('Enter');
    await page.getByTestId('download').waitFor({ timeout: 30_000 });
    await tabTo(page, (f) => f.testId === 'download', 'the Download link');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toContain(FIXED_MONTH);
  }, 120_000);
});
