import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

/**
 * The failure drills (`npm run test:drills`): the production build served by `node server.mjs`
 * against a throwaway PostgreSQL cluster, one drill at a time. Run after `npm run build`.
 */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/drills/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // The drills skip themselves unless run through this config (vitest.config.ts would also find them).
    env: { NODE_ENV: "test", FAIR_DRILLS: "1" },
  },
});
