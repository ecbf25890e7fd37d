import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBank } from '../../src/core/bank/read.js';
import { fixture, tempDir } from '../helpers.js';
import { runCli } from './run-cli.js';

const extreme = fixture('extreme-bank');
const hostile = fixture('hostile-bank');
// Any escape, bell, C1 control or bidi override reaching the terminal is a failure.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('hostile banks', () => {
  it('rejects each extreme file with a one-line error naming it, loads the legitimate ones, and runs no code', () => {
    const marker = join(tempDir(), 'pwned');
    const { status, stdout, stderr } = runCli(['list', '--json', '--bank', extreme], { env: { NNQUIZ_PWNED_FILE: marker } });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).map((q: { id: string }) => q.id).sort()).toEqual(['crlf', 'Übung mit Leerzeichen']);
    const lines = stderr.trim().split('\n');
    const about = (file: string) => lines.filter((line) => line.startsWith(join(extreme, file)));
    expect(about('alias-bomb.md')).toEqual([expect.stringMatching(/:6: error: 'd' holds more than 1000 values/)]);
    expect(about('deep-nesting.md')).toEqual([expect.stringMatching(/:3: error: invalid YAML front matter: nesting exceeded maxDepth/)]);
    expect(about('javascript-lower.md')).toEqual([expect.stringMatching(/:1: error: front matter in "javascript" is not allowed and was not run/)]);
    expect(about('wrong-types.md')).toEqual([expect.stringMatching(/:2: error: 'question' must be a non-empty string.*found a list/)]);
    expect(existsSync(marker)).toBe(false);
  });

  it('loads a CRLF file and a file whose name has spaces and non-ASCII letters', () => {
    const bank = readBank([extreme]);
    expect(bank.questions.find((q) => q.id === 'crlf')?.answer).toBe('Yes, a **carriage return** before each newline is fine.');
    const spaced = bank.questions.find((q) => q.id === 'Übung mit Leerzeichen');
    expect(spaced?.topic).toBe('format');
    expect(runCli(['show', 'Übung mit Leerzeichen', '--bank', extreme]).status).toBe(0);
  });

  it('refuses a 20 MB file without reading it, and the rest still loads', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ok.md'), '---\nquestion: Still here?\n---\nYes.\n');
    writeFileSync(join(dir, 'huge.md'), Buffer.alloc(20 * 1024 * 1024, 'a'));
    const before = process.memoryUsage().heapUsed;
    const bank = readBank([dir]);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(10 * 1024 * 1024);
    expect(bank.questions.map((q) => q.id)).toEqual(['ok']);
    expect(bank.problems).toEqual([{ file: join(dir, 'huge.md'), severity: 'error', message: 'the file is 20.0 MB; expected a question file of at most 1 MB' }]);
  });

  it('walks a bank holding a symbolic-link loop once', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'q.md'), '---\nquestion: Found once?\n---\nYes.\n');
    symlinkSync('..', join(dir, 'a', 'up'));
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'self'));
    const { status, stdout } = runCli(['list', '--json', '--bank', dir]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).map((q: { id: string }) => q.id)).toEqual(['q']);
  });
});

describe('terminal control sequences in bank files never reach the terminal', () => {
  const data = tempDir();
  writeFileSync(
    join(data, 'attempts.jsonl'),
    `${JSON.stringify({ v: 1, type: 'attempt', id: 'x1', question: 'control-sequences', answer: 'typed \u001b]52;c;aGk=\u0007 by someone', score: 0, verdict: 'incorrect', matched: [], missing: ['hyper\u001b[2Jlink'], seconds: 1, late: false, skipped: false, mode: 'quiz', rating: 'again', at: '2026-01-01T00:00:00.000Z', override: 'correct' })}\n` +
      `${JSON.stringify({ v: 1, type: 'revision', attempt: 'x1', override: 'correct', at: '2026-01-01T00:00:01.000Z' })}\n`,
  );
  it.each([
    ['list', ['list', '--bank', hostile]],
    ['list --json', ['list', '--json', '--bank', hostile]],
    ['show', ['show', 'control-sequences', '--bank', hostile]],
    ['search', ['search', 'clear', 'screen', 'hyperlink', '--bank', hostile]],
    ['grade', ['grade', 'control-sequences', 'hyperlink \u001b[2J bold', '--bank', hostile]],
    ['grade --json', ['grade', 'control-sequences', '--json', 'hyperlink', '--bank', hostile]],
    ['validate', ['validate', hostile]],
    ['export md', ['export', '--terms', '--bank', hostile]],
    ['export anki', ['export', '--format', 'anki', '--out', '-', '--terms', '--bank', hostile]],
    ['stats', ['stats', '--bank', hostile, '--data-dir', data]],
    ['quiz (piped)', ['quiz', '--bank', hostile, '--data-dir', tempDir(), '--count', '4', '--order', 'bank']],
  ])('%s', (_name, args) => {
    const input = args[0] === 'quiz' ? 'one\ntwo\nthree\nfour\n' : '';
    const { stdout, stderr } = runCli(args, { input });
    expect(stdout + stderr).not.toMatch(CONTROL);
    expect(stdout.length).toBeGreaterThan(0);
  });

  it('keeps the hostile text readable once stripped', () => {
    const shown = runCli(['show', 'control-sequences', '--bank', hostile]).stdout;
    expect(shown).toContain('Clear  the screen?');
    expect(shown).toContain('Answer with escapes and cursor moves.');
  });
});
