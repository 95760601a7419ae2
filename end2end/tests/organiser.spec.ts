// The organiser's everyday work beyond creating one session, in Debian's Chromium with
// JavaScript on and off: a programme with targets, a weekly series, editing the rest of the
// series at once, cancelling one session, the calendar file, and the list's filters.
import { expect, test, type Page } from '@playwright/test';
import { ORGANISER, dayAhead, loginAs, settled } from './flows';

const login = (page: Page, next: string) => loginAs(page, ORGANISER, next);

test('a programme with targets; a weekly series edited as a whole, one session cancelled, calendar file', async ({ page }) => {
  test.setTimeout(90_000);
  const name = `Program Uji ${test.info().project.name} ${process.env.DB_LABEL ?? ''} ${Date.now()}`;
  await login(page, '/program/baru');
  await page.getByLabel('Nama program').fill(name);
  await page.getByLabel('Jalur').selectOption('mentoring');
  await page.getByLabel('Mulai', { exact: true }).fill(dayAhead(1));
  await page.getByLabel('Selesai', { exact: true }).fill(dayAhead(300));
  await page.locator('#programme-form').getByText('Sulawesi Selatan', { exact: true }).click();
  await page.getByRole('button', { name: 'Simpan program' }).click();
  await expect(page.getByText('Isi minimal satu target')).toBeVisible();
  // What was typed and ticked is still there.
  await expect(page.getByLabel('Nama program')).toHaveValue(name);
  await expect(page.getByRole('checkbox', { name: 'Sulawesi Selatan', exact: true })).toBeChecked();

  await page.getByLabel('KPM terlatih').fill('400.000');
  await page.getByLabel('Tingkat kehadiran').fill('85');
  await page.getByRole('button', { name: 'Simpan program' }).click();
  await expect(page).toHaveURL(/\/program\?tersimpan=\d+/);
  const card = page.locator('li.programme-card', { hasText: name });
  await expect(card).toContainText('400.000');
  await expect(card).toContainText('85 %');
  await expect(card).toContainText('Sulawesi Selatan');

  const title = `Seri Uji ${test.info().project.name} ${process.env.DB_LABEL ?? ''} ${Date.now()}`;
  const day = dayAhead(5);
  // The same organiser goes on to a series (one login: the per-account limit is real).
  await page.goto('/sesi/baru');
  await page.getByLabel('Judul sesi').fill(title);
  await page.getByLabel('Program', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Bentuk sesi').selectOption('online');
  await page.getByLabel('Wilayah', { exact: true }).selectOption({ label: 'Kota Makassar (WITA)' });
  await page.getByLabel('Zona waktu').selectOption('WITA');
  await page.getByLabel('Mulai').fill(`${day}T19:00`);
  await page.getByLabel('Selesai').fill(`${day}T21:00`);
  await page.getByLabel('Kuota daring').fill('100');
  await page.getByLabel('Tautan rapat').fill('https://meet.jit.si/seri-uji');
  await page.getByLabel('Narasumber').fill('Ibu Sari Wulandari; Koperasi Wanita Mandiri');
  await page.getByLabel('Ulangi').selectOption('weekly');
  await page.getByLabel('Jumlah sesi').fill('3');
  await page.getByRole('button', { name: 'Simpan sesi' }).click();
  await expect(page).toHaveURL(/\/sesi\?dibuat=\d+/);
  const first = /dibuat=(\d+)/.exec(page.url())![1];

  await page.goto(`/sesi/${first}`);
  await expect(page.getByRole('heading', { name: 'Rangkaian 3 sesi' })).toBeVisible();
  await expect(page.getByText('Ibu Sari Wulandari')).toBeVisible();
  const others = page.locator('ol.series a');
  await expect(others).toHaveCount(2);
  const lastHref = await others.nth(1).getAttribute('href');

  // Edit the whole series: a new title and an hour later.
  await page.locator('#edit-session').click();
  await expect(page.getByRole('heading', { name: 'Ubah sesi' })).toBeVisible();
  await page.getByText('Ubah sesi ini dan sesi berikutnya').click();
  await page.getByLabel('Judul sesi').fill(`${title} (baru)`);
  await page.getByLabel('Mulai').fill(`${day}T20:00`);
  await page.getByLabel('Selesai').fill(`${day}T22:00`);
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByText('Perubahan tersimpan.')).toBeVisible();

  await page.goto(lastHref!);
  await expect(page.getByRole('heading', { name: `${title} (baru)` })).toBeVisible();
  await expect(page.locator('time').first()).toContainText('20.00');

  // The calendar file of the last session.
  const icsHref = await page.getByRole('link', { name: 'Tambahkan ke kalender (.ics)' }).getAttribute('href');
  const ics = await page.request.get(icsHref!);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const text = (await ics.text()).replace(/\r?\n /g, '');
  expect(text).toContain(`SUMMARY:${title} (baru)`);
  expect(text).toContain('BEGIN:VALARM');
  expect(text).toContain('SEQUENCE:1');

  // Cancel this one session.
  await page.locator('#cancel-session summary').click();
  await page.getByLabel('Alasan').fill('Narasumber berhalangan');
  await page.getByRole('button', { name: 'Ya, batalkan sesi' }).click();
  await expect(page.getByText('Sesi dibatalkan.')).toBeVisible();
  await expect(page.locator('.badge.cancelled')).toBeVisible();
});

test('the list filters by format and shows times in the chosen zone', async ({ page }) => {
  await page.goto('/sesi');
  await settled(page);
  await page.getByText('Saring sesi').click();
  await page.locator('#q-mode').selectOption('online');
  await page.locator('#q-zona').selectOption('WIT');
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(/mode=online/);
  const cards = page.locator('li.session');
  await expect(cards.first()).toBeVisible();
  const n = await cards.count();
  for (let i = 0; i < n; i++) {
    await expect(cards.nth(i).locator('.badge').first()).toHaveText('Daring');
    await expect(cards.nth(i).locator('time')).toHaveText(/ WIT$/);
  }
  await page.getByRole('link', { name: 'Hapus saringan' }).click();
  await expect(page).toHaveURL(/\/sesi$/);
});
