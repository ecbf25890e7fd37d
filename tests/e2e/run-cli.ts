import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/nnquiz.js', import.meta.url));

// Every run gets a data folder of the test's own (for the bank cache too), never the user's.
const dataHome = mkdtempSync(join(tmpdir(), 'nnquiz-e2e-data-'));
process.on('exit', () => rmSync(dataHome, { recursive: true, force: true }));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The user `unprivileged` runs as when the tests run as root, whom no file mode stops. */
export const NOBODY = 65534;

/**
 * Runs the built CLI as a user would, with colour off unless the test asks for it. `unprivileged`
 * runs it as nobody when the tests run as root, so that file modes mean what they mean for users.
 */
export function runCli(args: string[], options: { env?: Record<string, string | undefined>; cwd?: string; input?: string; unprivileged?: boolean } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, NNQUIZ_DATA_DIR: dataHome, XDG_DATA_HOME: dataHome, XDG_CONFIG_HOME: dataHome, NNQUIZ_CONFIG: undefined, NNQUIZ_BANK: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: env as NodeJS.ProcessEnv,
    cwd: options.cwd,
    input: options.input ?? '',
    ...(options.unprivileged && process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
