import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{cli,mock-idp,reference-sp,steps,bench}/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
