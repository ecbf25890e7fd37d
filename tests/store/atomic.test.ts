import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers.js';

// A disk that fills up halfway through a write: the first write to a temporary file puts half its
// text down, then fails with ENOSPC, as writeFileSync does when the disk is full.
const full = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = (target: Parameters<typeof fs.writeFileSync>[0], data: string, ...rest: unknown[]) => {
    if (full.on) {
      fs.writeSync(target as number, data.slice(0, Math.floor(data.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    return (fs.writeFileSync as (...args: unknown[]) => void)(target, data, ...rest);
  };
  return { ...fs, default: { ...fs, writeFileSync }, writeFileSync };
});

const { writeFileAtomic } = await import('../../src/store/atomic.js');

describe('writeFileAtomic', () => {
  it('on a full disk leaves no half-written file and no temporary file, so a retry can succeed', () => {
    const dir = tempDir();
    const file = join(dir, 'warmup.md');
    full.on = true;
    try {
      expect(() => writeFileAtomic(file, '---\nid: warmup\n---\nA long answer.\n', { exclusive: true })).toThrow(/ENOSPC/);
    } finally {
      full.on = false;
    }
    expect(readdirSync(dir)).toEqual([]);
    writeFileAtomic(file, 'whole\n', { exclusive: true });
    expect(readFileSync(file, 'utf8')).toBe('whole\n');
  });

  it('on a full disk keeps the old content of a file it was replacing', () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    writeFileSync(file, '{"quizCount": 5}\n');
    full.on = true;
    try {
      expect(() => writeFileAtomic(file, '{"quizCount": 12}\n')).toThrow(/ENOSPC/);
    } finally {
      full.on = false;
    }
    expect(readFileSync(file, 'utf8')).toBe('{"quizCount": 5}\n');
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('with exclusive, refuses to replace a file that is already there', () => {
    const dir = tempDir();
    const file = join(dir, 'warmup.md');
    writeFileSync(file, 'theirs');
    expect(() => writeFileAtomic(file, 'mine', { exclusive: true })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(file, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['warmup.md']);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });
});
