import { defineConfig } from 'vitest/config';

// Two projects: `unit` is fast and needs nothing but Node (real HTTP on 127.0.0.1 is fine);
// `e2e` drives real Chromium with puppeteer and runs files one at a time to stay within 2 cores.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summaryReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          sequence: { groupOrder: 0 },
          server: { deps: { inline: [/@pexip\//] } },
          // Property tests and real servers take a few seconds on a loaded 2-core machine; a
          // timeout is a hang detector here, not a speed budget (npm run bench measures speed).
          testTimeout: 30_000,
          // Vitest's default on a 2-core machine is one worker (cores - 1); many unit files wait on
          // child processes, PostgreSQL and sockets more than on the CPU, so two side by side finish
          // the project in about two thirds of the time.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // After the unit project, never beside it: Chromium wants both cores.
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          globalSetup: ['./test/e2e/support/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
