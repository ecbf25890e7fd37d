import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { runCli } from './run-cli.js';

const record = (question: string, verdict: 'correct' | 'incorrect') =>
  JSON.stringify({ v: 1, type: 'attempt', id: `${question}-1`, question, answer: 'an answer', score: verdict === 'correct' ? 0.9 : 0.1, verdict, rating: verdict === 'correct' ? 'good' : 'again', matched: [], missing: verdict === 'correct' ? [] : ['an idea'], seconds: 3, at: '2026-01-01T00:00:00.000Z' });

/**
 * A home for a run as another user: a data folder holding a log of two attempts, and settings and
 * cache folders anyone may use. Every folder on the way is open to all, as a user's home is to them.
 */
function home() {
  const root = tempDir();
  chmodSync(root, 0o755);
  const data = join(root, 'data');
  const config = join(root, 'config');
  mkdirSync(data);
  mkdirSync(config, { mode: 0o777 });
  chmodSync(config, 0o777);
  writeFileSync(join(data, 'attempts.jsonl'), `${record('dropout', 'incorrect')}\n${record('softmax', 'correct')}\n`);
  const env = { NNQUIZ_DATA_DIR: data, XDG_DATA_HOME: config, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: config };
  return { root, data, log: join(data, 'attempts.jsonl'), env };
}

describe('a data folder that cannot be written', () => {
  it('stats and export --weak read it; quiz says the folder cannot be written before asking anything', () => {
    const { data, env } = home();
    chmodSync(data, 0o555);
    const stats = runCli(['stats', '--json'], { env, unprivileged: true });
    expect(stats.stderr).toBe('');
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ attempts: 2, correct: 1 });
    const weak = runCli(['export', '--weak', '--format', 'json', '--out', '-'], { env, unprivileged: true });
    expect(weak.status).toBe(0);
    expect(JSON.parse(weak.stdout).map((q: { id: string }) => q.id)).toContain('dropout');
    const quiz = runCli(['quiz', '-n', '1'], { env, unprivileged: true, input: 'an answer\n' });
    expect(quiz.status).toBe(1);
    expect(quiz.stderr).toMatch(new RegExp(`^nnquiz: data folder "${data}" cannot be written \\((EACCES|EROFS)\\)\\nhint: `));
    expect(readdirSync(data)).toEqual(['attempts.jsonl']);
  });

  it('stats starts no progress log where there is none yet', () => {
    const { root, env } = home();
    const missing = join(root, 'not-yet');
    const stats = runCli(['stats', '--json'], { env: { ...env, NNQUIZ_DATA_DIR: missing } });
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ attempts: 0 });
    expect(existsSync(join(missing, 'attempts.jsonl'))).toBe(false);
  });
});

describe('a progress log that cannot be read', () => {
  it('is named as the culprit, not its folder, in one line with a hint', () => {
    const { data, log, env } = home();
    chmodSync(data, 0o777);
    chmodSync(log, 0o000);
    for (const args of [['stats'], ['export', '--weak', '--out', '-']]) {
      const result = runCli(args, { env, unprivileged: true });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`nnquiz: progress log "${log}" cannot be read (EACCES)\nhint: check its owner and mode (ls -l "${log}"), or choose another data folder with --data-dir DIR\n`);
    }
    const quiz = runCli(['quiz', '-n', '1'], { env, unprivileged: true, input: 'an answer\n' });
    expect(quiz.status).toBe(1);
    expect(quiz.stderr).toMatch(new RegExp(`^nnquiz: progress log "${log}" cannot be read and written \\(EACCES\\)\\nhint: check its owner and mode`));
  });

  it('that is a folder is said to be one', () => {
    const { root, env } = home();
    const data = join(root, 'odd');
    mkdirSync(join(data, 'attempts.jsonl'), { recursive: true });
    const result = runCli(['stats'], { env: { ...env, NNQUIZ_DATA_DIR: data } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^nnquiz: progress log ".*attempts\.jsonl" is a folder, not a file\nhint: /);
  });
});

describe('a progress log larger than one string can hold', () => {
  it('is read a line at a time: 600 MiB of one damaged line, then a record, loads the record', () => {
    const { log, env } = home();
    // A sparse file: 600 MiB of zero bytes that take no room on disk, past V8's 512 MiB string limit.
    writeFileSync(log, '');
    truncateSync(log, 600 * 1024 * 1024);
    appendFileSync(log, `\n${record('softmax', 'correct')}\n`);
    const result = runCli(['stats', '--json'], { env });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ attempts: 1, correct: 1 });
    expect(result.stderr).toMatch(/^nnquiz: 1 damaged record in .*attempts\.jsonl \(line 1\) skipped; everything else loaded\n/);
  });
});
