import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LockBusyError, withFileLock } from '../../src/store/file-lock.js';
import { inMutationRun, tempDir } from '../helpers.js';

const worker = fileURLToPath(new URL('./helpers/lock-worker.ts', import.meta.url));

/** A process id that ran and is gone. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('withFileLock', () => {
  // Skipped in a mutation run: the lockers are other processes, which never run Stryker's mutant.
  it.skipIf(inMutationRun)('gives four processes adding 1 to a file 40 times each a turn apiece: the file ends at 160', async () => {
    const file = join(tempDir(), 'counter');
    writeFileSync(file, '0');
    const run = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', worker, file, '40'], { stdio: ['ignore', 'inherit', 'inherit'] });
        child.on('exit', resolve);
      });
    expect(await Promise.all([run(), run(), run(), run()])).toEqual([0, 0, 0, 0]);
    expect(readFileSync(file, 'utf8')).toBe('160');
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);

  it('waits for a lock held by a running process, then gives up with LockBusyError naming the lock', () => {
    const file = join(tempDir(), 'settings.json');
    writeFileSync(`${file}.lock`, `${process.pid}\n`);
    let ran = false;
    const started = Date.now();
    expect(() => withFileLock(file, () => (ran = true), { waitMs: 150 })).toThrow(LockBusyError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(ran).toBe(false);
    let caught: unknown;
    try {
      withFileLock(file, () => undefined, { waitMs: 0 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ lockFile: `${file}.lock` });
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${process.pid}\n`);
  });

  it('takes over a lock left by a process that is gone, or one older than the stale age', () => {
    const file = join(tempDir(), 'settings.json');
    writeFileSync(`${file}.lock`, `${deadPid()}\n`);
    expect(withFileLock(file, () => 'ran', { waitMs: 0 })).toBe('ran');
    writeFileSync(`${file}.lock`, `${process.pid}\n`);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, minuteAgo, minuteAgo);
    expect(withFileLock(file, () => 'ran', { waitMs: 0, staleMs: 30_000 })).toBe('ran');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('keeps a fresh empty lock (one being written this instant)', () => {
    const file = join(tempDir(), 'settings.json');
    writeFileSync(`${file}.lock`, '');
    expect(() => withFileLock(file, () => undefined, { waitMs: 0 })).toThrow(LockBusyError);
  });

  it('removes its lock when the work throws, and passes the error on', () => {
    const file = join(tempDir(), 'settings.json');
    expect(() =>
      withFileLock(file, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
