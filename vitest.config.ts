/**
 * Two projects, both run by `npm test`:
 * - unit (`*.unit.test.ts`): no database, no sandbox, no compiled CLI; finishes in seconds
 *   (`npm run test:unit` while working);
 * - integration (every other `*.test.ts`): a real Postgres 15 (test/support/global-setup.ts) and the
 *   sandbox over HTTP, the compiled CLI as a child process.
 */
import { configDefaults, defineConfig } from 'vitest/config';

const unitTests = 'test/**/*.unit.test.ts';

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: { name: 'unit', include: [unitTests], pool: 'threads', testTimeout: 30_000 },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, unitTests],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
