import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{cli,certify,load,http,mock-idp,reference-sp,steps,bench,e2e,tools,packaging}/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
