// The core flow of issue 5, in Debian's Chromium with JavaScript on and off: an organiser creates
// a hybrid session and invites by CSV; the invited participant logs in by email link, registers an
// online seat and joins through the personal link (the join shows on the roster); a room-seat
// cancellation promotes the first waitlisted person, who gets an email.
import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR, ORGANISER, PARTICIPANT, createHybridSession, loginAs, newPage } from './flows';
import { sentTo, waitForMail } from './helpers';

async function register(page: Page, seat: 'room' | 'online') {
  await page.locator(`#register-form input[name=seat][value=${seat}]`).check();
  await page.locator('#register-form').getByRole('button', { name: 'Daftar' }).click();
  await expect(page.getByText('Pendaftaran tersimpan.')).toBeVisible();
}

test('invite by CSV, register online, join by the personal link, a cancellation promotes the waitlist', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const tag = `${test.info().project.name}-${process.env.DB_LABEL ?? 'db'}-${Date.now()}`;
  const title = `Bimtek Pendaftaran ${tag}`;
  const invitee = `baru-${tag}@contoh.id`.toLowerCase();
  const inviteeName = `Peserta Baru ${tag}`;

  // 1. The organiser creates a hybrid session starting in 15 minutes: 1 room seat, 5 online.
  await loginAs(page, ORGANISER, '/sesi/baru');
  const id = await createHybridSession(page, {
    title,
    startsIn: 15,
    minutes: 180,
    room: 1,
    online: 5,
    venue: 'Aula Dinas Sosial Kota Makassar',
    link: 'https://meet.jit.si/bimtek-e2e',
  });

  // 2. Bulk invitation: a preview that names the bad row, then the invitation.
  await page.goto(`/sesi/${id}/undang`);
  await page
    .locator('#csv')
    .fill(`nama,email,peran\n${inviteeName},${invitee},peserta\nTanpa Kontak,,peserta\n`);
  await page.getByRole('button', { name: 'Periksa dulu' }).click();
  await expect(page.locator('#preview-summary')).toContainText(
    '1 orang baru · 1 akan diundang · 0 sudah diundang · 1 baris bermasalah',
  );
  await expect(page.locator('#preview')).toContainText('Wajib diisi.');
  await page.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(page).toHaveURL(new RegExp(`/sesi/${id}/peserta\\?diundang=1`));
  await expect(page.getByText('Selesai: 1 orang baru, 1 undangan dikirim')).toBeVisible();
  await expect(page.locator('#roster tr', { hasText: inviteeName })).toContainText('Diundang');
  const invitation = await waitForMail((m) => sentTo(m, invitee) && m.subject === `Undangan bimtek: ${title}`);
  expect(invitation.text).toContain('WITA');
  expect(invitation.text).not.toContain('meet.jit.si');

  // 3. The invitee logs in by email link and registers an online seat.
  const p2 = await newPage(browser);
  await p2.goto('/masuk');
  await p2.locator('.login-link').getByLabel('Email').fill(invitee);
  await p2.getByRole('button', { name: 'Kirim tautan masuk' }).click();
  const loginMail = await waitForMail((m) => sentTo(m, invitee) && m.subject === 'Tautan masuk Bimtek');
  const loginLink = /https?:\/\/\S+\/masuk\/tautan\/[0-9a-f]{64}/.exec(loginMail.text ?? '')![0];
  await p2.goto(loginLink);
  await p2.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(p2).toHaveURL(/\/saya$/);
  await p2.goto(`/sesi/${id}`);
  await expect(p2.locator('#pendaftaran')).not.toContainText('meet.jit.si');
  await register(p2, 'online');
  await expect(p2.locator('#my-status')).toContainText('Anda terdaftar: kursi daring.');
  await expect(p2.locator('.meeting-url')).toHaveText('https://meet.jit.si/bimtek-e2e');

  // 4. The personal link from the confirmation email records the join and opens the meeting.
  const confirmation = await waitForMail(
    (m) => sentTo(m, invitee) && m.subject === `Pendaftaran diterima: ${title}`,
  );
  const joinLink = /https?:\/\/\S+\/j\/[0-9a-f]{64}/.exec(confirmation.text ?? '')![0];
  // No internet here, so the redirect to the provider is read, not followed.
  const joined = await p2.request.get(joinLink, { maxRedirects: 0 });
  expect(joined.status()).toBe(303);
  expect(joined.headers()['location']).toBe('https://meet.jit.si/bimtek-e2e');
  await page.goto(`/sesi/${id}/peserta`);
  const row = page.locator('#roster tr', { hasText: inviteeName });
  await expect(row).toContainText('Terdaftar');
  await expect(row.locator('td.joined')).toHaveText(/\d{2}[.:]\d{2}/);

  // 5. The one room seat: the participant takes it, the coordinator waits, the participant
  //    cancels, the coordinator is promoted and told by email.
  const kpm = await newPage(browser);
  await loginAs(kpm, PARTICIPANT, `/sesi/${id}`);
  await register(kpm, 'room');
  await expect(kpm.locator('#my-status')).toContainText('Anda terdaftar: kursi di ruangan.');
  const coord = await newPage(browser);
  await loginAs(coord, COORDINATOR, `/sesi/${id}`);
  await register(coord, 'room');
  await expect(coord.locator('#my-status')).toContainText('urutan ke-1');
  await kpm.getByRole('button', { name: 'Batalkan pendaftaran saya' }).click();
  await expect(kpm.getByText('Pendaftaran Anda dibatalkan.')).toBeVisible();
  const promoted = await waitForMail(
    (m) => sentTo(m, COORDINATOR) && m.subject === `Ada kursi untuk Anda: ${title}`,
  );
  expect(promoted.text).toContain('kursi di ruangan');
  await coord.reload();
  await expect(coord.locator('#my-status')).toContainText('Anda terdaftar: kursi di ruangan.');
});
