import { spawnSync } from 'node:child_process';
import { existsSync, fstatSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers.js';

// Faults and witnesses, through a node:fs that is the real one except where a test says:
// - full: the first write to a temporary file puts half its text down, then fails with ENOSPC, as
//   writeFileSync does when the disk is full;
// - linkFails: hard links fail with that code, as on a file system without them;
// - opened, flushed, chowned: what the write did to which descriptor.
const fault = vi.hoisted(() => ({
  full: false,
  linkFails: undefined as string | undefined,
  chownFails: false,
  opened: [] as { path: string; mode: unknown; fd: number }[],
  flushed: [] as number[],
  chowned: [] as [number, number, number][],
}));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = (target: Parameters<typeof fs.writeFileSync>[0], data: string, ...rest: unknown[]) => {
    if (fault.full) {
      fs.writeSync(target as number, data.slice(0, Math.floor(data.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    return (fs.writeFileSync as (...args: unknown[]) => void)(target, data, ...rest);
  };
  const openSync = (path: string, flags: string, mode?: number) => {
    const fd = fs.openSync(path, flags, mode);
    fault.opened.push({ path, mode, fd });
    return fd;
  };
  const linkSync = (existing: string, path: string) => {
    if (fault.linkFails) throw Object.assign(new Error(`${fault.linkFails}: link`), { code: fault.linkFails });
    return fs.linkSync(existing, path);
  };
  const fsyncSync = (fd: number) => {
    fault.flushed.push(fd);
    return fs.fsyncSync(fd);
  };
  const fchownSync = (fd: number, uid: number, gid: number) => {
    fault.chowned.push([fd, uid, gid]);
    if (fault.chownFails) throw Object.assign(new Error('EPERM: operation not permitted, fchown'), { code: 'EPERM' });
    return fs.fchownSync(fd, uid, gid);
  };
  const faulty = { writeFileSync, openSync, linkSync, fsyncSync, fchownSync };
  return { ...fs, default: { ...fs, ...faulty }, ...faulty };
});

const { describeFileKind, resolveLinks, writeFileAtomic } = await import('../../src/store/atomic.js');

afterEach(() => {
  Object.assign(fault, { full: false, linkFails: undefined, chownFails: false, opened: [], flushed: [], chowned: [] });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('writeFileAtomic', () => {
  it('on a full disk leaves no half-written file and no temporary file, so a retry can succeed', () => {
    const dir = tempDir();
    const file = join(dir, 'warmup.md');
    fault.full = true;
    try {
      expect(() => writeFileAtomic(file, '---\nid: warmup\n---\nA long answer.\n', { exclusive: true })).toThrow(/ENOSPC/);
    } finally {
      fault.full = false;
    }
    expect(readdirSync(dir)).toEqual([]);
    writeFileAtomic(file, 'whole\n', { exclusive: true });
    expect(readFileSync(file, 'utf8')).toBe('whole\n');
  });

  it('on a full disk keeps the old content of a file it was replacing, and closes the temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    writeFileSync(file, '{"quizCount": 5}\n');
    fault.full = true;
    try {
      expect(() => writeFileAtomic(file, '{"quizCount": 12}\n')).toThrow(/ENOSPC/);
    } finally {
      fault.full = false;
    }
    expect(readFileSync(file, 'utf8')).toBe('{"quizCount": 5}\n');
    expect(readdirSync(dir)).toEqual(['config.json']);
    expect(fault.opened).toHaveLength(1);
    expect(() => fstatSync(fault.opened[0]!.fd)).toThrow(expect.objectContaining({ code: 'EBADF' }));
  });

  it('when the temporary file cannot even be created, throws that error, not one about removing it', () => {
    const file = join(tempDir(), 'missing-folder', 'config.json');
    expect(() => writeFileAtomic(file, '{}\n')).toThrow(expect.objectContaining({ code: 'ENOENT', syscall: 'open' }));
  });

  it('replaces a file with the new content, leaving nothing else beside it', () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    writeFileAtomic(file, new TextEncoder().encode('newer'));
    expect(readFileSync(file, 'utf8')).toBe('newer');
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('writes through a temporary file beside the path, named by process, a random tag and a counter', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'a.md'), 'a');
    writeFileAtomic(join(dir, 'b.md'), 'b');
    writeFileAtomic(join(dir, 'c.md'), 'c');
    const names = fault.opened.map((open) => relative(dir, open.path));
    const pattern = new RegExp(`^([abc])\\.md\\.${process.pid}\\.([0-9a-f]{8})([0-9a-z]+)\\.tmp$`);
    const parts = names.map((name) => pattern.exec(name));
    expect(parts.map((match) => match?.[1])).toEqual(['a', 'b', 'c']);
    // One tag for the process, then a counter that goes up: three different names.
    expect(new Set(parts.map((match) => match?.[2])).size).toBe(1);
    const counts = parts.map((match) => Number.parseInt(match![3]!, 36));
    expect(counts[1]).toBe(counts[0]! + 1);
    expect(counts[2]).toBe(counts[0]! + 2);
  });

  it('gives the file the mode asked for, whatever the umask, and creates it with that mode from the start', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'shared'), 'x', { mode: 0o666 });
    writeFileAtomic(join(dir, 'private'), 'x', { mode: 0o600 });
    expect(modeOf(join(dir, 'shared'))).toBe(0o666);
    expect(modeOf(join(dir, 'private'))).toBe(0o600);
    expect(fault.opened.map((open) => open.mode)).toEqual([0o666, 0o600]);
  });

  it('without a mode lets the umask decide, as for any new file', () => {
    const file = join(tempDir(), 'plain');
    writeFileAtomic(file, 'x');
    expect(fault.opened.map((open) => open.mode)).toEqual([0o666]);
    expect(modeOf(file)).toBe(0o666 & ~process.umask());
  });

  it('gives the file the owner asked for, and still writes it when the system refuses (not root)', () => {
    const dir = tempDir();
    const { uid, gid } = statSync(dir);
    writeFileAtomic(join(dir, 'given'), 'x', { owner: { uid, gid } });
    expect(fault.chowned).toEqual([[fault.opened[0]!.fd, uid, gid]]);
    fault.chownFails = true;
    writeFileAtomic(join(dir, 'refused'), 'y', { owner: { uid: uid + 1, gid: gid + 1 } });
    expect(readFileSync(join(dir, 'refused'), 'utf8')).toBe('y');
    expect(fault.chowned).toHaveLength(2);
  });

  it('flushes the file to disk before placing it, unless flush is false', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'flushed'), 'x');
    writeFileAtomic(join(dir, 'also-flushed'), 'x', { flush: true });
    expect(fault.flushed).toEqual([fault.opened[0]!.fd, fault.opened[1]!.fd]);
    writeFileAtomic(join(dir, 'not-flushed'), 'x', { flush: false });
    expect(fault.flushed).toHaveLength(2);
    expect(readFileSync(join(dir, 'not-flushed'), 'utf8')).toBe('x');
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

  it('with exclusive, places a new file and removes the temporary one', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'warmup.md'), 'mine', { exclusive: true });
    expect(readFileSync(join(dir, 'warmup.md'), 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['warmup.md']);
  });

  describe('with exclusive, on a file system without hard links', () => {
    it.each(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'])('(link fails with %s) places a new file by renaming', (code) => {
      const dir = tempDir();
      fault.linkFails = code;
      writeFileAtomic(join(dir, 'warmup.md'), 'mine', { exclusive: true });
      expect(readFileSync(join(dir, 'warmup.md'), 'utf8')).toBe('mine');
      expect(readdirSync(dir)).toEqual(['warmup.md']);
    });

    it.each(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'])('(link fails with %s) still refuses a path that exists, even as a dangling link', (code) => {
      const dir = tempDir();
      fault.linkFails = code;
      writeFileSync(join(dir, 'taken.md'), 'theirs');
      symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.md'));
      for (const name of ['taken.md', 'dangling.md']) {
        const path = join(dir, name);
        expect(() => writeFileAtomic(path, 'mine', { exclusive: true })).toThrow(expect.objectContaining({ code: 'EEXIST', path, message: `EEXIST: file already exists, '${path}'` }));
      }
      expect(readFileSync(join(dir, 'taken.md'), 'utf8')).toBe('theirs');
      expect(lstatSync(join(dir, 'dangling.md')).isSymbolicLink()).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['dangling.md', 'taken.md']);
    });

    it('passes any other failure of the link on, placing nothing', () => {
      const dir = tempDir();
      fault.linkFails = 'EIO';
      expect(() => writeFileAtomic(join(dir, 'warmup.md'), 'mine', { exclusive: true })).toThrow(expect.objectContaining({ code: 'EIO' }));
      expect(readdirSync(dir)).toEqual([]);
    });
  });
});

