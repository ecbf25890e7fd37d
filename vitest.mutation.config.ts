import { defineConfig } from 'vitest/config';
import { LoadFailureReporter } from './tests/mutation/load-failure-reporter.js';

// The vitest run behind `npm run test:mutation` (stryker.config.mjs): the fast unit tests of the
// core and the store only, since Stryker reruns the tests that reach a mutant for each of thousands.
export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/store/**/*.test.ts'],
    // The labelled interview answers grade the whole bundled bank: a regression test of the
    // rubrics, seconds per run, which would be rerun for every surviving grading mutant.
    exclude: ['tests/core/grading/interview-answers.test.ts'],
    setupFiles: ['tests/mutation/setup.ts'],
    reporters: ['default', new LoadFailureReporter()],
    // Other whole-bank tests skip themselves when this is set (see tests/helpers.ts).
    env: { NNQUIZ_MUTATION_RUN: '1' },
    testTimeout: 20_000,
  },
});
