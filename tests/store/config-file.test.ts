import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers.js';

// The real node:fs, with faults a test can set for one path: a stat that fails or tells of another
// entry (the path replaced between the look and the open), an open that fails.
const fault = vi.hoisted(() => ({ path: '', stat: undefined as (() => unknown) | undefined, open: undefined as Error | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const statSync = ((path: string, ...rest: unknown[]) => {
    if (fault.stat && path === fault.path) return fault.stat();
    return (fs.statSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.statSync;
  const openSync = ((path: string, ...rest: unknown[]) => {
    if (fault.open && path === fault.path) throw fault.open;
    return (fs.openSync as (...args: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  const faulty = { statSync, openSync };
  return { ...fs, default: { ...fs, ...faulty }, ...faulty };
});

const { NotRegularFileError, readSettingsFile, updateSettingsFile, writeSettingsFile } = await import('../../src/store/config-file.js');

afterEach(() => {
  Object.assign(fault, { path: '', stat: undefined, open: undefined });
});

const isRoot = process.getuid?.() === 0;
const openFiles = () => (process.platform === 'linux' ? readdirSync('/proc/self/fd').length : 0);
const fifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

describe('readSettingsFile', () => {
  it('reads a missing file as no settings and no problems', () => {
    const path = join(tempDir(), 'config.json');
    expect(readSettingsFile(path)).toEqual({ path, exists: false, raw: {}, settings: {}, problems: [] });
  });

  it('reads the settings, keeping every key of the file in raw, and closes the file', () => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, '{"quizCount": 15, "color": false, "theme": "dark"}\n');
    const before = openFiles();
    const file = readSettingsFile(path);
    expect(openFiles()).toBe(before);
    expect(file).toEqual({
      path,
      exists: true,
      raw: { quizCount: 15, color: false, theme: 'dark' },
      settings: { quizCount: 15, color: false },
      problems: [expect.stringContaining("unknown setting 'theme'")],
    });
  });

  it('reads a file saved with a byte-order mark, removing only the leading one', () => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, '\uFEFF{"quizCount": 15, "note": "a\uFEFFb"}');
    const file = readSettingsFile(path);
    expect(file.settings).toEqual({ quizCount: 15 });
    expect(file.raw).toEqual({ quizCount: 15, note: 'a\uFEFFb' });
    writeFileSync(path, '{"note": "\uFEFFb"}');
    expect(readSettingsFile(path).raw).toEqual({ note: '\uFEFFb' });
  });

  it.each(['', '  \n', '\uFEFF\n'])('reads an empty file (%j) as no settings and no problems', (text) => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, text);
    expect(readSettingsFile(path)).toEqual({ path, exists: true, raw: {}, settings: {}, problems: [] });
  });

  it('reports a file that is not JSON, with the parser message', () => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, '{"quizCount": 15,}');
    const file = readSettingsFile(path);
    expect(file).toMatchObject({ exists: true, raw: {}, settings: {} });
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0]).toMatch(/^it is not valid JSON \(.+\)$/);
    let message = '';
    try {
      JSON.parse('{"quizCount": 15,}');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(file.problems[0]).toBe(`it is not valid JSON (${message})`);
  });

  it.each([['[1, 2]'], ['null'], ['"quizCount"'], ['15']])('keeps no raw object from JSON that is not an object: %s', (text) => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, text);
    const file = readSettingsFile(path);
    expect(file.raw).toEqual({});
    expect(file.settings).toEqual({});
    expect(file.problems).toEqual([expect.stringContaining('the settings must be a JSON object')]);
  });

  it('refuses a folder as not a regular file', () => {
    const path = tempDir();
    expect(readSettingsFile(path)).toEqual({ path, exists: true, raw: {}, settings: {}, problems: ['it is a folder, not a regular file'], notRegular: true });
  });

  it('never opens what is not a regular file (opening a device may act on it)', () => {
    const path = tempDir();
    Object.assign(fault, { path, open: Object.assign(new Error('EACCES: opened'), { code: 'EACCES' }) });
    expect(readSettingsFile(path)).toMatchObject({ problems: ['it is a folder, not a regular file'], notRegular: true });
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without waiting for a writer', () => {
    const path = join(tempDir(), 'config.json');
    fifo(path);
    expect(readSettingsFile(path)).toMatchObject({ exists: true, problems: ['it is a FIFO, not a regular file'], notRegular: true });
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO put in place of the file between its look and its open, without hanging, and closes it', () => {
    const dir = tempDir();
    const path = join(dir, 'config.json');
    writeFileSync(join(dir, 'regular.json'), '{}');
    fifo(path);
    Object.assign(fault, { path, stat: () => statSync(join(dir, 'regular.json')) });
    const before = openFiles();
    expect(readSettingsFile(path)).toEqual({ path, exists: true, raw: {}, settings: {}, problems: ['it is a FIFO, not a regular file'], notRegular: true });
    expect(openFiles()).toBe(before);
  });

  it.each([
    ['its code', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), 'it cannot be read (EACCES)'],
    ['the error itself when it has no code', new Error('boom'), 'it cannot be read (Error: boom)'],
  ])('reports a file that cannot be read, by %s', (_how, error, problem) => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, '{"quizCount": 15}');
    Object.assign(fault, { path, open: error });
    expect(readSettingsFile(path)).toEqual({ path, exists: true, raw: {}, settings: {}, problems: [problem] });
  });
});

