import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBank } from '../../../src/core/bank/read.js';
import { tempDir } from '../../helpers.js';

// Errors a test cannot cause on a real disk as root (a folder or file it may not read, a file that
// vanishes between listing and reading): each fs call below fails for the paths a test names.
type Call = 'readdirSync' | 'readFileSync' | 'realpathSync' | 'statSync';
const failures = new Map<string, { call: Call; error: unknown; times: number }>();

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const failing =
    <F extends (...args: never[]) => unknown>(call: Call, original: F) =>
    (...args: Parameters<F>): ReturnType<F> => {
      const failure = failures.get(`${call} ${String(args[0])}`);
      if (failure && failure.times > 0) {
        failure.times--;
        throw failure.error;
      }
      return original(...args) as ReturnType<F>;
    };
  return {
    ...real,
    readdirSync: failing('readdirSync', real.readdirSync),
    readFileSync: failing('readFileSync', real.readFileSync),
    realpathSync: failing('realpathSync', real.realpathSync),
    statSync: failing('statSync', real.statSync),
  };
});

const fail = (call: Call, path: string, error: unknown, times = Infinity) => failures.set(`${call} ${path}`, { call, error, times });
const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
afterEach(() => failures.clear());

const question = (id: string) => `---\nid: ${id}\nquestion: What is ${id}?\n---\nIt is ${id}.\n`;

function bankWith(...names: string[]): string {
  const dir = tempDir();
  for (const name of names) {
    const path = join(dir, name);
    if (name.endsWith('/')) fs.mkdirSync(path, { recursive: true });
    else fs.writeFileSync(path, question(name.replace(/\W/g, '')));
  }
  return dir;
}

describe('readBank: what it cannot read', () => {
  it('reports a folder it cannot list, by its error code, and reads the rest', () => {
    const dir = bankWith('locked/', 'locked/in.md', 'out.md');
    fail('readdirSync', join(dir, 'locked'), errno('EACCES'));
    const bank = readBank([dir]);
    expect(bank.questions.map((q) => q.id)).toEqual(['outmd']);
    expect(bank.problems).toEqual([{ file: join(dir, 'locked'), severity: 'error', message: 'folder cannot be read (EACCES)' }]);
  });

  it('reports an error without a code by its text, folders as it lists them before files as it reads them', () => {
    const dir = bankWith('locked/', 'a.md');
    fail('readdirSync', join(dir, 'locked'), new Error('boom'));
    fail('readFileSync', join(dir, 'a.md'), 'plain failure');
    expect(readBank([dir]).problems).toEqual([
      { file: join(dir, 'locked'), severity: 'error', message: 'folder cannot be read (Error: boom)' },
      { file: join(dir, 'a.md'), severity: 'error', message: 'cannot be read (plain failure)' },
    ]);
  });

  it('reports a file it cannot read, or that vanished before it was read, and reads the others', () => {
    const dir = bankWith('a.md', 'b.md', 'c.md');
    fail('readFileSync', join(dir, 'a.md'), errno('EACCES'));
    fail('statSync', join(dir, 'b.md'), errno('ENOENT'));
    const bank = readBank([dir]);
    expect(bank.questions.map((q) => q.id)).toEqual(['cmd']);
    expect(bank.problems).toEqual([
      { file: join(dir, 'a.md'), severity: 'error', message: 'cannot be read (EACCES)' },
      { file: join(dir, 'b.md'), severity: 'error', message: 'cannot be read (ENOENT)' },
    ]);
  });

  it('names a vanished file by its error text when the error has no code', () => {
    const dir = bankWith('a.md');
    fail('statSync', join(dir, 'a.md'), new Error('gone'));
    expect(readBank([dir]).problems).toEqual([{ file: join(dir, 'a.md'), severity: 'error', message: 'cannot be read (Error: gone)' }]);
  });

  it('skips a folder whose real path cannot be found', () => {
    const dir = bankWith('ghost/', 'ghost/in.md', 'out.md');
    fail('realpathSync', join(dir, 'ghost'), errno('ELOOP'));
    const bank = readBank([dir]);
    expect(bank.problems).toEqual([]);
    expect(bank.questions.map((q) => q.id)).toEqual(['outmd']);
  });

  it('still reads a bank folder named twice once when its real path cannot be found the first time', () => {
    const dir = bankWith('q.md');
    fail('realpathSync', dir, errno('EIO'), 1);
    const asked: string[] = [];
    const bank = readBank([dir, `${dir}/`], { cacheFor: (folder) => void asked.push(folder) });
    expect(asked).toEqual([dir]);
    expect(bank.questions.map((q) => q.id)).toEqual(['qmd']);
  });

  it('reports a file that one folder and a folder inside it both reach as a duplicate when its real path cannot be found', () => {
    const dir = bankWith('sub/', 'sub/q.md');
    const file = join(dir, 'sub', 'q.md');
    fail('realpathSync', file, errno('EIO'));
    const bank = readBank([dir, join(dir, 'sub')]);
    expect(bank.questions.map((q) => q.id)).toEqual(['subqmd']);
    expect(bank.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^duplicate id "subqmd"/)]);
  });
});
