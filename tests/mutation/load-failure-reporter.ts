import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Makes a test file that cannot load count as a failed test in a mutation run. Stryker's vitest
 * runner (9.6) builds a mutant's result from the tests vitest collected, and a file whose import
 * throws (a mutant that breaks a module at load) collects none: the mutant would be reported as
 * survived, or a broken file would go unnoticed. This reporter gives such a file one failed test
 * carrying its load error, so the mutant counts as killed.
 */
export class LoadFailureReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    for (const module of testModules) {
      if (module.state() !== 'failed' || module.children.size > 0) continue;
      // The runner reads the tasks vitest keeps, which the public TestModule does not expose.
      const file = (module as unknown as { task: RunnerTestFile }).task;
      const error = module.errors()[0] ?? { message: `${module.moduleId} failed to load` };
      // Vitest types a test with a context only a real run builds; nothing reads it after the run.
      const failed = {
        type: 'test',
        id: `${file.id}_load`,
        name: 'loads the test file',
        fullName: `${file.name} loads the test file`,
        mode: 'run',
        file,
        suite: file,
        meta: {},
        timeout: 0,
        annotations: [],
        artifacts: [],
        context: {},
        result: { state: 'fail', errors: [error] },
      } as unknown as RunnerTestCase;
      file.tasks.push(failed);
    }
  }
}
