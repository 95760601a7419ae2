// Email, issue 7, in Debian's Chromium with JavaScript on and off: the organiser picks the
// reminder times of a session (kept on edit), invites someone by CSV, and reads the delivery
// log (recipient masked); the invitee opens the preferences link from the invitation without
// logging in, turns invitations off, and finds the choice kept.
import { expect, test } from '@playwright/test';
import { ORGANISER, loginAs, newPage, settled, witaIn } from './flows';
import { sentTo, waitForMail } from './helpers';

test('reminder times on the form, delivery log, preferences from the invitation', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const tag = `${test.info().project.name}-${process.env.DB_LABEL ?? 'db'}-${Date.now()}`;
  const title = `Bimtek Email ${tag}`;
  const invitee = `pref-${tag}@contoh.id`.toLowerCase();
  const inviteeName = `Peserta Pengaturan ${tag}`;

  // 1. A virtual session in two days; a day and an hour before are ticked already.
  await loginAs(page, ORGANISER, '/sesi/baru');
  await settled(page);
  const reminders = page.locator('fieldset.reminders');
  await expect(reminders.getByLabel('1 hari sebelumnya')).toBeChecked();
  await expect(reminders.getByLabel('1 jam sebelumnya')).toBeChecked();
  await expect(reminders.getByLabel('1 minggu sebelumnya')).not.toBeChecked();
  await reminders.getByLabel('1 jam sebelumnya').uncheck();
  await reminders.getByLabel('15 menit sebelumnya').check();
  await page.getByLabel('Judul sesi').fill(title);
  await page.getByLabel('Program', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Bentuk sesi').selectOption('online');
  await page.getByLabel('Wilayah').selectOption({ label: 'Kota Makassar (WITA)' });
  await page.getByLabel('Zona waktu').selectOption('WITA');
  await page.getByLabel('Mulai').fill(witaIn(2 * 24 * 60));
  await page.getByLabel('Selesai').fill(witaIn(2 * 24 * 60 + 120));
  await page.getByLabel('Kuota daring').fill('100');
  await page.getByLabel('Tautan rapat').fill('https://meet.jit.si/bimtek-email-e2e');
  await page.getByRole('button', { name: 'Simpan sesi' }).click();
  await expect(page).toHaveURL(/\/sesi\?dibuat=\d+/);
  const id = /dibuat=(\d+)/.exec(page.url())![1];

  // The edit form shows the times as saved.
  await page.goto(`/sesi/${id}/ubah`);
  const saved = page.locator('fieldset.reminders');
  await expect(saved.getByLabel('1 hari sebelumnya')).toBeChecked();
  await expect(saved.getByLabel('1 jam sebelumnya')).not.toBeChecked();
  await expect(saved.getByLabel('15 menit sebelumnya')).toBeChecked();

  // 2. Invite one person by CSV; the invitation arrives with a preferences link.
  await page.goto(`/sesi/${id}/undang`);
  await page.locator('#csv').fill(`nama,email,peran\n${inviteeName},${invitee},peserta\n`);
  await page.getByRole('button', { name: 'Periksa dulu' }).click();
  await page.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(page).toHaveURL(new RegExp(`/sesi/${id}/peserta\\?diundang=1`));
  const invitation = await waitForMail((m) => sentTo(m, invitee) && m.subject === `Undangan bimtek: ${title}`);
  const prefsLink = /https?:\/\/\S+\/email\/preferensi\?p=\d+&t=[0-9a-f]+/.exec(invitation.text ?? '')![0];

  // 3. The delivery log: one sent, the address masked, the name shown.
  await page.goto(`/sesi/${id}/email`);
  await expect(page.getByRole('heading', { name: 'Pengiriman email' })).toBeVisible();
  await expect(page.locator('ul.counts li', { hasText: 'Terkirim' })).toHaveText(/^1\s+Terkirim$/);
  await expect(page.locator('ul.counts li', { hasText: 'Gagal' })).toHaveText(/^0\s+Gagal/);
  const row = page.locator('table.delivery tr', { hasText: inviteeName });
  await expect(row).toContainText('Terkirim');
  await expect(row).not.toContainText(invitee);
  await expect(row).toContainText('@contoh.id');

  // 4. The invitee, not logged in, turns invitations off; the choice is kept.
  const p2 = await newPage(browser);
  await p2.goto(prefsLink);
  await settled(p2);
  await expect(p2.getByRole('heading', { name: 'Pengaturan email' })).toBeVisible();
  await expect(p2.getByLabel('Undangan ke sesi baru')).toBeChecked();
  await p2.getByLabel('Undangan ke sesi baru').uncheck();
  await p2.getByRole('button', { name: 'Simpan pilihan' }).click();
  await expect(p2.getByText('Pilihan Anda tersimpan.')).toBeVisible();
  await p2.goto(prefsLink);
  await expect(p2.getByLabel('Undangan ke sesi baru')).not.toBeChecked();
  await expect(p2.getByLabel('Pengingat sebelum sesi yang saya ikuti')).toBeChecked();

  // A tampered link is refused with a message, not a server error.
  const forged = await p2.goto(prefsLink.replace(/t=[0-9a-f]/, (m) => (m.endsWith('0') ? 't=1' : 't=0')));
  expect(forged?.status()).toBeLessThan(500);
  await expect(p2.locator('.alert-error')).toBeVisible();
});
