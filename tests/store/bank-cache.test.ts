import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileStamp, ParsedFile } from '../../src/core/bank/read.js';
import { parseQuestion } from '../../src/core/bank/question.js';
import { BankCache } from '../../src/store/bank-cache.js';
import { tempDir } from '../helpers.js';

const file = 'q.md';
const parsed = (question: string): ParsedFile => {
  const result = parseQuestion(`---\nquestion: ${question}\n---\nAn answer.\n`, { file, defaultId: 'q' });
  return result as ParsedFile;
};
const stamp: FileStamp = { size: 40, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 7 };

/** A cache saved at `cachedAt` and read back by a new process at `readAt`. */
function roundTrip(cachedAt: number, readAt: number, lookupStamp = stamp) {
  const dir = tempDir();
  const bank = tempDir();
  const first = new BankCache(join(dir, 'cache'), '1.0.0', () => cachedAt);
  first.forFolder(bank)!.store(file, stamp, parsed('What is dropout?'));
  first.save();
  const second = new BankCache(join(dir, 'cache'), '1.0.0', () => readAt);
  return second.forFolder(bank)!.lookup(file, lookupStamp);
}

describe('BankCache', () => {
  it('serves a parse for the very same stamp of a file that had settled before it was cached', () => {
    expect(roundTrip(stamp.mtimeMs + 5_000, stamp.mtimeMs + 60_000)?.question?.question).toBe('What is dropout?');
  });

  it('never serves an entry made within two seconds of the file changing: an edit in that second keeps the stamp', () => {
    expect(roundTrip(stamp.mtimeMs + 500, stamp.mtimeMs + 60_000)).toBeUndefined();
  });

  it('misses when any part of the stamp differs', () => {
    for (const changed of [{ size: 41 }, { mtimeMs: stamp.mtimeMs + 1 }, { ctimeMs: stamp.ctimeMs + 1 }, { ino: 8 }]) {
      expect(roundTrip(stamp.mtimeMs + 5_000, stamp.mtimeMs + 60_000, { ...stamp, ...changed })).toBeUndefined();
    }
  });

  it('ignores a cache written by another version', () => {
    const dir = tempDir();
    const bank = tempDir();
    const old = new BankCache(join(dir, 'cache'), '0.9.0', () => stamp.mtimeMs + 5_000);
    old.forFolder(bank)!.store(file, stamp, parsed('What is dropout?'));
    old.save();
    expect(new BankCache(join(dir, 'cache'), '1.0.0').forFolder(bank)!.lookup(file, stamp)).toBeUndefined();
  });
});
