import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers.js';
import { runCli } from './run-cli.js';

const fullDisk = fileURLToPath(new URL('./helpers/full-disk.mjs', import.meta.url));

describe('quiz on a full disk', () => {
  it('says the answer was not saved, naming the log, exits 1, and leaves the log whole', () => {
    const data = tempDir();
    const log = join(data, 'attempts.jsonl');
    const args = ['quiz', '--bank', fixture('small-bank'), '--data-dir', data, '--order', 'bank', '--count', '2'];
    expect(runCli(args, { input: 'first answer\n' }).status).toBe(0);
    const before = readFileSync(log, 'utf8');

    const { status, stderr } = runCli(args, { input: 'an answer the disk has no room for\nanother\n', env: { NODE_OPTIONS: `--import ${fullDisk}` } });
    expect(stderr).toContain(`disk full: this answer was not saved to ${JSON.stringify(log)}`);
    expect(stderr).toMatch(/hint: free some space/);
    expect(stderr).not.toMatch(/this is a bug|\n\s+at /);
    expect(status).toBe(1);
    expect(readFileSync(log, 'utf8')).toBe(before);

    // The next run reads the log as it was.
    const next = runCli(['stats', '--data-dir', data, '--bank', fixture('small-bank'), '--json']);
    expect(next.status).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ attempts: 1 });
  });
});
