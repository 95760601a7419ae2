import { execSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

// Debian's chromium, never a Playwright-downloaded browser (`npx playwright install` must not run:
// only package registries are reachable).
function chromiumPath(): string {
  try {
    const found = execSync('command -v chromium', { shell: '/bin/sh', encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // fall through to the Debian default
  }
  return '/usr/bin/chromium';
}

const launchOptions = {
  executablePath: chromiumPath(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

// BASE_URL (the running bimtek server), MAILDEV_URL and DB_LABEL are set by scripts/test.sh.
export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: process.env.BASE_URL,
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'js-on',
      use: { browserName: 'chromium', javaScriptEnabled: true, launchOptions },
    },
    {
      name: 'js-off',
      use: { browserName: 'chromium', javaScriptEnabled: false, launchOptions },
    },
  ],
});
