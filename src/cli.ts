import { CommanderError } from 'commander';
import type { CliError } from './errors.js';
import { buildProgram } from './program.js';

async function main(argv: string[]): Promise<void> {
  // `nnquiz list | head -1` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = await handleError(error, argv.includes('--debug'));
  }
}

async function handleError(error: unknown, debug: boolean): Promise<number> {
  if (error instanceof CommanderError) {
    // commander has printed the message already; help and version end with code 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  const { CliError, fromSystemError } = await import('./errors.js');
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

await main(process.argv);
