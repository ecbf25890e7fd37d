import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/errors.js';
import { tempDir } from '../helpers.js';

// The real node:fs, watched: which folders are made, which files flushed; and a disk that can be
// full (the write of a file's text fails with ENOSPC).
const disk = vi.hoisted(() => ({ full: false, made: [] as string[], flushed: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = (...args: unknown[]) => {
    if (disk.full && typeof args[0] === 'number') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return (fs.writeFileSync as (...args: unknown[]) => void)(...args);
  };
  const mkdirSync = (...args: unknown[]) => {
    disk.made.push(String(args[0]));
    return (fs.mkdirSync as (...args: unknown[]) => unknown)(...args);
  };
  const fsyncSync = (fd: number) => {
    disk.flushed += 1;
    return fs.fsyncSync(fd);
  };
  const watched = { writeFileSync, mkdirSync, fsyncSync };
  return { ...fs, default: { ...fs, ...watched }, ...watched };
});

const { BankPlacementError, QuestionFileWriter, pathExists, writeQuestionFile } = await import('../../src/store/bank-files.js');

afterEach(() => {
  Object.assign(disk, { full: false, made: [], flushed: 0 });
});

const QUESTION = '---\nid: warmup\n---\nWhat is a tensor?\n';
const HINT = (bank: string) => `nnquiz writes only inside ${bank}: choose another topic, or replace it with a folder`;

/** The error a call throws, to look at whole. */
function thrown(call: () => unknown): CliError {
  try {
    call();
  } catch (error) {
    return error as CliError;
  }
  throw new Error('expected the call to throw');
}

describe('pathExists', () => {
  it('is true for a file, a folder and a link, even one that leads nowhere; false for nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    expect(pathExists(join(dir, 'file'))).toBe(true);
    expect(pathExists(dir)).toBe(true);
    expect(pathExists(join(dir, 'dangling'))).toBe(true);
    expect(pathExists(join(dir, 'nowhere'))).toBe(false);
  });
});

