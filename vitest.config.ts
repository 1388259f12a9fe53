import { defineConfig } from 'vitest/config';

/**
 * One `npm test` runs every kind of test. Unit tests open no sockets; integration and
 * browser tests start real local servers on free 127.0.0.1 ports; infra tests synthesize
 * the CDK app offline. None of them reads ../shared or calls AWS.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
