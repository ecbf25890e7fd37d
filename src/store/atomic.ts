import { closeSync, existsSync, fchmodSync, fchownSync, fsyncSync, linkSync, lstatSync, openSync, readlinkSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface AtomicWriteOptions {
  /** The permission bits the file gets (a replaced file's, say); by default the umask decides. */
  mode?: number;
  /** The owner the file gets, where the process may give it (root replacing a user's file). */
  owner?: { uid: number; gid: number };
  /** Refuse (EEXIST) when the path already exists, even as a dangling link, instead of replacing it. */
  exclusive?: boolean;
  /**
   * Flush the file to disk before it takes the path (the default). Off for writes that can be
   * redone from their source, such as an import's thousands of files: a flush costs milliseconds
   * each, and the file still never appears half-written, since a failed write is never placed.
   */
  flush?: boolean;
}

// Temporary names: unguessable once per process, then numbered (random bytes for each of an
// import's thousands of files cost more than writing them). 'wx' refuses a name already taken.
// Drawn at the first write, from the global Web Crypto: importing node:crypto would load it on
// every start, and most runs write nothing.
let temporaryTag: string | undefined;
let temporaryCount = 0;

/**
 * Writes a file so that readers see the old content or the new, never a half-written one: the text
 * goes to a temporary file beside it, flushed to disk, then renamed over the path (or linked, when
 * exclusive). The path itself is replaced, never written through, so a link there is not followed.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  temporaryTag ??= Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(4))).toString('hex');
  const temporary = `${path}.${process.pid}.${temporaryTag}${(temporaryCount++).toString(36)}.tmp`;
  let fd: number | undefined;
  try {
    // 'wx': a file (or link) planted at the temporary name is never written through.
    fd = openSync(temporary, 'wx', options.mode ?? 0o666);
    writeFileSync(fd, content);
    if (options.mode !== undefined) fchmodSync(fd, options.mode);
    if (options.owner) {
      try {
        fchownSync(fd, options.owner.uid, options.owner.gid);
      } catch {
        // Only root may give a file away; anyone else keeps their own ownership, as a new file would.
      }
    }
    if (options.flush !== false) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.exclusive) placeExclusively(temporary, path);
    else renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Moves a finished temporary file to a path that must not exist: a hard link fails with EEXIST where rename would replace. */
function placeExclusively(temporary: string, path: string): void {
  try {
    linkSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some file systems have no hard links; there, check and rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    if (existsSync(path) || isLink(path)) throw Object.assign(new Error(`EEXIST: file already exists, '${path}'`), { code: 'EEXIST', path });
    renameSync(temporary, path);
    return;
  }
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: the temporary file was just linked, so it is there to remove; force only matters when it is gone.
  rmSync(temporary, { force: true });
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** What a file system entry is, in words for a message: `a FIFO`, `a folder`. */
export function describeFileKind(stats: Stats): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a file';
}

/**
 * The file a path finally names, following symbolic links one by one even when the last is
 * dangling (so a link in a dotfiles repo can be written through to the file it means).
 */
export function resolveLinks(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops += 1) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    if (!stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error(`ELOOP: too many symbolic links, '${path}'`), { code: 'ELOOP', path });
}
