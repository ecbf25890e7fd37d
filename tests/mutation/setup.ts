// Loaded only by vitest.mutation.config.ts. Under a mutant, a test that stops short of its
// assertions (an early return, a loop over nothing) would pass and let the mutant survive unseen:
// every test must make at least one assertion.
import { beforeEach, expect } from 'vitest';

beforeEach(() => {
  expect.hasAssertions();
});
