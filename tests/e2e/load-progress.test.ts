import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { bundledBankCopies } from './helpers/large-bank.js';
import { BIN, runCli } from './run-cli.js';
import { SKIP_TERMINAL, TerminalSession } from './helpers/terminal.js';

/** The bundled bank 20 times over (some 3,000 files): seconds to read without a cache. */
const largeBank = () => bundledBankCopies(20);

const sessions: TerminalSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

describe('reading a large bank for the first time', () => {
  it.skipIf(SKIP_TERMINAL)('shows a progress line in a terminal while it reads, and erases it before the output', async () => {
    const bank = largeBank();
    const home = tempDir();
    const session = new TerminalSession(process.execPath, [BIN, 'list', '--bank', bank, '--topic', 'regularization'], { env: { NO_COLOR: '1', XDG_CONFIG_HOME: home, NNQUIZ_DATA_DIR: home } });
    sessions.push(session);
    await session.waitFor(/Reading question files: [\d,]+ of [\d,]+/, 1, 60_000);
    const { code, screen } = await session.exited(60_000);
    expect(code).toBe(0);
    expect(screen).not.toContain('Reading question files');
    expect(screen).not.toContain('Saving the bank cache');
    // The list starts on the line the progress stood on.
    expect(screen.split('\n')[0]).toMatch(/^ID +TOPIC +DIFFICULTY +QUESTION/);
  });

  it('prints nothing but the output when it is not in a terminal', () => {
    const bank = largeBank();
    const home = tempDir();
    const result = runCli(['list', '--bank', bank, '--topic', 'regularization'], { env: { XDG_CONFIG_HOME: home, NNQUIZ_DATA_DIR: home } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('copy-19-');
  });
});
