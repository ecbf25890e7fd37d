import { readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers.js';

// Another process acting between two steps of withFileLock: `onStat` holds what it does just
// before each coming stat of a lock file, in turn.
const race = vi.hoisted(() => ({ onStat: [] as { before?: () => void }[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const statSync = ((path: string, ...rest: unknown[]) => {
    const step = String(path).endsWith('.lock') ? race.onStat.shift() : undefined;
    step?.before?.();
    return (fs.statSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.statSync;
  return { ...fs, default: { ...fs, statSync }, statSync };
});

const { LockBusyError, withFileLock } = await import('../../src/store/file-lock.js');

afterEach(() => {
  race.onStat = [];
  vi.restoreAllMocks();
});

const CRASHED = 4242;
const realKill = process.kill.bind(process);

/** A lock left by a crashed process, its time a whole second a little while ago. */
function crashedLock(file: string): Date {
  const lock = `${file}.lock`;
  writeFileSync(lock, `${CRASHED}\n`);
  vi.spyOn(process, 'kill').mockImplementation((pid, signal) => {
    if (pid === CRASHED) throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    return realKill(pid, signal);
  });
  const then = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_000);
  utimesSync(lock, then, then);
  return then;
}

describe('withFileLock racing another process', () => {
  it('when the holder lets go just as the lock is looked at, takes it without waiting', () => {
    const file = join(tempDir(), 'settings.json');
    writeFileSync(`${file}.lock`, `${process.pid}\n`);
    race.onStat.push({ before: () => rmSync(`${file}.lock`) });
    // A clock that moves at each reading: with no wait allowed, any pause would be a give-up.
    const start = Date.now();
    let readings = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => start + readings++);
    expect(withFileLock(file, () => 'ran', { waitMs: 0 })).toBe('ran');
  });

  it('keeps a lock that another process took over (a new file) after this one judged the old one stale', () => {
    const file = join(tempDir(), 'settings.json');
    const lock = `${file}.lock`;
    const then = crashedLock(file);
    // The other process's lock, placed with the very same time as the crashed one, after the
    // crashed one was read and judged, before it is looked at again to be removed.
    race.onStat.push({}, {
      before: () => {
        writeFileSync(`${lock}.theirs`, `${process.pid}\n`);
        utimesSync(`${lock}.theirs`, then, then);
        renameSync(`${lock}.theirs`, lock);
      },
    });
    expect(() => withFileLock(file, () => 'ran', { waitMs: 0 })).toThrow(LockBusyError);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    expect(statSync(lock).mtimeMs).toBe(then.getTime());
  });

  it('keeps a lock rewritten in place (same file, newer time) after this one judged it stale', () => {
    const file = join(tempDir(), 'settings.json');
    const lock = `${file}.lock`;
    const then = crashedLock(file);
    const inode = statSync(lock).ino;
    const later = new Date(then.getTime() + 1_000);
    race.onStat.push({}, {
      before: () => {
        writeFileSync(lock, `${process.pid}\n`);
        utimesSync(lock, later, later);
      },
    });
    expect(() => withFileLock(file, () => 'ran', { waitMs: 0 })).toThrow(LockBusyError);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    expect(statSync(lock).ino).toBe(inode);
  });

  it('removes a crashed lock that nobody touched meanwhile', () => {
    const file = join(tempDir(), 'settings.json');
    crashedLock(file);
    expect(withFileLock(file, () => readFileSync(`${file}.lock`, 'utf8'), { waitMs: 0 })).toBe(`${process.pid}\n`);
  });
});
