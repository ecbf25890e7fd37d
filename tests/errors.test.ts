import { Command, type CommanderError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { fromCommanderError, fromSystemError, systemCause, type UsageError } from '../src/errors.js';

const systemError = (code: string, path?: string) => Object.assign(new Error(`${code}: something, open '${path}'`), { code, path, syscall: 'open' });

describe('fromSystemError', () => {
  it.each([
    ['ENOTDIR', 'a folder on the way is a file'],
    ['EACCES', 'permission denied'],
    ['EISDIR', 'a folder stands where a file was expected'],
    ['EEXIST', 'something already exists there'],
    ['ENOSPC', 'the disk is full'],
  ])('%s names the path, the cause and a hint, with exit code 1', (code, cause) => {
    const error = fromSystemError(systemError(code, '/data/attempts.jsonl'));
    expect(error?.message).toBe(`"/data/attempts.jsonl": ${cause} (${code})`);
    expect(error?.hint).toMatch(/\S/);
    expect(error?.exitCode).toBe(1);
  });

  it('says so when the error names no path', () => {
    expect(fromSystemError(systemError('EISDIR'))?.message).toBe('a file or folder nnquiz uses: a folder stands where a file was expected (EISDIR)');
  });

  it('leaves other errors to be reported as bugs', () => {
    expect(fromSystemError(new TypeError('x is undefined'))).toBeUndefined();
    expect(fromSystemError(systemError('EWHATEVER', '/x'))).toBeUndefined();
    expect(fromSystemError('a string')).toBeUndefined();
  });
});

describe('systemCause', () => {
  it.each([
    ['ENOENT', 'file', 'no such file (ENOENT)'],
    ['ENOENT', 'folder', 'no such folder (ENOENT)'],
    ['EISDIR', 'file', 'it is a folder, not a file (EISDIR)'],
    ['EACCES', 'file', 'permission denied (EACCES)'],
    ['ENOSPC', 'folder', 'the disk is full (ENOSPC)'],
    ['EWHATEVER', 'file', 'the system said EWHATEVER'],
  ] as const)('puts %s for a %s in words', (code, kind, words) => {
    expect(systemCause(systemError(code, '/x'), kind)).toBe(words);
  });

  it('gives the message of an error with no code', () => {
    expect(systemCause(new Error('stream ended'))).toBe('stream ended');
  });
});

describe('fromCommanderError', () => {
  /** The usage error a small program (with nnquiz's settings) reports for a command line. */
  function usageErrorFor(args: string[]): UsageError {
    const program = new Command('nnquiz').configureOutput({ outputError: () => {} }).showSuggestionAfterError();
    let refused: Command = program;
    program.command('quiz').option('-n, --count <n>', 'how many questions').addOption(new Option('--order <order>', 'random or bank').choices(['random', 'bank']));
    program.command('show').argument('<id>', "the question's id");
    for (const command of [program, ...program.commands]) {
      command.exitOverride((error) => {
        refused = command;
        throw error;
      });
    }
    try {
      program.parse(args, { from: 'user' });
    } catch (error) {
      return fromCommanderError(error as CommanderError, refused);
    }
    throw new Error('no error');
  }

  it.each([
    [['quz'], 'unknown command "quz"', "did you mean quiz? ('nnquiz --help' lists the commands)"],
    [['quiz', '--cont', '3'], 'unknown option "--cont" for nnquiz quiz', "did you mean --count? ('nnquiz quiz --help' lists its options)"],
    [['quiz', '--order', 'alphabetical'], '--order: expected random or bank, got "alphabetical"', "'nnquiz quiz --help' shows its options and examples"],
    [['quiz', '--count'], '--count needs a value', '-n, --count <n>: how many questions'],
    [['show'], "missing the argument <id>: the question's id", "usage: nnquiz show [options] <id> ('nnquiz show --help' has examples)"],
    [['show', 'a', 'b'], 'too many arguments: nnquiz show takes 1, got 2', 'usage: nnquiz show [options] <id>; quote text that holds spaces'],
  ])('%j: one line of cause, one of hint, exit code 2', (args, message, hint) => {
    const error = usageErrorFor(args);
    expect({ message: error.message, hint: error.hint, exitCode: error.exitCode }).toEqual({ message, hint, exitCode: 2 });
  });
});
