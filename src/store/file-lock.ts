import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';

/** Another process holds the lock, and kept it longer than nnquiz waits. */
export class LockBusyError extends Error {
  constructor(readonly lockFile: string) {
    super(`${lockFile} is held by another process`);
  }
}

export interface LockOptions {
  /** How long to wait for another holder, in ms. */
  waitMs?: number;
  /** A lock older than this, in ms, was left by a crash whatever its process id says. */
  staleMs?: number;
}

const POLL_MS = 20;
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `work` holding `FILE.lock`, a file created exclusively beside `file` and removed after, so
 * that read-modify-write cycles of one file by several processes take turns and none loses
 * another's change. A lock whose process is gone, or that is older than `staleMs`, was left by a
 * crash and is taken over.
 */
export function withFileLock<T>(file: string, work: () => T, options: LockOptions = {}): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + (options.waitMs ?? 5_000);
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (removeIfStale(lock, options.staleMs ?? 30_000)) continue;
      if (Date.now() > deadline) throw new LockBusyError(lock);
      pause(POLL_MS);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Removes a lock left by a crash; false when it is held (or was just taken by someone else). */
function removeIfStale(lock: string, staleMs: number): boolean {
  let before;
  let holder: number;
  try {
    before = statSync(lock);
    // Stryker disable next-line StringLiteral: without an encoding the read gives a Buffer, which parseInt reads as the same text.
    holder = Number.parseInt(readFileSync(lock, 'utf8'), 10);
  } catch {
    return true; // gone meanwhile: try again
  }
  const old = Date.now() - before.mtimeMs > staleMs;
  // An empty lock is one being written this instant, unless it is old.
  const gone = Number.isInteger(holder) && holder > 0 && !processRuns(holder);
  if (!old && !gone) return false;
  try {
    // Only the lock judged stale: one taken over by another process since has another inode.
    const now = statSync(lock);
    if (now.ino !== before.ino || now.mtimeMs !== before.mtimeMs) return false;
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: without force, a lock gone meanwhile throws ENOENT into the catch below, which does the same.
    rmSync(lock, { force: true });
  } catch {
    // gone meanwhile
  }
  return true;
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
