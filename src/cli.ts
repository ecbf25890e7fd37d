import { type Command, CommanderError } from 'commander';
import type { CliError } from './errors.js';
import { buildProgram, CommandLineError } from './program.js';

async function main(argv: string[]): Promise<void> {
  // `nnquiz list | head -1` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const program = buildProgram();
  // `nnquiz` alone asks what there is to do: the help, on stdout, is the answer, not an error.
  if (onlySwitches(program, argv.slice(2))) {
    program.outputHelp();
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = await handleError(error, program, argv.includes('--debug'));
  }
}

/** Whether the arguments are only the program's own switches (--no-color, --debug), or none. */
function onlySwitches(program: Command, args: string[]): boolean {
  return args.every((arg) => program.options.some((o) => !o.required && !o.optional && o.long !== '--version' && (o.long === arg || o.short === arg)));
}

async function handleError(error: unknown, program: Command, debug: boolean): Promise<number> {
  const { CliError, fromCommanderError, fromSystemError } = await import('./errors.js');
  if (error instanceof CommanderError) {
    // Help and version end with code 0, and have printed what they print.
    if (error.exitCode === 0) return 0;
    const usage = fromCommanderError(error, error instanceof CommandLineError ? error.command : program);
    printError(usage);
    return usage.exitCode;
  }
  if (error instanceof CliError) {
    printError(error);
    return error.exitCode;
  }
  // A full disk or a file where a folder should be is the environment, not a bug.
  const system = fromSystemError(error);
  if (system) {
    printError(system);
    if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return system.exitCode;
  }
  if (error instanceof Error && error.name === 'ExitPromptError') return 130;
  process.stderr.write(`nnquiz: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : 'hint: this is a bug in nnquiz; run again with --debug for details and report it\n');
  return 1;
}

function printError(error: CliError): void {
  process.stderr.write(`nnquiz: ${error.message}\n`);
  if (error.hint) process.stderr.write(`hint: ${error.hint}\n`);
}

// Not awaited at the top level: the build makes this module CommonJS, which has no top-level await.
void main(process.argv);
