import { defineConfig } from "vitest/config";

// One runner for everything: pure packages and server rooms in-process, browser tests against
// the real built client served by the real server (see tests/browser).
export default defineConfig({
  test: {
    // Both cores for the unit and soak projects (vitest's default leaves one idle on a 2-core CI box:
    // 183 s instead of ~100 s); the browser project runs one file at a time (fileParallelism).
    // Order: the unit tests beside the soak (sequence.groupOrder 1), then the browser files, alone (vitest
    // runs a one-worker project left at the default groupOrder in a group of its own, after the others).
    // The soak (two minutes of 30 moving clients with churn) and the heavier unit files take a core
    // each; run beside the browser tests they made the loaded box that turned them red (CI, stop 29).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "apps/server/src/**/*.test.ts", "apps/client/src/**/*.test.ts"],
          exclude: ["**/*.soak.test.ts", "**/node_modules/**"],
          environment: "node",
          setupFiles: ["packages/i18n/src/load-all.test-setup.ts"], // every language's catalogue, as a page has once chosen
          // Limits, not speed claims (those live in the bench): a loaded 2-core CI box once took over
          // vitest's default 5 s to optimise the heavy test model.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "soak",
          include: ["apps/server/src/**/*.soak.test.ts"],
          environment: "node",
          setupFiles: ["packages/i18n/src/load-all.test-setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
