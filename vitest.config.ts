import { defineConfig } from 'vitest/config';
import SummaryReporter from './tests/support/summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['tests/{unit,conformance,integration,infra,e2e,security,fault,browser}/**/*.test.ts'],
    reporters: ['default', new SummaryReporter()],
    // Each integration file starts its own emulators; two cores are shared with CDK synthesis.
    maxWorkers: 2,
    // Not a performance budget: a busy machine (two runs at once, load ~14 on 2 cores) makes healthy tests
    // several times slower, and a budget sized for an idle one failed them. The waits inside the tests follow
    // progress and fail on their own once nothing moves (settle(), infra/local/settle.ts); these bounds only
    // end a test or hook that hangs outright (a promise that never settles), so no test or hook sets its own.
    testTimeout: 15 * 60_000,
    hookTimeout: 15 * 60_000,
  },
});
