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
