// The walking skeleton end to end, in Debian's Chromium, with JavaScript on and off:
// log in, create a hybrid session (first with mistakes), see it listed, send a test invitation
// and read it back from the SMTP server.
import { expect, test, type Page } from '@playwright/test';
import { ORGANISER, PASSWORD, dayAhead, settled } from './flows';
import { sentTo, waitForMail } from './helpers';

async function login(page: Page, next = '/sesi') {
  await page.goto(`/masuk?next=${encodeURIComponent(next)}`);
  await settled(page);
  await page.locator('#login-form').getByLabel('Email').fill(ORGANISER);
  await page.locator('#login-form').getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, '\\$&')}$`));
  await expect(page.getByText('Rina Wulandari (Penyelenggara)')).toBeVisible();
}

test('the session list is server-rendered with zone labels', async ({ page }) => {
  await page.goto('/sesi');
  await expect(page.getByRole('heading', { name: 'Jadwal bimtek' })).toBeVisible();
  await expect(page.locator('li.session').first()).toBeVisible();
  await expect(page.locator('time', { hasText: 'WITA' }).first()).toBeVisible();
  await expect(page.locator('time', { hasText: / WIT$/ }).first()).toBeVisible();
  await settled(page);
});

test('organiser creates a hybrid session, fixing mistakes, and sends a test invitation', async ({ page }) => {
  const title = `Bimtek Uji ${test.info().project.name} ${process.env.DB_LABEL ?? ''} ${Date.now()}`;
  await login(page, '/sesi/baru');
  await settled(page);
  // A plain form with or without JavaScript: it posts to the page itself.
  const endpoint = '/sesi/baru';
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(new URL(r.url()).pathname);
  });

  const day = dayAhead(9);
  await page.getByLabel('Judul sesi').fill(title);
  await page.getByLabel('Program', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Bentuk sesi').selectOption('hybrid');
  await page.getByLabel('Wilayah').selectOption({ label: 'Kota Makassar (WITA)' });
  await page.getByLabel('Zona waktu').selectOption('WITA');
  await page.getByLabel('Mulai').fill(`${day}T09:00`);
  await page.getByLabel('Selesai').fill(`${day}T08:00`); // before the start: a mistake
  await page.getByLabel('Kuota luring (kursi di ruangan)').fill('50');
  await page.getByLabel('Kuota daring').fill('170');
  await page.getByLabel('Tempat').fill('Hotel Claro, Makassar');
  await page.getByLabel('Tautan rapat').fill('meet.jit.si/bimtek'); // no https://: a mistake
  await page.getByRole('button', { name: 'Simpan sesi' }).click();

  await expect(page.getByText('Waktu selesai harus setelah waktu mulai.')).toBeVisible();
  await expect(page.getByText('Tautan harus lengkap, diawali https://')).toBeVisible();
  // Nothing typed is lost.
  await expect(page.getByLabel('Judul sesi')).toHaveValue(title);
  await expect(page.getByLabel('Kuota daring')).toHaveValue('170');
  await expect(page.getByLabel('Wilayah')).toHaveValue(/\d+/);
  await expect(page.getByLabel('Selesai')).toHaveValue(`${day}T08:00`);

  await page.getByLabel('Selesai').fill(`${day}T15:00`);
  await page.getByLabel('Tautan rapat').fill('https://meet.jit.si/bimtek-uji');
  await page.getByRole('button', { name: 'Simpan sesi' }).click();

  await expect(page).toHaveURL(/\/sesi\?dibuat=\d+/);
  await expect(page.getByText('Sesi tersimpan.')).toBeVisible();
  const card = page.locator('li.session', { hasText: title });
  await expect(card).toBeVisible();
  // The organiser (in Jakarta) sees their own zone, with the local time beside it.
  await expect(card.locator('time')).toContainText('08.00 WIB – 14.00 WIB');
  await expect(card).toContainText('09.00 WITA waktu setempat');
  await expect(card).not.toContainText('meet.jit.si');
  expect(posts.filter((p) => p === endpoint).length, `both submits went to ${endpoint}`).toBe(2);

  await settled(page);
  await card.getByRole('button', { name: 'Kirim undangan uji ke email saya' }).click();
  await expect(page.getByText('Undangan uji sedang dikirim ke email Anda.')).toBeVisible();
  const mail = await waitForMail((m) => sentTo(m, ORGANISER) && m.subject.includes(title));
  expect(mail.subject).toBe(`[Uji] Undangan bimtek: ${title}`);
  expect(mail.text).toContain('09.00 WITA – 15.00 WITA');
});

test('the language switch shows English and back', async ({ page }) => {
  await page.goto('/sesi');
  await settled(page);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Bimtek schedule' })).toBeVisible();
  await expect(page.locator('time', { hasText: ':00 WIB' }).first()).toBeVisible();
  await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Jadwal bimtek' })).toBeVisible();
});
