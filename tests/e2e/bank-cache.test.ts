import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { runCli } from './run-cli.js';

/**
 * A copy of a fixture bank that the cache trusts: its files last changed over two seconds ago.
 * Back-dating mtime is not enough, since that sets the change time (ctime) to now: so wait.
 */
function settledCopy(name: string): string {
  const bank = tempDir(name);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_100);
  return bank;
}

const fullDiskForCache = fileURLToPath(new URL('./helpers/full-disk-cache.mjs', import.meta.url));

describe('the parsed-bank cache, seen from the command line', () => {
  it.each([
    ['list --json', ['list', '--json']],
    ['show --json', ['show', 'dropout', '--json']],
    ['search --json', ['search', 'dropout', 'overfitting', '--json']],
    ['search', ['search', 'gradients']],
    ['grade --json', ['grade', 'dropout', 'it randomly drops units during training', '--json']],
    ['export --format json', ['export', '--format', 'json']],
    ['export --format md', ['export', '--format', 'md']],
  ])('%s prints the same from a fresh parse and from the cache', (_, args) => {
    const bank = settledCopy('small-bank');
    const data = tempDir();
    const env = { NNQUIZ_DATA_DIR: data };
    const fresh = runCli([...args, '--bank', bank], { env });
    const files = () => readdirSync(join(data, 'cache')).sort();
    const written = files();
    expect(written.some((f) => f.endsWith('.data'))).toBe(true);
    const manifest = readFileSync(join(data, 'cache', written.find((f) => f.endsWith('.json'))!), 'utf8');
    const cached = runCli([...args, '--bank', bank], { env });
    expect(cached).toEqual(fresh);
    // Served from the cache: a file it had to parse again would have been stored, and the cache rewritten.
    expect(files()).toEqual(written);
    expect(readFileSync(join(data, 'cache', written.find((f) => f.endsWith('.json'))!), 'utf8')).toBe(manifest);
    expect(fresh.status).toBe(0);
  });

  it('serves an edited file as edited, and finds its new words', () => {
    const bank = settledCopy('small-bank');
    const env = { NNQUIZ_DATA_DIR: tempDir() };
    expect(runCli(['search', 'zebrafish', '--json', '--bank', bank], { env }).stdout).toBe('[]\n');
    const file = join(bank, readdirSync(bank, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('dropout.md'))!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n---\n/, '\n---\nZebrafish larvae are a model organism here.\n'));
    const hits = JSON.parse(runCli(['search', 'zebrafish', '--json', '--bank', bank], { env }).stdout) as Array<{ id: string }>;
    expect(hits.map((h) => h.id)).toEqual(['dropout']);
    expect(runCli(['show', 'dropout', '--bank', bank], { env }).stdout).toContain('Zebrafish larvae');
  });

  it('never prints control sequences planted in the cache, and still answers', () => {
    const bank = settledCopy('small-bank');
    const data = tempDir();
    const env = { NNQUIZ_DATA_DIR: data };
    runCli(['list', '--bank', bank], { env });
    const manifest = join(data, 'cache', readdirSync(join(data, 'cache')).find((f) => f.endsWith('.json'))!);
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replaceAll('What is dropout', 'What is \\u001b]8;;http://evil\\u0007dropout'));
    const result = runCli(['list', '--bank', bank], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/[\u001b\u0007]/);
    expect(result.stdout).toContain('dropout');
  });

  it.each([
    ['small-bank', ['export', '--format', 'json']],
    ['small-bank', ['search', 'dropout', '--json']],
    // Derived key terms read every answer while the bank loads, before the save: from the data file that cannot be written.
    ['derived-bank', ['export', '--format', 'json']],
  ])('on a full disk, answers %s %s as with room for the cache, and leaves no cache file', (name, args) => {
    const bank = settledCopy(name);
    const withRoom = runCli([...args, '--bank', bank], { env: { NNQUIZ_DATA_DIR: tempDir() } });
    const data = tempDir();
    const full = runCli([...args, '--bank', bank], { env: { NNQUIZ_DATA_DIR: data, NODE_OPTIONS: `--import ${fullDiskForCache}` } });
    expect(full).toEqual(withRoom);
    expect(full.status).toBe(0);
    expect(readdirSync(join(data, 'cache'))).toEqual([]);
  });
});
