import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const BIN = fileURLToPath(new URL('../../bin/nnquiz.cjs', import.meta.url));

// Every run gets a data folder of the test's own (for the bank cache too), never the user's.
// Removed when the test file ends: a worker's 'exit' event does not fire when vitest ends it.
const dataHome = mkdtempSync(join(tmpdir(), 'nnquiz-e2e-data-'));
afterAll(() => rmSync(dataHome, { recursive: true, force: true }));

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
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: cliEnv(options.env),
    cwd: options.cwd,
    input: options.input ?? '',
    ...(options.unprivileged && process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The environment of a test run: the test's own data and settings folders, colour off, and `env` over it. */
function cliEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, NNQUIZ_DATA_DIR: dataHome, XDG_DATA_HOME: dataHome, XDG_CONFIG_HOME: dataHome, NNQUIZ_CONFIG: undefined, NNQUIZ_BANK: undefined, ...overrides };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env as NodeJS.ProcessEnv;
}

/** Starts the built CLI without waiting for it, for tests of runs that overlap. */
export function startCli(args: string[], options: { env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}
