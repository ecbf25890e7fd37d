import { createRequire } from 'node:module';
import type { IPty } from '@lydell/node-pty';
import type { Terminal as XtermTerminal } from '@xterm/headless';

const require = createRequire(import.meta.url);

/** Set to skip the terminal tests where no pseudo-terminal can be had; otherwise they fail, saying why. */
export const SKIP_TERMINAL = process.env.NNQUIZ_SKIP_TERMINAL === '1';

/** node-pty, or an error saying what is missing and how to get it (or skip) instead. */
function loadPty(): typeof import('@lydell/node-pty') {
  try {
    return require('@lydell/node-pty') as typeof import('@lydell/node-pty');
  } catch (error) {
    throw new Error(
      `the terminal tests need a pseudo-terminal from @lydell/node-pty, which could not be loaded on ${process.platform}-${process.arch} (${(error as Error).message.split('\n')[0]}); ` +
        "run 'npm install' to get its prebuilt binary, or set NNQUIZ_SKIP_TERMINAL=1 to skip these tests",
    );
  }
}

const KEYS: Record<string, string> = { Enter: '\r', 'C-c': '\u0003', 'C-d': '\u0004', Escape: '\u001b', Up: '\u001b[A', Down: '\u001b[B', Backspace: '\u007f' };

/**
 * A program in a real pseudo-terminal (node-pty), its output rendered by a terminal emulator
 * (@xterm/headless) into the screen a user would see: typed into with keys, read off the screen.
 */
export class TerminalSession {
  private readonly pty: IPty;
  private readonly terminal: XtermTerminal;
  private pending = 0;
  private readonly exit: Promise<{ code: number; signal: number }>;

  constructor(file: string, args: string[], options: { width?: number; height?: number; env?: Record<string, string> } = {}) {
    const { Terminal } = require('@xterm/headless') as typeof import('@xterm/headless');
    const cols = options.width ?? 100;
    const rows = options.height ?? 30;
    this.terminal = new Terminal({ cols, rows, scrollback: 2000, allowProposedApi: true });
    this.pty = loadPty().spawn(file, args, { name: 'xterm-256color', cols, rows, env: { ...process.env, TERM: 'xterm-256color', ...options.env } as Record<string, string> });
    this.pty.onData((data) => {
      this.pending++;
      this.terminal.write(data, () => this.pending--);
    });
    this.exit = new Promise((resolve) => this.pty.onExit(({ exitCode, signal }) => resolve({ code: exitCode, signal: signal ?? 0 })));
  }

  /** Everything shown so far, scrollback included, with lines the terminal wrapped joined again. */
  screen(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      if (!line) continue;
      const text = line.translateToString(true);
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return `${lines.join('\n')}\n`;
  }

  /**
   * Lines the terminal had to wrap because the program wrote past the right edge, each with the
   * line before it: a program that wraps its own text at word boundaries leaves none.
   */
  softWrapped(): string[] {
    const buffer = this.terminal.buffer.active;
    const found: string[] = [];
    for (let i = 1; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      if (line?.isWrapped) found.push(`${buffer.getLine(i - 1)?.translateToString(true)}⏎${line.translateToString(true)}`);
    }
    return found;
  }

  /** The rows in view now, as a user sees them (no scrollback, wrapped lines as wrapped). */
  view(): string[] {
    const buffer = this.terminal.buffer.active;
    return Array.from({ length: this.terminal.rows }, (_, i) => buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
  }

  /** Sends a signal to the program, as the terminal does for Ctrl+C when no prompt has it in raw mode. */
  signal(name: NodeJS.Signals): void {
    process.kill(this.pty.pid, name);
  }

  /** Presses keys by name (`Enter`, `C-c`, `Escape`, `Up`…); any other string is typed as it is. */
  keys(...keys: string[]): void {
    for (const key of keys) this.pty.write(KEYS[key] ?? key);
  }

  type(text: string): void {
    this.pty.write(text);
  }

  /** Waits until the screen shows the text, `count` times, or fails with the screen it last saw. */
  async waitFor(text: string | RegExp, count = 1, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen();
      const found = typeof text === 'string' ? screen.split(text).length - 1 : (screen.match(new RegExp(text, 'g')) ?? []).length;
      if (found >= count) return screen;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`timed out waiting for ${String(text)} (x${count}); the screen was:\n${screen}`);
  }

  /** Waits for the program to end; its exit code (or the signal that ended it) and its last screen. */
  async exited(timeoutMs = 10_000): Promise<{ code: number; signal: number; screen: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for the program to end; the screen was:\n${this.screen()}`)), timeoutMs);
    });
    try {
      const { code, signal } = await Promise.race([this.exit, timeout]);
      // The last output may still be on its way into the emulator.
      for (let i = 0; i < 100 && this.pending > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      return { code, signal, screen: this.screen() };
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    try {
      this.pty.kill();
    } catch {
      // already ended
    }
    this.terminal.dispose();
  }
}
