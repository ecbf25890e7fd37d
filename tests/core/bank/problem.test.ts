import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/bank/problem.js';

describe('formatProblem', () => {
  it.each([
    ['with a line', { file: 'bank/a.md', line: 3, severity: 'error' as const, message: "'question' is missing" }, "bank/a.md:3: error: 'question' is missing"],
    ['with line 0', { file: 'bank/a.md', line: 0, severity: 'error' as const, message: 'm' }, 'bank/a.md:0: error: m'],
    ['without a line', { file: 'bank/b.md', severity: 'warning' as const, message: 'no key terms' }, 'bank/b.md: warning: no key terms'],
    ['with the line left undefined', { file: 'b.md', line: undefined, severity: 'warning' as const, message: 'm' }, 'b.md: warning: m'],
  ])('formats a problem %s, compiler style', (_name, problem, expected) => {
    expect(formatProblem(problem)).toBe(expected);
  });
});