describe('QuestionFileWriter', () => {
  it('writes <bank>/<topic>/<id>.md, making the bank and topic folders, and returns its path', () => {
    const bank = join(tempDir(), 'bank');
    const file = new QuestionFileWriter(bank).write('basics', 'warmup', QUESTION);
    expect(file).toBe(join(bank, 'basics', 'warmup.md'));
    expect(readFileSync(file, 'utf8')).toBe(QUESTION);
    expect(readdirSync(join(bank, 'basics'))).toEqual(['warmup.md']);
  });

  it('writeQuestionFile writes one file the same way', () => {
    const bank = tempDir();
    expect(writeQuestionFile(bank, 'basics', 'warmup', QUESTION)).toBe(join(bank, 'basics', 'warmup.md'));
    expect(readFileSync(join(bank, 'basics', 'warmup.md'), 'utf8')).toBe(QUESTION);
  });

  it('checks and makes each topic folder once per writer, however many files go there', () => {
    const bank = tempDir();
    const writer = new QuestionFileWriter(bank);
    writer.write('basics', 'one', QUESTION);
    expect(disk.made).toEqual([bank, join(bank, 'basics')]);
    writer.write('basics', 'two', QUESTION);
    writer.write('basics', 'three', QUESTION);
    expect(disk.made).toHaveLength(2);
    writer.write('rnn', 'four', QUESTION);
    expect(disk.made).toEqual([bank, join(bank, 'basics'), bank, join(bank, 'rnn')]);
    new QuestionFileWriter(bank).write('basics', 'five', QUESTION);
    expect(disk.made).toHaveLength(6);
    expect(readdirSync(join(bank, 'basics')).sort()).toEqual(['five.md', 'one.md', 'three.md', 'two.md']);
  });

  it('flushes each file to disk unless told flush: false', () => {
    const bank = tempDir();
    const writer = new QuestionFileWriter(bank);
    writer.write('basics', 'flushed', QUESTION);
    writer.write('basics', 'also-flushed', QUESTION, {});
    expect(disk.flushed).toBe(2);
    writer.write('basics', 'not-flushed', QUESTION, { flush: false });
    expect(disk.flushed).toBe(2);
    expect(readFileSync(join(bank, 'basics', 'not-flushed.md'), 'utf8')).toBe(QUESTION);
  });

  it.each([
    ['a file', (path: string) => writeFileSync(path, 'theirs')],
    ['a link that leads nowhere', (path: string) => symlinkSync(`${path}.missing`, path)],
  ])('refuses to write where %s already is, naming it, and leaves it alone', (_what, plant) => {
    const bank = tempDir();
    mkdirSync(join(bank, 'basics'));
    const file = join(bank, 'basics', 'warmup.md');
    plant(file);
    const error = thrown(() => new QuestionFileWriter(bank).write('basics', 'warmup', QUESTION));
    expect(error).toBeInstanceOf(BankPlacementError);
    expect(error).toMatchObject({ message: `${file} already exists`, hint: 'choose another id; nothing was written over it' });
    expect(lstatSync(file).isSymbolicLink() || readFileSync(file, 'utf8') === 'theirs').toBe(true);
    expect(readdirSync(join(bank, 'basics'))).toEqual(['warmup.md']);
  });

  it('writes into a topic folder that is a link to a folder inside the bank', () => {
    const bank = tempDir();
    mkdirSync(join(bank, 'neural-networks'));
    symlinkSync(join(bank, 'neural-networks'), join(bank, 'nn'));
    new QuestionFileWriter(bank).write('nn', 'warmup', QUESTION);
    expect(readFileSync(join(bank, 'neural-networks', 'warmup.md'), 'utf8')).toBe(QUESTION);
  });

  it('writes into an existing topic folder of a bank reached through a link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real-bank', 'basics'), { recursive: true });
    symlinkSync(join(dir, 'real-bank'), join(dir, 'bank'));
    new QuestionFileWriter(join(dir, 'bank')).write('basics', 'warmup', QUESTION);
    expect(readFileSync(join(dir, 'real-bank', 'basics', 'warmup.md'), 'utf8')).toBe(QUESTION);
  });

  it('refuses a topic folder that is a link out of the bank, writing nothing there', () => {
    const dir = tempDir();
    const bank = join(dir, 'bank');
    mkdirSync(join(dir, 'elsewhere'));
    mkdirSync(bank);
    symlinkSync(join(dir, 'elsewhere'), join(bank, 'basics'));
    const error = thrown(() => new QuestionFileWriter(bank).write('basics', 'warmup', QUESTION));
    expect(error).toBeInstanceOf(BankPlacementError);
    expect(error).toMatchObject({ message: `${join(bank, 'basics')} leads outside the bank, to ${join(dir, 'elsewhere')}`, hint: HINT(bank) });
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
  });

  it('refuses a topic folder that is a link leading nowhere', () => {
    const bank = tempDir();
    symlinkSync(join(bank, 'gone'), join(bank, 'basics'));
    const error = thrown(() => new QuestionFileWriter(bank).write('basics', 'warmup', QUESTION));
    expect(error).toBeInstanceOf(BankPlacementError);
    expect(error).toMatchObject({ message: `${join(bank, 'basics')} is a link that leads nowhere`, hint: HINT(bank) });
    expect(existsSync(join(bank, 'gone'))).toBe(false);
  });

  it.each([
    ['a file', (bank: string) => writeFileSync(join(bank, 'basics'), 'not a folder')],
    [
      'a link to a file in the bank',
      (bank: string) => {
        writeFileSync(join(bank, 'notes.txt'), '');
        symlinkSync(join(bank, 'notes.txt'), join(bank, 'basics'));
      },
    ],
  ])('refuses a topic that is %s', (_what, plant) => {
    const bank = tempDir();
    plant(bank);
    const error = thrown(() => new QuestionFileWriter(bank).write('basics', 'warmup', QUESTION));
    expect(error).toBeInstanceOf(BankPlacementError);
    expect(error).toMatchObject({ message: `${join(bank, 'basics')} is not a folder`, hint: HINT(bank) });
  });

  it('on a full disk says which file cannot be written and why, placing nothing', () => {
    const bank = tempDir();
    disk.full = true;
    const file = join(bank, 'basics', 'warmup.md');
    const error = thrown(() => new QuestionFileWriter(bank).write('basics', 'warmup', QUESTION));
    expect(error).toBeInstanceOf(CliError);
    expect(error).not.toBeInstanceOf(BankPlacementError);
    expect(error).toMatchObject({ message: `${file} cannot be written: the disk is full (ENOSPC)`, hint: 'free some space, or check that the bank folder is writable' });
    expect(readdirSync(join(bank, 'basics'))).toEqual([]);
  });

  it('on a full disk says so even when the file also exists already', () => {
    const bank = tempDir();
    mkdirSync(join(bank, 'basics'));
    writeFileSync(join(bank, 'basics', 'warmup.md'), 'theirs');
    disk.full = true;
    const error = thrown(() => new QuestionFileWriter(bank).write('basics', 'warmup', QUESTION));
    expect(error).not.toBeInstanceOf(BankPlacementError);
    expect(error.message).toBe(`${join(bank, 'basics', 'warmup.md')} cannot be written: the disk is full (ENOSPC)`);
  });

  it('names the path the system refused: a bank that is a file', () => {
    const bank = join(tempDir(), 'bank');
    writeFileSync(bank, '');
    const error = thrown(() => new QuestionFileWriter(bank).write('basics', 'warmup', QUESTION));
    expect(error).toBeInstanceOf(CliError);
    expect(error).not.toBeInstanceOf(BankPlacementError);
    expect(error.message).toBe(`${bank} cannot be written: something already exists there (EEXIST)`);
  });
});
