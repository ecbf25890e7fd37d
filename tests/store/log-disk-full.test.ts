import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers.js';

// A full disk, simulated: the next write stores only part of its bytes (a short write), or fails
// with ENOSPC, as a full file system does.
const disk = vi.hoisted(() => ({ mode: 'ok' as 'ok' | 'short' | 'enospc' }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, data: string) => {
    if (disk.mode === 'enospc') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    if (disk.mode === 'short') {
      const bytes = Buffer.from(data);
      // Later writes find the disk full: a short write is followed by ENOSPC.
      disk.mode = 'enospc';
      return fs.writeSync(fd, bytes, 0, Math.floor(bytes.length / 2));
    }
    return fs.writeSync(fd, data);
  }) as typeof fs.writeSync;
  return { ...fs, writeSync, default: { ...fs, writeSync } };
});

const { appendRecord, DiskFullError, readRecords } = await import('../../src/store/log.js');

afterEach(() => {
  disk.mode = 'ok';
});

describe('appendRecord on a full disk', () => {
  it.each(['short', 'enospc'] as const)('throws DiskFullError naming the file and leaves the log as it was (%s write)', (mode) => {
    const file = join(tempDir(), 'attempts.jsonl');
    appendRecord(file, { n: 1 });
    const before = readFileSync(file, 'utf8');
    disk.mode = mode;
    let error: unknown;
    try {
      appendRecord(file, { n: 2, answer: 'a long answer '.repeat(20) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DiskFullError);
    expect((error as Error).message).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(before);
    disk.mode = 'ok';
    appendRecord(file, { n: 3 });
    const records: Array<{ line: number; value: object }> = [];
    expect(readRecords(file, (value, line) => records.push({ line, value }))).toEqual([]);
    expect(records).toEqual([{ line: 1, value: { n: 1 } }, { line: 2, value: { n: 3 } }]);
  });

  it('truncates back to the same place when the log ended in a torn line', () => {
    const file = join(tempDir(), 'attempts.jsonl');
    writeFileSync(file, '{"n":1}\n{"n":');
    disk.mode = 'short';
    expect(() => appendRecord(file, { n: 2 })).toThrow(DiskFullError);
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":');
  });
});
