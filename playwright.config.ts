import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (stack-notes §3, §6.13).
// SLIPWAY_E2E_PORT and SLIPWAY_DIST let several suites run side by side, each
// against its own build (`vite build --outDir <dir>`), without clobbering `dist`.
const port = Number(process.env.SLIPWAY_E2E_PORT ?? 4173);
const outDir = process.env.SLIPWAY_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: process.env.SLIPWAY_E2E_OUT ?? 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'debian-chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        headless: true,
        launchOptions: { executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-quic'] },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