describe('describeFileKind', () => {
  const kinds = ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isCharacterDevice', 'isBlockDevice'] as const;
  /** Stats where only `kind` answers true. */
  const statsOf = (kind?: (typeof kinds)[number]) => Object.fromEntries(kinds.map((name) => [name, () => name === kind])) as unknown as Stats;

  it.each([
    ['isFile', 'a regular file'],
    ['isDirectory', 'a folder'],
    ['isSymbolicLink', 'a symbolic link'],
    ['isFIFO', 'a FIFO'],
    ['isSocket', 'a socket'],
    ['isCharacterDevice', 'a character device'],
    ['isBlockDevice', 'a block device'],
  ] as const)('%s: %s', (kind, words) => {
    expect(describeFileKind(statsOf(kind))).toBe(words);
  });

  it('says "not a file" for anything else', () => {
    expect(describeFileKind(statsOf())).toBe('not a file');
  });

  it('names real entries: a file, a folder, a link, a FIFO, /dev/null', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    symlinkSync('file', join(dir, 'link'));
    expect(describeFileKind(statSync(join(dir, 'file')))).toBe('a regular file');
    expect(describeFileKind(statSync(dir))).toBe('a folder');
    expect(describeFileKind(lstatSync(join(dir, 'link')))).toBe('a symbolic link');
    if (process.platform !== 'win32') {
      expect(spawnSync('mkfifo', [join(dir, 'fifo')]).status).toBe(0);
      expect(describeFileKind(statSync(join(dir, 'fifo')))).toBe('a FIFO');
      expect(describeFileKind(statSync('/dev/null'))).toBe('a character device');
    }
  });
});

