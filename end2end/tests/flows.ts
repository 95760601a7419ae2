// Steps the specs share: which project runs (JavaScript on or off), waiting for hydration,
// dates and local times to type into forms, logging in by password, a second person's page.
import { expect, test, type Browser, type Page } from '@playwright/test';

export const PASSWORD = 'bimtek-demo-2026';
export const ORGANISER = 'penyelenggara@bimtek.localhost';
export const PARTICIPANT = 'kpm@bimtek.localhost';
export const COORDINATOR = 'koordinator@bimtek.localhost';

export function jsOn(): boolean {
  return test.info().project.name === 'js-on';
}

/** Waits until the wasm has taken over the page (only when JavaScript runs). */
export async function settled(page: Page) {
  if (jsOn()) await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}

/** The date `days` from now, as a date input value (UTC). */
export function dayAhead(days: number): string {
  return new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
}

/** Local WITA (UTC+8) time `minutes` from now, as a datetime-local value. */
export function witaIn(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000 + 8 * 3600_000).toISOString().slice(0, 16);
}

/** Logs in by password on /masuk?next=…, and waits to land on `next`. */
export async function loginAs(page: Page, email: string, next: string) {
  await page.goto(`/masuk?next=${encodeURIComponent(next)}`);
  await settled(page);
  await page.locator('#login-form').getByLabel('Email').fill(email);
  await page.locator('#login-form').getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, '\\$&')}$`));
}

/** A page for another person: its own cookies, JavaScript as the project says. */
export async function newPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ javaScriptEnabled: jsOn() });
  return ctx.newPage();
}

/** Creates a hybrid session in Kota Makassar (WITA) starting `startsIn` minutes from now, from
 *  the organiser's logged-in `page`; returns its id. */
export async function createHybridSession(
  page: Page,
  s: { title: string; startsIn: number; minutes: number; room: number; online: number; venue: string; link: string },
): Promise<string> {
  await page.goto('/sesi/baru');
  await settled(page);
  await page.getByLabel('Judul sesi').fill(s.title);
  await page.getByLabel('Program', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Bentuk sesi').selectOption('hybrid');
  await page.getByLabel('Wilayah').selectOption({ label: 'Kota Makassar (WITA)' });
  await page.getByLabel('Zona waktu').selectOption('WITA');
  await page.getByLabel('Mulai').fill(witaIn(s.startsIn));
  await page.getByLabel('Selesai').fill(witaIn(s.startsIn + s.minutes));
  await page.getByLabel('Kuota luring (kursi di ruangan)').fill(String(s.room));
  await page.getByLabel('Kuota daring').fill(String(s.online));
  await page.getByLabel('Tempat').fill(s.venue);
  await page.getByLabel('Tautan rapat').fill(s.link);
  await page.getByRole('button', { name: 'Simpan sesi' }).click();
  await expect(page).toHaveURL(/\/sesi\?dibuat=\d+/);
  return /dibuat=(\d+)/.exec(page.url())![1];
}
