// Logging in by a one-time link read from the SMTP server, with JavaScript on and off; the link
// works once.
import { expect, test } from '@playwright/test';
import { sentTo, waitForMail } from './helpers';

const PARTICIPANT = 'kpm@bimtek.localhost';

test('a participant logs in with an email link, once', async ({ page }) => {
  const since = Date.now();
  await page.goto('/masuk');
  await page.locator('.login-link').getByLabel('Email').fill(PARTICIPANT);
  await page.getByRole('button', { name: 'Kirim tautan masuk' }).click();
  await expect(page.getByText('tautan masuk sudah dikirim')).toBeVisible();

  const mail = await waitForMail(
    (m) => sentTo(m, PARTICIPANT) && m.subject === 'Tautan masuk Bimtek' && Date.parse(String(m.date ?? m.time)) >= since - 2000,
  );
  const link = /https?:\/\/\S+\/masuk\/tautan\/[0-9a-f]{64}/.exec(mail.text ?? '')?.[0];
  expect(link, 'the email carries the link').toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'Konfirmasi masuk' })).toBeVisible();
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/saya$/);
  await expect(page.getByText('Siti Aminah (KPM)')).toBeVisible();

  // The same link again, after logging out: refused with a clear message.
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.goto(link!);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('sudah dipakai atau kedaluwarsa');
});
