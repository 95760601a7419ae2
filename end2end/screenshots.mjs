// Screenshots of the pages at 360 px and 1280 px: `BASE_URL=… node screenshots.mjs <outdir>`.
// Not a test: for looking at what was built.
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const out = process.argv[2] ?? 'screenshots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function as(email, width) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, baseURL: base });
  const page = await ctx.newPage();
  if (email) {
    await page.goto('/masuk');
    await page.locator('#login-form').getByLabel('Email').fill(email);
    await page.locator('#login-form').getByLabel('Kata sandi').fill('bimtek-demo-2026');
    await page.locator('#login-form').getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
  }
  return page;
}

// ONLY=organiser: just the organiser's pages (one login per width: the per-account limit).
if (process.env.ONLY === 'organiser') {
  for (const width of [360, 1280]) {
    const anon = await as(null, width);
    await anon.goto('/sesi?mode=hybrid');
    await anon.screenshot({ path: `${out}/list-filtered-${width}.png`, fullPage: true });
    await anon.context().close();
    const page = await as('penyelenggara@bimtek.localhost', width);
    for (const [path, name] of [
      ['/sesi', 'list-organiser'],
      ['/sesi/1', 'session-organiser'],
      ['/sesi/1/ubah', 'session-edit'],
      ['/sesi/baru', 'session-new'],
      ['/program', 'programmes'],
      ['/program/baru', 'programme-new'],
    ]) {
      await page.goto(path);
      await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
    }
    await page.context().close();
  }
  await browser.close();
  process.exit(0);
}

// ONLY=reports: the attendance report, certificates and dashboards (SESSION and PROGRAMME name
// a held session and its programme; the certificates also as printed, A4 landscape).
if (process.env.ONLY === 'reports') {
  const sid = process.env.SESSION ?? '1';
  const pid = process.env.PROGRAMME ?? '1';
  for (const width of [360, 1280]) {
    const org = await as('penyelenggara@bimtek.localhost', width);
    for (const [path, name] of [
      [`/sesi/${sid}/laporan`, 'report-session'],
      [`/sesi/${sid}/sertifikat`, 'certificates'],
      ['/dasbor', 'dashboard'],
      [`/program/${pid}/dasbor`, 'dashboard-programme'],
    ]) {
      await org.goto(path);
      await org.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
    }
    if (width === 1280) {
      await org.goto(`/sesi/${sid}/sertifikat`);
      await org.pdf({ path: `${out}/certificates.pdf`, format: 'A4', landscape: true, printBackground: true });
      await org.emulateMedia({ media: 'print' });
      await org.screenshot({ path: `${out}/certificates-print.png`, fullPage: true });
    }
    await org.context().close();
  }
  await browser.close();
  process.exit(0);
}

// ONLY=field: the mail, attendance and follow-up pages. For an open roll call and check-in
// screen, move demo session 1 to start within 30 minutes in the database first.
if (process.env.ONLY === 'field') {
  for (const width of [360, 1280]) {
    const org = await as('penyelenggara@bimtek.localhost', width);
    for (const [path, name] of [
      ['/sesi/baru', 'session-new-reminders'],
      ['/sesi/1/email', 'delivery-log'],
      ['/sesi/1', 'session-organiser-links'],
    ]) {
      await org.goto(path);
      await org.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
    }
    await org.context().close();
    const mentor = await as('pendamping@bimtek.localhost', width);
    for (const [path, name] of [
      ['/pendamping', 'mentor-today'],
      ['/sesi/1/absen', 'roll-call'],
      ['/sesi/1/hadir/layar', 'checkin-screen'],
      ['/pendamping/peserta', 'caseload'],
    ]) {
      await mentor.goto(path);
      await mentor.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
    }
    await mentor.locator('#caseload li').first().getByRole('link').click();
    await mentor.waitForSelector('#business-card');
    await mentor.screenshot({ path: `${out}/follow-up-${width}.png`, fullPage: true });
    await mentor.context().close();
    const kpm = await as('kpm@bimtek.localhost', width);
    await kpm.goto('/hadir/1');
    await kpm.screenshot({ path: `${out}/checkin-typed-${width}.png`, fullPage: true });
    await kpm.context().close();
  }
  await browser.close();
  process.exit(0);
}

const shots = [
  [null, '/masuk', 'login'],
  ['admin@bimtek.localhost', '/admin/orang', 'people'],
  ['admin@bimtek.localhost', '/admin/orang/6', 'person'],
  ['koordinator@bimtek.localhost', '/koordinator', 'coordinator'],
  ['pendamping@bimtek.localhost', '/pendamping', 'mentor'],
  ['kpm@bimtek.localhost', '/saya', 'participant'],
  [null, '/sesi/1', 'session-anonymous'],
  ['kpm@bimtek.localhost', '/sesi/1', 'session-registered'],
  ['koordinator@bimtek.localhost', '/sesi/4', 'session-register'],
  ['penyelenggara@bimtek.localhost', '/sesi/1/peserta', 'roster'],
];
for (const width of [360, 1280]) {
  for (const [email, path, name] of shots) {
    const page = await as(email, width);
    await page.goto(path);
    await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
    await page.context().close();
  }
  // The card, right after registering someone.
  const page = await as('koordinator@bimtek.localhost', width);
  const f = page.locator('#participant-form');
  await f.getByLabel('Nama lengkap').fill('Yuliana Rahayu');
  await f.getByLabel('Nomor HP').fill(`0813 ${String(Date.now()).slice(-8)}`);
  await f.getByLabel('Wilayah').selectOption({ label: 'Kota Makassar' });
  await f.getByRole('button', { name: 'Daftarkan dan buat kode' }).click();
  await page.waitForSelector('.code-card');
  await page.screenshot({ path: `${out}/card-${width}.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${out}/card-print-${width}.png`, fullPage: true });
  await page.context().close();
}
for (const width of [360, 1280]) {
  // The invitation preview, with one bad row.
  const page = await as('penyelenggara@bimtek.localhost', width);
  await page.goto('/sesi/1/undang');
  await page.locator('#csv').fill('nama;email;no hp;peran;wilayah\nSiti Rahmawati;siti.r@contoh.id;;KPM;Kota Makassar\nBudi;;0812 7000 1234;pendamping;\nX;bukan-email;;ketua;\n');
  await page.getByRole('button', { name: 'Periksa dulu' }).click();
  await page.waitForSelector('#preview');
  await page.screenshot({ path: `${out}/invite-preview-${width}.png`, fullPage: true });
  await page.context().close();
}
await browser.close();