describe('writeSettingsFile', () => {
  it('writes the object as indented JSON with a final newline, making missing folders', () => {
    const path = join(tempDir(), 'a', 'b', 'config.json');
    writeSettingsFile(path, { quizCount: 15, theme: 'dark' });
    expect(readFileSync(path, 'utf8')).toBe('{\n  "quizCount": 15,\n  "theme": "dark"\n}\n');
    expect(readdirSync(dirname(path))).toEqual(['config.json']);
  });

  it('keeps the mode of the file it replaces', () => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, '{}');
    chmodSync(path, 0o600);
    writeSettingsFile(path, { quizCount: 15 });
    expect(statSync(path).mode & 0o7777).toBe(0o600);
    chmodSync(path, 0o664);
    writeSettingsFile(path, { quizCount: 16 });
    expect(statSync(path).mode & 0o7777).toBe(0o664);
  });

  it('gives a new file the mode the umask decides', () => {
    const path = join(tempDir(), 'config.json');
    writeSettingsFile(path, {});
    expect(statSync(path).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it.skipIf(!isRoot)('run as root, keeps the owner of the file it replaces', () => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, '{}');
    chownSync(path, 1234, 2345);
    writeSettingsFile(path, { quizCount: 15 });
    expect(statSync(path)).toMatchObject({ uid: 1234, gid: 2345 });
  });

  it('writes through a symbolic link to the file it names, keeping the link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'dotfiles'));
    writeFileSync(join(dir, 'dotfiles', 'config.json'), '{}');
    symlinkSync(join(dir, 'dotfiles', 'config.json'), join(dir, 'config.json'));
    writeSettingsFile(join(dir, 'config.json'), { quizCount: 15 });
    expect(lstatSync(join(dir, 'config.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'dotfiles', 'config.json'), 'utf8')).toBe('{\n  "quizCount": 15\n}\n');
  });

  it('creates the file a dangling link names, and its folder', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'dotfiles', 'nnquiz', 'config.json'), join(dir, 'config.json'));
    writeSettingsFile(join(dir, 'config.json'), { color: false });
    expect(readFileSync(join(dir, 'dotfiles', 'nnquiz', 'config.json'), 'utf8')).toBe('{\n  "color": false\n}\n');
  });

  it.each([
    ['a folder', (path: string) => mkdirSync(path), 'a folder'],
    [
      'a link to a folder',
      (path: string) => {
        mkdirSync(`${path}.d`);
        symlinkSync(`${path}.d`, path);
      },
      'a folder',
    ],
    ['a FIFO', fifo, 'a FIFO'],
  ])('refuses to replace %s, naming what the path leads to', (_what, plant, kind) => {
    const path = join(tempDir(), 'config.json');
    plant(path);
    const target = lstatSync(path).isSymbolicLink() ? `${path}.d` : path;
    let caught: unknown;
    try {
      writeSettingsFile(path, { quizCount: 15 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NotRegularFileError);
    expect(caught).toMatchObject({ path: target, kind, message: `${target} is ${kind}, not a regular file` });
    expect(lstatSync(target).isFile()).toBe(false);
  });

  it('passes on a failure to look at the file other than its absence, writing nothing', () => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, '{"quizCount": 5}');
    Object.assign(fault, {
      path,
      stat: () => {
        throw Object.assign(new Error('EIO: i/o error, stat'), { code: 'EIO' });
      },
    });
    expect(() => writeSettingsFile(path, { quizCount: 15 })).toThrow(expect.objectContaining({ code: 'EIO' }));
    expect(readFileSync(path, 'utf8')).toBe('{"quizCount": 5}');
  });
});

describe('updateSettingsFile', () => {
  it('gives the change the file as it is, writes what it returns, and returns that', () => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, '{"quizCount": 5, "theme": "dark"}');
    const seen: unknown[] = [];
    const written = updateSettingsFile(path, (file) => {
      seen.push(file, existsSync(`${path}.lock`));
      return { ...file.raw, quizCount: 12 };
    });
    expect(written).toEqual({ quizCount: 12, theme: 'dark' });
    expect(seen).toEqual([expect.objectContaining({ path, exists: true, raw: { quizCount: 5, theme: 'dark' }, settings: { quizCount: 5 } }), true]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ quizCount: 12, theme: 'dark' });
    expect(readdirSync(dirname(path))).toEqual(['config.json']);
  });

  it('creates a missing file and its folders', () => {
    const path = join(tempDir(), 'a', 'b', 'config.json');
    updateSettingsFile(path, (file) => {
      expect(file.exists).toBe(false);
      return { color: false };
    });
    expect(readFileSync(path, 'utf8')).toBe('{\n  "color": false\n}\n');
  });

  it('through a link, locks the file the link names', () => {
    const dir = tempDir();
    const target = join(dir, 'dotfiles', 'config.json');
    symlinkSync(target, join(dir, 'config.json'));
    const locks = updateSettingsFile(join(dir, 'config.json'), () => ({ beside: existsSync(`${target}.lock`), onLink: existsSync(join(dir, 'config.json.lock')) }));
    expect(locks).toEqual({ beside: true, onLink: false });
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(locks);
  });

  it('writes nothing when the change throws, passes the error on and lets go of the lock', () => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, '{"quizCount": 5}');
    expect(() =>
      updateSettingsFile(path, () => {
        throw new Error('not a number');
      }),
    ).toThrow('not a number');
    expect(readFileSync(path, 'utf8')).toBe('{"quizCount": 5}');
    expect(readdirSync(dirname(path))).toEqual(['config.json']);
  });
});
