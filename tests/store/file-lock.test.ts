import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
    // Its own wait, not the default 5 s.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(ran).toBe(false);
    let caught: unknown;
    try {
      withFileLock(file, () => undefined, { waitMs: 0 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ lockFile: `${file}.lock`, message: `${file}.lock is held by another process` });
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

  it('writes its process id into the lock while the work runs, and keeps no file open', () => {
    const file = join(tempDir(), 'settings.json');
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = process.platform === 'linux' ? openFiles() : 0;
    const seen = withFileLock(file, () => ({ lock: readFileSync(`${file}.lock`, 'utf8'), open: process.platform === 'linux' ? openFiles() : 0 }));
    expect(seen).toEqual({ lock: `${process.pid}\n`, open: before });
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('returns what the work returns even when the lock was taken away meanwhile (judged stale elsewhere)', () => {
    const file = join(tempDir(), 'settings.json');
    expect(
      withFileLock(file, () => {
        rmSync(`${file}.lock`);
        return 'done';
      }),
    ).toBe('done');
  });

  it('fails at once with the system error when the lock cannot be created for another reason than a holder', () => {
    const file = join(tempDir(), 'missing-folder', 'settings.json');
    let ran = false;
    expect(() => withFileLock(file, () => (ran = true), { waitMs: 60_000 })).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(ran).toBe(false);
  });

  it('polls a held lock every few ms rather than spinning', () => {
    const file = join(tempDir(), 'settings.json');
    writeFileSync(`${file}.lock`, `${process.pid}\n`);
    const now = vi.spyOn(Date, 'now');
    expect(() => withFileLock(file, () => undefined, { waitMs: 200 })).toThrow(LockBusyError);
    // Two clock readings a poll, a poll each 20 ms: about 20 readings, where spinning makes thousands.
    expect(now.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(now.mock.calls.length).toBeLessThan(60);
  });

  it.each([
    ['a negative number', '-99999'],
    ['a number too large to be one', '9'.repeat(400)],
    ['text', 'busy'],
  ])('keeps a fresh lock whose content is %s rather than a process id', (_what, content) => {
    const file = join(tempDir(), 'settings.json');
    writeFileSync(`${file}.lock`, `${content}\n`);
    expect(() => withFileLock(file, () => undefined, { waitMs: 0 })).toThrow(LockBusyError);
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${content}\n`);
  });

  describe('by default', () => {
    it('judges a lock stale once older than 30 s, whoever holds it', () => {
      const file = join(tempDir(), 'settings.json');
      const aged = (seconds: number) => {
        writeFileSync(`${file}.lock`, `${process.pid}\n`);
        const then = new Date(Date.now() - seconds * 1000);
        utimesSync(`${file}.lock`, then, then);
      };
      aged(25);
      expect(() => withFileLock(file, () => 'ran', { waitMs: 0 })).toThrow(LockBusyError);
      aged(35);
      expect(withFileLock(file, () => 'ran', { waitMs: 0 })).toBe('ran');
      aged(35);
      expect(() => withFileLock(file, () => 'ran', { waitMs: 0, staleMs: 60_000 })).toThrow(LockBusyError);
    });

    it('waits 5 s for a held lock, then gives up', () => {
      const file = join(tempDir(), 'settings.json');
      writeFileSync(`${file}.lock`, `${process.pid}\n`);
      // A clock that moves a second at each reading, so that the wait takes a few polls.
      const start = Date.now();
      let readings = 0;
      vi.spyOn(Date, 'now').mockImplementation(() => start + 1_000 * readings++);
      expect(() => withFileLock(file, () => undefined)).toThrow(LockBusyError);
      const waited = 1_000 * (readings - 1);
      expect(waited).toBeGreaterThan(5_000);
      expect(waited).toBeLessThanOrEqual(7_000);
    });
  });

  describe('at the exact boundaries (a pinned clock)', () => {
    it('a lock exactly staleMs old is still held; one a millisecond older is stale', () => {
      const file = join(tempDir(), 'settings.json');
      const lock = `${file}.lock`;
      const lockAt = (age: number) => {
        writeFileSync(lock, `${process.pid}\n`);
        const then = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
        utimesSync(lock, then, then);
        const mtime = statSync(lock).mtimeMs;
        // The first reading sets the deadline, already past; the next judges the lock's age.
        const readings = [mtime + age - 1, mtime + age];
        vi.spyOn(Date, 'now').mockImplementation(() => (readings.length > 1 ? readings.shift()! : readings[0]!));
      };
      lockAt(4_000);
      expect(() => withFileLock(file, () => 'ran', { waitMs: 0, staleMs: 4_000 })).toThrow(LockBusyError);
      vi.restoreAllMocks();
      lockAt(4_001);
      expect(withFileLock(file, () => 'ran', { waitMs: 0, staleMs: 4_000 })).toBe('ran');
    });

    it('waits until the deadline has passed, not merely been reached: a lock freed right then is taken', () => {
      const file = join(tempDir(), 'settings.json');
      const lock = `${file}.lock`;
      writeFileSync(lock, `${process.pid}\n`);
      const start = Date.now();
      let readings = 0;
      // Time stands still at the deadline; the holder lets go at the first look at the clock there.
      vi.spyOn(Date, 'now').mockImplementation(() => {
        readings += 1;
        if (readings === 1) return start;
        if (readings === 3) rmSync(lock);
        return start + 100;
      });
      expect(withFileLock(file, () => 'ran', { waitMs: 100 })).toBe('ran');
    });
  });

  describe("a holder's process", () => {
    const holdBy = (kill: () => never) => {
      const file = join(tempDir(), 'settings.json');
      writeFileSync(`${file}.lock`, '4242\n');
      vi.spyOn(process, 'kill').mockImplementation(kill);
      return file;
    };

    it('that runs as another user (EPERM) still holds its lock', () => {
      const file = holdBy(() => {
        throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
      });
      expect(() => withFileLock(file, () => 'ran', { waitMs: 0 })).toThrow(LockBusyError);
      expect(process.kill).toHaveBeenCalledWith(4242, 0);
    });

    it('that is gone (ESRCH) has left its lock to take over', () => {
      const file = holdBy(() => {
        throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
      });
      expect(withFileLock(file, () => 'ran', { waitMs: 0 })).toBe('ran');
    });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
