/**
 * Requests and the month's recap in the browser (issue 16): an employee on a phone files sick
 * leave with a photo of a doctor's note, the admin sees the photo and approves it, the employee
 * sees it approved without reloading (live), and the month's XLSX recap shows S on that day. Then
 * the same in Bahasa Indonesia on a phone without network: the request is kept on the phone, sent
 * once the network returns, filed exactly once, approved live (the admin's open dashboard lists
 * the person on leave), and a request refused after going out offline stays on the phone to fix.
 */
import { deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, checkPrerequisites, useStack, type Stack } from './harness.js';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, goOffline, signedIn, wallClock } from './pages.js';

const ready = checkPrerequisites();

/** CRC-32 of PNG chunks. */
function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/**
 * A photo as a phone takes it: a PNG of width × height with a gradient and some grain, too big
 * for the server as it is (the app must make it smaller).
 */
function photoPng(width: number, height: number): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  let seed = 7;
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x += 1) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed >> 16) & 0x3f;
      rows[row + 1 + x * 3] = (x * 255) / width + grain / 2;
      rows[row + 2 + x * 3] = (y * 255) / height;
      rows[row + 3 + x * 3] = 128 + grain;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Signs in on a page whose browser speaks Indonesian, and waits for the clock screen. */
async function signedInId(page: Page, url: string, email: string, password: string) {
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByTestId('clock-state').waitFor();
  return page;
}

