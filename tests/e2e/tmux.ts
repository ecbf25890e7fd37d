import { execFileSync, spawnSync } from 'node:child_process';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** A program running in a real pseudo-terminal under tmux, driven by keys and read off the screen. */
export class TmuxSession {
  private readonly socket = `nnquiz-test-${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(command: string, options: { width?: number; height?: number; env?: Record<string, string> } = {}) {
    const env = Object.entries(options.env ?? {}).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    // The shell stays a moment after the program ends, so its last screen and exit code can be read.
    this.tmux('new-session', '-d', '-s', 'main', '-x', String(options.width ?? 100), '-y', String(options.height ?? 30), ...env, `${command}; echo "EXIT=$?"; sleep 60`);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'main');
  }

  /** Sends keys as tmux names them: literal text, or `Enter`, `C-c`. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', 'main', '-l', text);
  }

  /** Waits until the screen shows the text, `count` times, or fails with the screen it last saw. */
  async waitFor(text: string | RegExp, count = 1, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen();
      const found = typeof text === 'string' ? screen.split(text).length - 1 : (screen.match(new RegExp(text, 'g')) ?? []).length;
      if (found >= count) return screen;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${String(text)} (x${count}); the screen was:\n${screen}`);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
