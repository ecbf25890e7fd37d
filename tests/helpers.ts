import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const bundledBank = fileURLToPath(new URL('../questions', import.meta.url));

/** Set by vitest.mutation.config.ts: whole-bank tests skip themselves there, since a mutation run
 * reruns every test that reaches a surviving mutant, and these take seconds each. */
export const inMutationRun = process.env.NNQUIZ_MUTATION_RUN === '1';

/**
 * A value made when a test first asks for it, not when the file loads: under a mutation run, code
 * that runs while a test file loads makes every mutant it reaches "static", which Stryker can only
 * check by rerunning every test (tests/mutation/setup.ts, stryker.config.mjs).
 */
export function onFirstUse<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder removed after the test; with a fixture name, a copy of that fixture. */
export function tempDir(copyOf?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nnquiz-test-'));
  made.push(dir);
  if (copyOf) cpSync(fixture(copyOf), dir, { recursive: true });
  return dir;
}