describe.skipIf(!ready)('requests and the recap in Chromium against a real node', () => {
  const suite = useStack();
  let stack: Stack;
  let schedules = 0;
  beforeAll(() => {
    stack = suite.stack;
  });

  /** A new employee scheduled every day of the week, so today is a work day whatever day it is. */
  async function scheduledEveryDay(name: string, department: string) {
    const person = await stack.employee(name, department);
    const zone = (await stack.admin.admin.settings.get.query()).timeZone;
    const today = wallClock(Date.now(), zone).date;
    schedules += 1;
    const shift = await stack.admin.admin.shifts.create.mutate({
      name: `Pagi ${schedules}`,
      code: `P${schedules}`,
      startTime: '08:00',
      endTime: '16:00',
    });
    const everyDay = await stack.admin.admin.schedules.create.mutate({
      name: `Setiap hari ${schedules}`,
      kind: 'weekly',
      days: Array.from({ length: 7 }, () => shift.id),
    });
    await stack.admin.admin.schedules.assign.mutate({
      scheduleId: everyDay.id,
      userId: person.id,
      validFrom: `${today.slice(0, 7)}-01`,
    });
    return { person, today };
  }

  it('files sick leave with a photo on a phone, the admin approves it live, and the XLSX recap shows S', async () => {
    const { person, today } = await scheduledEveryDay('Sari Wulandari', 'Klinik');
    const photo = photoPng(2000, 1500);
    expect(photo.length).toBeGreaterThan(180 * 1024);

    // The employee, on a phone, files sick leave for today with the photo.
    const phone = await (await suite.newContext(PHONE)).newPage();
    await signedIn(phone, stack.url, person.email, person.password);
    await phone.getByRole('link', { name: 'Requests' }).click();
    const form = phone.getByRole('form', { name: 'New request' });
    await form.getByLabel('Leave type').selectOption({ label: 'Sick' });
    await form.getByLabel('From').fill(today);
    await form.getByLabel('Until').fill(today);
    await form.getByLabel("Photo of the doctor's note (optional)").setInputFiles({
      name: 'surat-dokter.png',
      mimeType: 'image/png',
      buffer: photo,
    });
    await form.getByText(/^Photo ready: \d+ KB$/).waitFor();
    await form.getByLabel('Reason').fill('Demam tinggi, surat dokter terlampir');
    await form.getByRole('button', { name: 'Send request' }).click();
    await form.getByText('Your request was sent and waits for approval.').waitFor();
    const mine = phone.getByTestId('request').filter({ hasText: 'Demam tinggi' });
    await expect.poll(() => mine.getAttribute('data-state')).toBe('pending');
    await expect.poll(() => mine.textContent()).toContain('Awaiting approval');
    await expect.poll(() => mine.textContent()).toContain('With photo');
    // Marks this page: a reload would lose it.
    await phone.evaluate(() => ((window as unknown as { __kept: boolean }).__kept = true));

    // The server kept a JPEG within the limit.
    const [filed] = (
      await stack.admin.admin.requests.list.query({ state: 'pending' })
    ).items.filter((item) => item.userId === person.id);
    expect(filed?.attachments[0]?.contentType).toBe('image/jpeg');
    expect(filed!.attachments[0]!.sizeBytes).toBeLessThanOrEqual(180 * 1024);

    // The admin sees the photo and approves with a note.
    const desk = await (await suite.newContext(DESKTOP)).newPage();
    await signedIn(desk, stack.url, ADMIN.email, ADMIN.password);
    await desk.getByRole('link', { name: 'Approvals' }).click();
    const pending = desk.getByTestId('request').filter({ hasText: 'Sari Wulandari' });
    await pending.getByRole('button', { name: 'Show photo' }).click();
    const image = pending.getByTestId('attachment');
    // Made smaller on the phone: at most 1600 px wide, and shown.
    await expect
      .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect(
      await image.evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBeLessThanOrEqual(1600);
    await pending.getByLabel('Note for the employee (optional)').fill('Semoga lekas sembuh');
    await pending.getByRole('button', { name: 'Approve' }).click();
    // Decided, it leaves the list of those waiting.
    await expect.poll(() => pending.count()).toBe(0);

    // The employee sees it approved, and the unread notification, without reloading.
    await expect.poll(() => mine.getAttribute('data-state'), { timeout: 15_000 }).toBe('approved');
    expect(await mine.textContent()).toContain('Approved by Admin');
    expect(await mine.textContent()).toContain('Semoga lekas sembuh');
    await expect.poll(() => phone.getByTestId('unread').textContent()).toBe('1');
    expect(await phone.evaluate(() => (window as unknown as { __kept?: boolean }).__kept)).toBe(
      true,
    );
    await phone.getByTestId('notifications-link').click();
    const note = phone.getByTestId('notification').first();
    await expect.poll(() => note.textContent()).toContain('was approved by Admin');

    // The admin's recap shows S today, and its XLSX too.
    await desk.getByRole('link', { name: 'Monthly recap' }).click();
    const row = desk.getByTestId('recap-grid').locator('tr', { hasText: 'Sari Wulandari' });
    await expect.poll(() => row.locator(`td[data-date="${today}"]`).textContent()).toBe('S');
    await desk.getByTestId('recap-export-xlsx').click();
    const download = desk.getByTestId('download');
    await expect.poll(() => download.isVisible(), { timeout: 30_000 }).toBe(true);
    const response = await desk.request.get(
      new URL((await download.getAttribute('href'))!, stack.url).toString(),
    );
    expect(response.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    const grid = workbook.getWorksheet('Grid')!;
    const header = grid.getRow(1).values as unknown[];
    const column = header.findIndex(
      (cell) => cell instanceof Date && cell.toISOString().slice(0, 10) === today,
    );
    expect(column).toBeGreaterThan(0);
    let code: unknown = null;
    grid.eachRow((line) => {
      if (line.getCell(1).value === 'Sari Wulandari') code = line.getCell(column).value;
    });
    expect(code).toBe('S');
  });
  it('in Bahasa Indonesia, files sick leave with a photo offline, sends it once when the network returns, shows it on the live dashboard, and keeps a refusal to fix', async () => {
    const { person, today } = await scheduledEveryDay('Dewi Anggraini', 'Gudang');
    const photo = photoPng(1200, 900);
    const phoneContext = await suite.newContext({ ...PHONE, locale: 'id-ID' });
    const phone = await phoneContext.newPage();
    await signedInId(phone, stack.url, person.email, person.password);
    await phone.getByRole('link', { name: 'Pengajuan' }).click();
    const form = phone.getByRole('form', { name: 'Pengajuan baru' });
    await form.getByLabel('Jenis cuti').selectOption({ label: 'Sakit' });

    // The network drops; the person files anyway.
    let backOnline = await goOffline(phoneContext);
    await form.getByLabel('Dari tanggal').fill(today);
    await form.getByLabel('Sampai tanggal').fill(today);
    await form.getByLabel('Foto surat dokter (opsional)').setInputFiles({
      name: 'surat-dokter.png',
      mimeType: 'image/png',
      buffer: photo,
    });
    await form.getByText(/^Foto siap: \d+ KB$/).waitFor();
    await form.getByLabel('Alasan').fill('Tipes, surat dokter terlampir');
    await form.getByRole('button', { name: 'Kirim pengajuan' }).click();
    await form.getByText('Tersimpan di HP ini; akan dikirim saat jaringan kembali.').waitFor();
    const kept = phone.getByTestId('outbox-request').filter({ hasText: 'Tipes' });
    await expect.poll(() => kept.getAttribute('data-state')).toBe('waiting');
    expect(await kept.textContent()).toContain('Tersimpan di HP ini, sedang dikirim…');
    const ofDewi = async () =>
      (await stack.admin.admin.requests.list.query({ limit: 100 })).items.filter(
        (item) => item.userId === person.id,
      );
    expect(await ofDewi()).toEqual([]);

    // The network returns: it is sent by itself, filed once, with its photo.
    await backOnline();
    await expect.poll(() => kept.count(), { timeout: 30_000 }).toBe(0);
    const mine = phone.getByTestId('request').filter({ hasText: 'Tipes' });
    await expect.poll(() => mine.getAttribute('data-state')).toBe('pending');
    await expect.poll(() => mine.textContent()).toContain('Menunggu persetujuan');
    expect(await mine.textContent()).toContain('Dengan foto');
    // Another "online" (a flaky network) sends nothing twice.
    await phone.evaluate(() => window.dispatchEvent(new Event('online')));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const filed = await ofDewi();
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({ state: 'pending', startDate: today, kind: 'leave' });
    expect(filed[0]!.attachments).toHaveLength(1);

    // The admin, in Indonesian, has the dashboard open on one screen and approves on another; the
    // phone shows it approved, and the dashboard lists Dewi on leave today, both without reloading.
    const deskContext = await suite.newContext({ ...DESKTOP, locale: 'id-ID' });
    const board = await deskContext.newPage();
    await signedInId(board, stack.url, ADMIN.email, ADMIN.password);
    await board.getByRole('link', { name: 'Dasbor' }).click();
    await board
      .getByRole('heading', { name: /^Cuti \/ izin \/ sakit hari ini \(\d+\)$/ })
      .waitFor();
    expect(await board.getByTestId('on-leave').filter({ hasText: 'Dewi Anggraini' }).count()).toBe(
      0,
    );
    await board.evaluate(() => ((window as unknown as { __kept: boolean }).__kept = true));
    const desk = await deskContext.newPage();
    await desk.goto(stack.url);
    await desk.getByRole('link', { name: 'Persetujuan' }).click();
    const pending = desk.getByTestId('request').filter({ hasText: 'Dewi Anggraini' });
    await expect.poll(() => pending.textContent()).toContain('Sakit');
    await pending.getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(() => pending.count()).toBe(0);
    await expect.poll(() => mine.getAttribute('data-state'), { timeout: 15_000 }).toBe('approved');
    expect(await mine.textContent()).toContain('Disetujui oleh Admin');
    const onLeave = board.getByTestId('on-leave').locator('li', { hasText: 'Dewi Anggraini' });
    await expect.poll(() => onLeave.count(), { timeout: 15_000 }).toBe(1);
    expect(await onLeave.textContent()).toContain('Gudang');
    expect(await onLeave.textContent()).toContain('Sakit');
    expect(await board.evaluate(() => (window as unknown as { __kept?: boolean }).__kept)).toBe(
      true,
    );
    // Filed again offline for the same day, it is refused once sent: kept on the phone with the
    // reason, and brought back into the form to fix, never dropped unseen.
    await phone.getByRole('link', { name: 'Pengajuan' }).click();
    backOnline = await goOffline(phoneContext);
    await form.getByLabel('Jenis cuti').selectOption({ label: 'Sakit' });
    await form.getByLabel('Dari tanggal').fill(today);
    await form.getByLabel('Sampai tanggal').fill(today);
    await form.getByLabel('Alasan').fill('Masih demam');
    await form.getByRole('button', { name: 'Kirim pengajuan' }).click();
    await form.getByText('Tersimpan di HP ini; akan dikirim saat jaringan kembali.').waitFor();
    await backOnline();
    const refused = phone.getByTestId('outbox-request').filter({ hasText: 'Masih demam' });
    await expect
      .poll(() => refused.getAttribute('data-state'), { timeout: 30_000 })
      .toBe('refused');
    expect(await refused.textContent()).toContain(
      'Tidak diterima server: Anda sudah mengajukan cuti pada',
    );
    // Titled by its leave type, and not "Ditolak", which is a manager's word.
    expect(await refused.locator('strong').first().textContent()).toBe('Sakit');
    expect(await refused.textContent()).not.toContain('Ditolak');
    await refused.getByRole('button', { name: 'Perbaiki dan kirim lagi' }).click();
    await expect.poll(() => form.getByLabel('Alasan').inputValue()).toBe('Masih demam');
    await expect.poll(() => refused.count()).toBe(0);
    expect(await ofDewi()).toHaveLength(1);

    // Without VAPID keys on this server, the phone is not offered Web Push.
    await phone.getByTestId('notifications-link').click();
    await phone.getByTestId('notification').first().waitFor();
    expect(await phone.getByText('Tampilkan notifikasi di HP ini').count()).toBe(0);
  });
});
