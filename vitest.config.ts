import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds and browsers take seconds, not milliseconds; two cores, so not too many at once.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    // One temporary folder per run, removed at its end (test/support/temporary-root.ts).
    globalSetup: ["test/support/temporary-root.ts"],
  },
});
