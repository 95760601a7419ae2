// Every role logs in by password and by an emailed link and lands on its own home page; a wrong
// password gets a clear message; a coordinator registers a participant without email, whose
// personal code then logs them in; an admin gives someone a role. JavaScript on and off.
import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, jsOn, settled } from './flows';
import { sentTo, waitForMail } from './helpers';

const ROLES = [
  { role: 'admin', email: 'admin@bimtek.localhost', home: '/admin/orang', heading: 'Orang dan peran' },
  { role: 'organiser', email: 'penyelenggara@bimtek.localhost', home: '/sesi', heading: 'Jadwal bimtek' },
  { role: 'mentor', email: 'pendamping@bimtek.localhost', home: '/pendamping', heading: 'Sesi yang saya dampingi' },
  { role: 'coordinator', email: 'koordinator@bimtek.localhost', home: '/koordinator', heading: 'Daftarkan peserta tanpa email' },
  { role: 'participant', email: 'kpm@bimtek.localhost', home: '/saya', heading: 'Sesi saya' },
];

async function passwordLogin(page: Page, email: string, password = PASSWORD) {
  await page.goto('/masuk');
  await settled(page);
  const form = page.locator('#login-form');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Kata sandi').fill(password);
  await form.getByRole('button', { name: 'Masuk', exact: true }).click();
}

function homeUrl(home: string): RegExp {
  return new RegExp(`${home.replace(/\//g, '\\/')}$`);
}

for (const r of ROLES) {
  test(`${r.role} logs in by password and lands on ${r.home}`, async ({ page }) => {
    await passwordLogin(page, r.email);
    await expect(page).toHaveURL(homeUrl(r.home));
    await expect(page.getByRole('heading', { level: 1, name: r.heading })).toBeVisible();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect(page.getByRole('link', { name: 'Masuk', exact: true })).toBeVisible();
  });

  test(`${r.role} logs in by email link and lands on ${r.home}`, async ({ page }) => {
    const since = Date.now();
    await page.goto('/masuk');
    await page.locator('.login-link').first().getByLabel('Email').fill(r.email);
    await page.getByRole('button', { name: 'Kirim tautan masuk' }).click();
    await expect(page.getByText('tautan masuk sudah dikirim')).toBeVisible();
    const mail = await waitForMail(
      (m) => sentTo(m, r.email) && m.subject === 'Tautan masuk Bimtek' && Date.parse(String(m.date ?? m.time)) >= since - 2000,
    );
    const link = /https?:\/\/\S+\/masuk\/tautan\/[0-9a-f]{64}/.exec(mail.text ?? '')?.[0];
    expect(link, 'the email carries the link').toBeTruthy();
    await page.goto(link!);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(page).toHaveURL(homeUrl(r.home));
    await expect(page.getByRole('heading', { level: 1, name: r.heading })).toBeVisible();
  });
}

test('a wrong password gets a clear message and keeps the email', async ({ page }) => {
  await passwordLogin(page, 'pendamping@bimtek.localhost', 'bukan-sandinya-2026');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.locator('#login-form')).toContainText('Email atau kata sandi salah.');
  await expect(page.locator('#login-form').getByLabel('Email')).toHaveValue('pendamping@bimtek.localhost');
  // A plain post never sends the password back into the page.
  if (!jsOn()) await expect(page.locator('#login-form').getByLabel('Kata sandi')).toHaveValue('');
  await expect(page).toHaveURL(/\/masuk/);
});

test('a coordinator registers a participant without email, who logs in with the code', async ({ page, browser }) => {
  await passwordLogin(page, 'koordinator@bimtek.localhost');
  await expect(page).toHaveURL(/\/koordinator$/);

  // Bad phone first: a message on that field, the name kept.
  const form = page.locator('#participant-form');
  await form.getByLabel('Nama lengkap').fill('Yuliana Rahayu');
  await form.getByLabel('Nomor HP').fill('021 555');
  await form.getByLabel('Wilayah').selectOption({ label: 'Kota Makassar' });
  await form.getByRole('button', { name: 'Daftarkan dan buat kode' }).click();
  await expect(page.locator('#participant-form')).toContainText('Nomor HP tidak valid');
  await expect(page.locator('#participant-form').getByLabel('Nama lengkap')).toHaveValue('Yuliana Rahayu');

  const phone = `0813 ${String(Date.now()).slice(-8)}`;
  await page.locator('#participant-form').getByLabel('Nomor HP').fill(phone);
  await page.locator('#participant-form').getByRole('button', { name: 'Daftarkan dan buat kode' }).click();
  await expect(page.getByRole('heading', { name: 'Kartu kode pribadi' })).toBeVisible();
  await expect(page.locator('.code-card')).toContainText('Yuliana Rahayu');
  await expect(page.locator('.code-card .qr svg')).toBeVisible();
  const code = (await page.locator('.card-code').textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);

  // Back on the list, the participant is there with their phone.
  await page.getByRole('link', { name: 'Kembali ke daftar peserta' }).click();
  await expect(page.locator('.people')).toContainText('Yuliana Rahayu');

  // On the participant's own phone: a wrong code first, then the right one, typed loosely.
  const context = await browser.newContext();
  const kpm = await context.newPage();
  await kpm.goto('/masuk');
  const codeForm = kpm.locator('#code-form');
  await codeForm.getByLabel('Kode pribadi').fill('ZZZZZ-ZZZZZ');
  await codeForm.getByRole('button', { name: 'Masuk dengan kode' }).click();
  await expect(kpm.locator('#code-form')).toContainText('Kode tidak dikenal');
  await kpm.locator('#code-form').getByLabel('Kode pribadi').fill(code.toLowerCase().replace('-', ' '));
  await kpm.locator('#code-form').getByRole('button', { name: 'Masuk dengan kode' }).click();
  await expect(kpm).toHaveURL(/\/saya$/);
  await expect(kpm.getByRole('heading', { level: 1, name: 'Sesi saya' })).toBeVisible();
  await expect(kpm.getByText('Yuliana Rahayu')).toBeVisible();
  await context.close();
});

test('the QR link on the card logs the demo participant in with one tap', async ({ page }) => {
  await page.goto('/k/KPMWARUNG2');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/saya$/);
  await expect(page.getByText('Sri Wahyuni')).toBeVisible();
});

test('an admin gives a person a role, which shows on their page', async ({ page }) => {
  await passwordLogin(page, 'admin@bimtek.localhost');
  await expect(page).toHaveURL(/\/admin\/orang$/);
  // The participant the coordinator registered above (demo accounts keep their homes).
  await page.getByRole('searchbox').fill('yuliana');
  await page.getByRole('button', { name: 'Cari' }).click();
  await page.getByRole('link', { name: /Yuliana Rahayu/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Yuliana Rahayu/ })).toBeVisible();
  // A different role per project, so the second run is not a duplicate.
  const role = jsOn() ? 'Pendamping' : 'Penyelenggara';
  const grant = page.locator('#grant-form');
  await grant.getByLabel('Peran').selectOption({ label: role });
  await grant.getByLabel('Wilayah').selectOption({ label: 'Kota Jayapura' });
  await grant.getByRole('button', { name: 'Tambah peran' }).click();
  await expect(page.getByRole('status')).toContainText('Peran diperbarui');
  await expect(page.locator('.grants')).toContainText(role);
  await expect(page.locator('.grants')).toContainText('Kota Jayapura');

  // The audit log shows the change.
  await page.goto('/admin/audit');
  await expect(page.getByText('role.granted').first()).toBeVisible();
});
