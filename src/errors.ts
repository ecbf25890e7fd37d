import type { Command, CommanderError } from 'commander';

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
 * An operating-system error code in words, for a message that already names the path: "no such
 * file (ENOENT)" rather than a bare "ENOENT". `kind` says what the path should have been.
 */
export function systemCause(error: unknown, kind: 'file' | 'folder' = 'file'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT') return `no such ${kind} (${code})`;
  if (code === 'EISDIR' && kind === 'file') return `it is a folder, not a file (${code})`;
  const known = SYSTEM_CAUSES[code];
  return known ? `${known[0]} (${code})` : `the system said ${code}`;
}

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

/** The words a command is typed with: "nnquiz show". */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

const didYouMean = (suggestion: string | undefined, otherwise: string) => (suggestion ? `did you mean ${suggestion}? (${otherwise})` : otherwise);

/** An unknown command, with the nearest names (if any) as the hint. */
export function unknownCommandError(name: string, program: string, suggestion?: string): UsageError {
  return new UsageError(`unknown command ${JSON.stringify(name)}`, didYouMean(suggestion, `'${program} --help' lists the commands`));
}

/** "a, b, c" as "a, b or c". */
const orList = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** Commander's reason for refusing a value, as "expected …, got …". */
function invalidReason(reason: string, value: string): string {
  const choices = /^Allowed choices are (.*)\.$/.exec(reason);
  const expected = choices ? `expected ${orList(choices[1]!.split(', '))}` : reason.replace(/\.$/, '');
  return /\bgot\b/.test(expected) ? expected : `${expected}, got ${JSON.stringify(value)}`;
}

/**
 * One of commander's usage errors (an unknown command or option, a missing, extra or invalid
 * argument) in nnquiz's words: one line of cause, one of hint, exit code 2. `command` is the
 * command that refused the line. Commander's own suggestion (showSuggestionAfterError) becomes
 * the "did you mean" of the hint. Commander says which error by its code, but gives the flag or
 * value only inside its message, so those are read by patterns anchored on its wording (commander
 * ~14); should that wording change, the cause is its message, reworded as little as possible.
 */
export function fromCommanderError(error: CommanderError, command: Command): UsageError {
  const [text = '', suggestion] = error.message.replace(/^error: /, '').split(/\n\(Did you mean (?:one of )?(.+)\?\)$/);
  const path = commandPath(command);
  const help = `'${path} --help' shows its options and examples`;
  const usage = `usage: ${path} ${command.usage()}`;
  const allOptions = () => {
    const options = [];
    for (let c: Command | null = command; c; c = c.parent) options.push(...c.options);
    return options;
  };
  switch (error.code) {
    case 'commander.unknownCommand':
      return unknownCommandError(command.args[0] ?? '', path, suggestion);
    case 'commander.unknownOption': {
      const flag = /^unknown option '(.*)'$/.exec(text)?.[1] ?? text;
      const where = command.parent ? ` for ${path}` : '';
      // `nnquiz --bank DIR list`: an option of the commands, given before one.
      const owners = command.parent ? [] : command.commands.filter((c) => c.options.some((o) => o.long === flag));
      const owner = owners.find((c) => command.args.includes(c.name())) ?? owners[0];
      if (owner && !suggestion) return new UsageError(`unknown option ${JSON.stringify(flag)}`, `${flag} is an option of commands: put it after the command, e.g. ${path} ${owner.name()} ${flag} ...`);
      return new UsageError(`unknown option ${JSON.stringify(flag)}${where}`, didYouMean(suggestion, `'${path} --help' lists its options`));
    }
    case 'commander.missingArgument': {
      const name = /^missing required argument '(.*)'$/.exec(text)?.[1];
      const argument = command.registeredArguments.find((a) => a.name() === name);
      const described = argument?.description ? `: ${argument.description}` : '';
      return new UsageError(`missing the argument <${name ?? '?'}>${described}`, `${usage} ('${path} --help' has examples)`);
    }
    case 'commander.optionMissingArgument': {
      const flags = /^option '(.*)' argument missing$/.exec(text)?.[1] ?? '';
      const option = allOptions().find((o) => o.flags === flags);
      const name = option?.long ?? option?.short ?? flags;
      return new UsageError(`${name} needs a value`, option ? `${option.flags}: ${option.description}` : help);
    }
    case 'commander.invalidArgument': {
      const ofOption = /^option '([^']*)' argument '([\s\S]*)' is invalid\.(?: ([\s\S]*))?$/.exec(text);
      if (ofOption) {
        const option = allOptions().find((o) => o.flags === ofOption[1]);
        return new UsageError(`${option?.long ?? option?.short ?? ofOption[1]}: ${invalidReason(ofOption[3] ?? '', ofOption[2]!)}`, help);
      }
      const ofArgument = /^command-argument value '([\s\S]*)' is invalid for argument '([^']*)'\.(?: ([\s\S]*))?$/.exec(text);
      if (ofArgument) return new UsageError(`<${ofArgument[2]}>: ${invalidReason(ofArgument[3] ?? '', ofArgument[1]!)}`, usage);
      break;
    }
    case 'commander.excessArguments': {
      const expected = command.registeredArguments.length;
      return new UsageError(`too many arguments: ${path} takes ${expected === 0 ? 'none' : expected}, got ${command.args.length}`, `${usage}; quote text that holds spaces`);
    }
  }
  return new UsageError(text.replace(/'([^']*)'/g, '"$1"'), help);
}
