import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium (apt-get install chromium); never `npx playwright install` on these machines.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromium,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "phone", use: { ...devices["Pixel 7"], launchOptions: chromium } }],
  // The production build on a fresh embedded database, seeded with the demo fair on first start.
  webServer: {
    command: `rm -rf .data/e2e-${port} && node scripts/start.mjs`,
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { PORT: String(port), PGLITE_DATA_DIR: `.data/e2e-${port}`, NODE_ENV: "production" },
    stdout: "pipe",
  },
});
