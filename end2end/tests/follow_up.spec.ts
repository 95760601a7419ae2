// Follow-up, issue 6, in Debian's Chromium with JavaScript on and off, on a phone-sized screen:
// the mentor records a call for a participant on the caseload with a next action that is
// already due, sees it overdue at the top of the caseload, and marks it done.
import { expect, test } from '@playwright/test';
import { jsOn, loginAs } from './flows';

const MENTOR = 'pendamping@bimtek.localhost';

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86400_000 + 7 * 3600_000).toISOString().slice(0, 10);
}

test('a follow-up with an overdue next action tops the caseload until it is done', async ({ browser }) => {
  test.setTimeout(90_000);
  const tag = `${test.info().project.name}-${process.env.DB_LABEL ?? 'db'}-${Date.now()}`;
  const action = `Foto produk untuk katalog ${tag}`;
  const ctx = await browser.newContext({ javaScriptEnabled: jsOn(), viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  await loginAs(page, MENTOR, '/pendamping/peserta');
  await expect(page.getByRole('heading', { name: 'Peserta dampingan' })).toBeVisible();
  await page.locator('#caseload li', { hasText: 'Siti Aminah' }).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Siti Aminah (KPM)' })).toBeVisible();

  // A call three days ago; the form names what is missing first and keeps what was typed.
  const form = page.locator('#follow-up-form');
  await form.getByLabel('Jenis kontak').selectOption('call');
  await form.getByLabel('Tanggal').fill(daysAgo(3));
  await form.getByLabel('Tindakan berikutnya').fill(action);
  await form.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
  await expect(page.locator('#follow-up-form')).toContainText('Wajib diisi.');
  await expect(page.locator('#follow-up-form').getByLabel('Tindakan berikutnya')).toHaveValue(action);
  const again = page.locator('#follow-up-form');
  await again.getByLabel('Yang dibahas').fill('Harga jual dan label kemasan');
  await again.getByLabel('Omzet per bulan (Rp)').fill('1.750.000');
  await again.getByLabel('Kemasan membaik?').selectOption('yes');
  await again.getByLabel('Jatuh tempo').fill(daysAgo(1));
  await again.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
  await expect(page.getByText('Tindak lanjut tersimpan.')).toBeVisible();
  await expect(page.locator('#history')).toContainText('Rp 1.750.000');
  await expect(page.locator('#next-action')).toContainText(action);
  await expect(page.locator('#next-action')).toContainText('Lewat jatuh tempo');

  // The caseload: overdue first.
  await page.goto('/pendamping/peserta');
  const first = page.locator('#caseload li').first();
  await expect(first).toContainText('Siti Aminah');
  await expect(first).toContainText(action);
  await expect(first.locator('.badge.overdue')).toHaveText('Lewat jatuh tempo');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Done: the action leaves the caseload.
  await first.getByRole('link').click();
  await page.locator('#next-action').getByRole('button', { name: 'Tandai selesai' }).click();
  await expect(page.getByText('Tindakan ditandai selesai.')).toBeVisible();
  await page.goto('/pendamping/peserta');
  await expect(page.locator('#caseload')).not.toContainText(action);
});
