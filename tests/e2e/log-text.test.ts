import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers.js';
import { runCli } from './run-cli.js';

// ESC and CSI, OSC 52 (a clipboard write) and a bidi override, in text a log may hold.
const HOSTILE = '\u001b]52;c;cm0gLXJmIH4K\u0007\u001b[2J\u202Eevil';
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('text from the progress log reaches the terminal inert', () => {
  it('strips control sequences from answers, missed terms and flag notes in export --weak and stats --flagged', () => {
    const data = tempDir();
    const bank = fixture('small-bank');
    writeFileSync(
      join(data, 'attempts.jsonl'),
      [
        { v: 1, type: 'attempt', id: 'x1', question: 'dropout', answer: `my answer ${HOSTILE}`, score: 0, verdict: 'incorrect', matched: [], missing: [`a term ${HOSTILE}`], seconds: 1, late: false, skipped: false, mode: 'quiz', rating: 'again', at: '2026-01-01T00:00:00.000Z' },
        { v: 1, type: 'flag', question: 'dropout', note: `a note ${HOSTILE}`, at: '2026-01-01T00:00:01.000Z' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    const sheet = runCli(['export', '--weak', '--bank', bank, '--data-dir', data, '--out', '-']);
    expect(sheet.status).toBe(0);
    expect(sheet.stdout).toContain('my answer evil');
    expect(sheet.stdout).not.toMatch(UNSAFE);
    const stats = runCli(['stats', '--flagged', '--bank', bank, '--data-dir', data]);
    expect(stats.status).toBe(0);
    expect(stats.stdout).toContain('a note evil');
    expect(stats.stdout + stats.stderr).not.toMatch(UNSAFE);
  });
});