describe('resolveLinks', () => {
  it('gives the absolute path of a file, a folder, or nothing at all', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    expect(resolveLinks(join(dir, 'file'))).toBe(join(dir, 'file'));
    expect(resolveLinks(dir)).toBe(dir);
    expect(resolveLinks(join(dir, 'missing', 'config.json'))).toBe(join(dir, 'missing', 'config.json'));
    expect(resolveLinks('relative/config.json')).toBe(join(process.cwd(), 'relative', 'config.json'));
  });

  it('follows a chain of links, relative ones from the folder of each link, to the file they mean', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'dotfiles'));
    writeFileSync(join(dir, 'dotfiles', 'config.json'), '{}');
    symlinkSync('config.json', join(dir, 'dotfiles', 'current.json'));
    symlinkSync('dotfiles/current.json', join(dir, 'config.json'));
    expect(resolveLinks(join(dir, 'config.json'))).toBe(join(dir, 'dotfiles', 'config.json'));
  });

  it('follows a link to its target even when that target does not exist yet', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'dotfiles', 'config.json'), join(dir, 'config.json'));
    expect(resolveLinks(join(dir, 'config.json'))).toBe(join(dir, 'dotfiles', 'config.json'));
  });

  it('follows 39 links in a row, and refuses a 40th as a loop (ELOOP), as the system does', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'end'), '');
    const chain = (length: number, name: string) => {
      let target = 'end';
      for (let i = 0; i < length; i++) {
        const link = `${name}${i}`;
        symlinkSync(target, join(dir, link));
        target = link;
      }
      return join(dir, target);
    };
    expect(resolveLinks(chain(39, 'short'))).toBe(join(dir, 'end'));
    const long = chain(40, 'long');
    expect(() => resolveLinks(long)).toThrow(expect.objectContaining({ code: 'ELOOP', path: long, message: `ELOOP: too many symbolic links, '${long}'` }));
  });

  it('refuses links that loop', () => {
    const dir = tempDir();
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    expect(() => resolveLinks(join(dir, 'a'))).toThrow(expect.objectContaining({ code: 'ELOOP' }));
  });

  it('passes on a failure other than a missing path, such as a file where a folder should be', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    expect(() => resolveLinks(join(dir, 'file', 'config.json'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});
