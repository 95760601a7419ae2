// Attendance, issue 6, in Debian's Chromium with JavaScript on and off: the mentor marks the roll
// call on a phone-sized screen; a participant checks in by the QR link from the session screen
// within the window, and is refused (with the reason) for a session that has not opened yet.
import { expect, test } from '@playwright/test';
import { ORGANISER, PARTICIPANT, createHybridSession, jsOn, loginAs, newPage } from './flows';

const MENTOR = 'pendamping@bimtek.localhost';
const PHONE = { width: 360, height: 740 };

test('roll call on a phone, QR check-in within the window and refused outside it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tag = `${test.info().project.name}-${process.env.DB_LABEL ?? 'db'}-${Date.now()}`;
  const title = `Bimtek Absensi ${tag}`;

  // 1. The organiser creates a hybrid session starting in 10 minutes and assigns the mentor.
  await loginAs(page, ORGANISER, '/sesi/baru');
  const programme = (await page.getByLabel('Program', { exact: true }).locator('option').nth(1).textContent())!.trim();
  const id = await createHybridSession(page, {
    title,
    startsIn: 10,
    minutes: 120,
    room: 10,
    online: 10,
    venue: 'Balai Desa Tamalanrea',
    link: 'https://meet.jit.si/bimtek-absensi-e2e',
  });
  await page.goto(`/sesi/${id}`);
  const mentorSelect = page.getByLabel('Tugaskan pendamping');
  const agus = await mentorSelect.locator('option', { hasText: 'Agus Santoso' }).getAttribute('value');
  await mentorSelect.selectOption(agus!);
  await page.getByRole('button', { name: 'Tugaskan', exact: true }).click();
  await expect(page.locator('section.mentors')).toContainText('Agus Santoso');

  // 2. The participant takes a room seat.
  const kpm = await newPage(browser);
  await loginAs(kpm, PARTICIPANT, `/sesi/${id}`);
  await kpm.locator('#register-form input[name=seat][value=room]').check();
  await kpm.locator('#register-form').getByRole('button', { name: 'Daftar' }).click();
  await expect(kpm.getByText('Pendaftaran tersimpan.')).toBeVisible();

  // 3. The mentor, on a phone: today's sessions first, the roll call one tap away.
  const ctx = await browser.newContext({ javaScriptEnabled: jsOn(), viewport: PHONE });
  const mentor = await ctx.newPage();
  await loginAs(mentor, MENTOR, '/pendamping');
  const card = mentor.locator('#today li.session', { hasText: title });
  await expect(card).toBeVisible();
  await card.getByRole('link', { name: 'Absensi', exact: true }).click();
  await expect(mentor).toHaveURL(new RegExp(`/sesi/${id}/absen$`));
  await expect(mentor.locator('#rollcall-counts')).toHaveText('0 hadir · 0 ditandai · 1 peserta');
  const row = mentor.locator('#rollcall li', { hasText: 'Siti Aminah' });
  await row.getByRole('button', { name: 'Terlambat' }).click();
  await expect(mentor.getByText('Tersimpan.', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Terlambat' })).toHaveAttribute('aria-pressed', 'true');
  await expect(mentor.locator('#rollcall-counts')).toHaveText('1 hadir · 1 ditandai · 1 peserta');
  // The taps fit the phone's width: no sideways scrolling.
  const overflow = await mentor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await row.locator('summary').click();
  await row.getByLabel('Catatan').fill('Membawa contoh produk keripik.');
  await row.getByRole('button', { name: 'Simpan catatan' }).click();
  await expect(mentor.locator('#rollcall li', { hasText: 'Siti Aminah' }).getByLabel('Catatan')).toHaveValue(
    'Membawa contoh produk keripik.',
  );

  // 4. The check-in screen; the participant opens its QR link and checks in, once.
  await mentor.goto(`/sesi/${id}/hadir/layar`);
  await expect(mentor.locator('#checkin-code')).toHaveText(/^\d{6}$/);
  const qrLink = await mentor.locator('a.checkin-qr').getAttribute('href');
  expect(qrLink).toMatch(new RegExp(`/hadir/${id}\\?k=\\d+-[0-9a-f]{32}$`));
  await kpm.goto(qrLink!);
  await kpm.getByRole('button', { name: 'Saya hadir' }).click();
  await expect(kpm.locator('#checkin-result')).toContainText('Check-in berhasil pukul');
  await kpm.goto(qrLink!);
  await expect(kpm.locator('#checkin-result')).toContainText('Anda sudah check-in pukul');
  await mentor.goto(`/sesi/${id}/hadir/layar`);
  await expect(mentor.locator('#checkin-count')).toHaveText('1 peserta sudah check-in');
  await mentor.goto(`/sesi/${id}/absen`);
  await expect(mentor.locator('#rollcall li', { hasText: 'Siti Aminah' })).toContainText('QR ');

  // 5. Outside the window: the latest session on the list has not opened yet.
  await kpm.goto('/sesi');
  const href = await kpm.locator('li.session h2 a').last().getAttribute('href');
  const later = /\/sesi\/(\d+)/.exec(href!)![1];
  await kpm.goto(`/hadir/${later}`);
  await kpm.getByLabel('Kode dari layar').fill('000000');
  await kpm.getByRole('button', { name: 'Saya hadir' }).click();
  await expect(kpm.locator('#e-code')).toHaveText('Check-in dibuka 30 menit sebelum sesi mulai.');

  // 6. The report and the dashboard reflect it: late (the mentor's mark) counts as attended.
  await mentor.goto(`/sesi/${id}/laporan`);
  await expect(mentor.locator('#report-rate')).toContainText('100,0 % · 1 hadir / 1 terkonfirmasi');
  await expect(mentor.locator('#report-people tr', { hasText: 'Siti Aminah' })).toContainText('Terlambat');
  const wide = await mentor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide).toBeLessThanOrEqual(0);
  await page.goto('/dasbor');
  await page.locator('li.programme-card', { hasText: programme }).getByRole('link', { name: programme }).click();
  await expect(page.getByRole('heading', { name: programme })).toBeVisible();
  const held = page.locator('#held-sessions tr', { hasText: title });
  await expect(held).toContainText('100,0 %');
  await expect(page.locator('#metric-sessions_held .achieved')).not.toHaveText('0');
  await held.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/sesi/${id}/laporan$`));
  await page.locator('#certificates-link').click();
  await expect(page.locator('section.certificate')).toHaveCount(1);
  await expect(page.locator('section.certificate')).toContainText('Siti Aminah');
});
