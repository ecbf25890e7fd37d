import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { BIN, runCli } from './run-cli.js';

const good = (answer: string) => JSON.stringify({ id: 'dropout', answer });
// No stack trace, no "this is a bug": a bad input or environment is the user's to fix.
const clean = (stderr: string) => {
  expect(stderr).not.toMatch(/RangeError|Maximum call stack|this is a bug|\n\s+at /);
};

/** Runs the built CLI with stdin from a file (here /dev/zero); the timeout only keeps a hang from stalling the suite. */
function runWithStdin(args: string[], stdinPath: string) {
  const data = tempDir();
  const fd = openSync(stdinPath, 'r');
  try {
    const env = { ...process.env, NO_COLOR: '1', NNQUIZ_DATA_DIR: data, XDG_DATA_HOME: data, XDG_CONFIG_HOME: data } as NodeJS.ProcessEnv;
    delete env.FORCE_COLOR;
    delete env.NNQUIZ_CONFIG;
    delete env.NNQUIZ_BANK;
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, stdio: [fd, 'pipe', 'pipe'], timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    closeSync(fd);
  }
}

describe('grade --batch keeps going past hostile lines', () => {
  it('gives a deeply nested line its own error line and grades the lines around it', () => {
    const file = join(tempDir(), 'in.jsonl');
    writeFileSync(file, `${good('randomly zeroes units')}\n{"id":"dropout","answer":"x","deep":${'['.repeat(20000)}${']'.repeat(20000)}}\n${good('co-adaptation')}\n`);
    const { status, stdout, stderr } = runCli(['grade', '--batch', file]);
    expect(status).toBe(1);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'dropout', verdict: expect.any(String) });
    expect(lines[1]).toMatchObject({ id: 'dropout', line: 2, error: expect.stringMatching(/nested more than 100 levels/) });
    expect(lines[2]).toMatchObject({ id: 'dropout', verdict: expect.any(String) });
    expect(stderr).toBe('nnquiz: 1 of 3 input lines could not be graded; see their "error" fields\n');
  });

  it('writes every line graded before an endless line, then stops with one error', () => {
    const file = join(tempDir(), 'in.jsonl');
    // More than the 64 KB of output held back before a write.
    writeFileSync(file, `${Array.from({ length: 400 }, (_, i) => good(`answer ${i} randomly zeroes units`)).join('\n')}\n{"id":"dropout","answer":"${'a'.repeat(400_000)}`);
    const { status, stdout, stderr } = runCli(['grade', '--batch', file]);
    expect(status).toBe(1);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(401);
    expect(lines.slice(0, 400).every((line) => line.verdict !== undefined)).toBe(true);
    expect(lines[400]).toEqual({ line: 401, error: expect.stringMatching(/^the line is longer than 160,000 characters/) });
    expect(stderr).toMatch(/^nnquiz: --batch ".*in\.jsonl": line 401 is longer than 160,000 characters, so the run stopped there\nhint: /);
    clean(stderr);
  });

  it('refuses an answer over 20,000 characters on its line and goes on', () => {
    const file = join(tempDir(), 'in.jsonl');
    writeFileSync(file, `${good('x'.repeat(20_001))}\n${good('randomly zeroes units')}\n`);
    const { status, stdout } = runCli(['grade', '--batch', file]);
    expect(status).toBe(1);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ id: 'dropout', line: 1, error: 'the answer is 20,001 characters long; expected at most 20,000; shorten it' });
    expect(lines[1].verdict).toEqual(expect.any(String));
  });
});

describe('endless or huge input ends with one error line', () => {
  it.each([
    ['grade --batch /dev/zero', ['grade', '--batch', '/dev/zero'], /^nnquiz: --batch "\/dev\/zero": line 1 is longer than 160,000 characters, so the run stopped there\nhint: .*\n$/],
    ['grade --batch - < /dev/zero', ['grade', '--batch', '-'], /^nnquiz: --batch "-": line 1 is longer than 160,000 characters, so the run stopped there\nhint: .*\n$/],
    ['grade dropout < /dev/zero', ['grade', 'dropout'], /^nnquiz: the answer on stdin is longer than 20,000 characters\nhint: shorten the answer to at most 20,000 characters\n$/],
    ['quiz < /dev/zero', ['quiz', '--count', '1'], /nnquiz: answer 1 on stdin is longer than 20,000 characters; the answers before it were saved\nhint: .*\n$/],
  ])('%s', (_name, args, expected) => {
    const { status, stderr } = runWithStdin(args, '/dev/zero');
    expect(status).toBe(1);
    expect(stderr).toMatch(expected);
    clean(stderr);
  });

  it('refuses an answer over 20,000 characters given as arguments', () => {
    const { status, stdout, stderr } = runCli(['grade', 'dropout', 'word '.repeat(5000)]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('nnquiz: the answer is 25,000 characters long; expected at most 20,000\nhint: shorten the answer to at most 20,000 characters\n');
  });

  it('keeps a bare CR inside a piped answer: one line, one answer', () => {
    const data = tempDir();
    const { status } = runCli(['quiz', '--count', '2', '--order', 'bank', '--data-dir', data], { input: 'one\rtwo\n' });
    expect(status).toBe(0);
    const attempts = readFileSync(join(data, 'attempts.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line)).filter((r) => r.type === 'attempt');
    expect(attempts.map((a) => a.answer)).toEqual(['one\rtwo']);
  });
});

describe('the environment\'s errors are not reported as bugs', () => {
  it('a log that is a folder', () => {
    const data = tempDir();
    mkdirSync(join(data, 'attempts.jsonl'));
    const { status, stderr } = runCli(['quiz', '--count', '1', '--data-dir', data], { input: 'an answer\n' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^nnquiz: .*a folder stands where a file was expected \(EISDIR\)\nhint: move that folder away, or give the path of a file\n$/m);
    expect(stderr).toContain(JSON.stringify(join(data, 'attempts.jsonl')));
    clean(stderr);
  });
});
