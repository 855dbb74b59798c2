// vitest configuration: unit tests run in parallel, the Docker end-to-end tests run one file at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
