import { defineConfig } from 'vitest/config';

/** `npm run test:reliability`: the reliability and security suite, one file at a time, then a summary table. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/reliability/**/*.reliability.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/reliability/summary.ts'],
  },
});
