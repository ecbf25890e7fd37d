export type ExitCode = 0 | 1 | 2 | 130;

/**
 * An error the user can act on: one line of cause, one line of hint. The entry point prints it
 * without a stack trace and exits with its code (1 failure, 2 usage).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: ExitCode = 1,
  ) {
    super(message);
  }
}

/** A usage error: a bad argument, an unknown id. Exit code 2. */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, hint, 2);
  }
}

const SYSTEM_CAUSES: Record<string, [cause: string, hint: string]> = {
  ENOTDIR: ['a folder on the way is a file', 'move that file away, or choose another folder (--data-dir DIR, --out FILE)'],
  EACCES: ['permission denied', 'check the owner and mode of the path (ls -l), or choose another folder'],
  EPERM: ['operation not permitted', 'check the owner and mode of the path (ls -l), or choose another folder'],
  EISDIR: ['a folder stands where a file was expected', 'move that folder away, or give the path of a file'],
  EEXIST: ['something already exists there', 'move it away, or choose another path'],
  ENOSPC: ['the disk is full', 'free some space, then run the command again'],
  EDQUOT: ['the disk quota is used up', 'free some space, then run the command again'],
  EROFS: ['the file system is read-only', 'choose a folder on a writable file system (--data-dir DIR, --out FILE)'],
  ENOENT: ['no such file or folder', 'check the path'],
  EMFILE: ['too many files are open', 'close some programs, then run the command again'],
};

/**
 * An operating-system error that is the environment's doing (a full disk, a file where a folder
 * should be, no permission) as a CliError naming the path, or undefined when it is not one.
 */
export function fromSystemError(error: unknown): CliError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const known = code === undefined ? undefined : SYSTEM_CAUSES[code];
  if (!known) return undefined;
  const where = path ?? dest;
  return new CliError(`${where === undefined ? 'a file or folder nnquiz uses' : JSON.stringify(where)}: ${known[0]} (${code})`, known[1]);
}
