// @ts-check
// `npm run test:mutation`: Stryker changes src/core and src/store one small piece at a time and
// counts the changes no unit test notices. Reports in reports/mutation/ (ignored by git).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/**/*.ts',
    'src/store/**/*.ts',
    // Generated or hand-kept data, not logic: a mutant there changes one word of a list of
    // thousands (synonym-table from scripts/, the lexicon's phrase families, the sheet's
    // CSS), which no unit test should pin and the bundled-bank tests already exercise as a whole.
    '!src/core/grading/synonym-table.ts',
    '!src/core/grading/lexicon-data.ts',
    '!src/core/export/html-style.ts',
    // The parsing worker runs only from the build (dist/parse-worker.js), so only the end-to-end
    // tests reach it (tests/e2e/parse-worker.test.ts), and Stryker runs the unit tests alone.
    '!src/core/bank/parse-pool.ts',
    '!src/core/bank/parse-worker.ts',
  ],
  ignorePatterns: ['dist', 'bench', 'reports', 'coverage', 'tests/e2e', 'tests/ui', 'tests/artifacts', '*.tgz'],
  // One test process: the machine has two cores and benchmarks run beside it, and the store's
  // tests spawn processes of their own.
  concurrency: 1,
  // Reruns test only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false },
  tempDirName: 'reports/.stryker-tmp',
  timeoutMS: 10_000,
  // Static mutants (in code run when a module loads: the word tables and rules defined at the top
  // of a file) cannot be traced to the tests that reach them, so Stryker would rerun the whole unit
  // suite, about a minute, for each of hundreds of them. They are left out of the score; the
  // table-driven tests check those tables entry by entry. Tests build their fixtures inside the
  // test (tests/helpers.ts onFirstUse), so that they do not make the code they reach static.
  ignoreStatic: true,
  thresholds: { high: 90, low: 85, break: null },
};

export default config;
