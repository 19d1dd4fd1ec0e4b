import { defineConfig } from 'vitest/config';
import SummaryReporter from './tests/support/summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['tests/{unit,conformance,integration,infra,e2e,security,fault,browser}/**/*.test.ts'],
    reporters: ['default', new SummaryReporter()],
    // Each integration file starts its own emulators; two cores are shared with CDK synthesis.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
