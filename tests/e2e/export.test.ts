import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers.js';
import { runCli } from './run-cli.js';

const small = fixture('small-bank');

describe('nnquiz export', () => {
  it('prints a Markdown sheet to stdout by default', () => {
    const { status, stdout } = runCli(['export', '--bank', small]);
    expect(status).toBe(0);
    expect(stdout.startsWith('# Neural-network interview questions\n\n3 questions.\n\n## Contents')).toBe(true);
  });

  it('writes HTML and Anki sheets to a file in the current folder, and says where', () => {
    const cwd = tempDir();
    const html = runCli(['export', '--format', 'html', '--bank', small], { cwd });
    expect(html.status).toBe(0);
    expect(html.stdout).toBe('');
    expect(html.stderr).toBe(`Wrote 3 questions to ${join(cwd, 'nnquiz-study-sheet.html')}\n`);
    expect(readFileSync(join(cwd, 'nnquiz-study-sheet.html'), 'utf8')).toMatch(/^<!doctype html>/);
    const anki = runCli(['export', '--format', 'anki', '--bank', small], { cwd });
    expect(anki.stderr).toContain('nnquiz-study-sheet.txt (in Anki: File › Import, note type Basic)');
    expect(readFileSync(join(cwd, 'nnquiz-study-sheet.txt'), 'utf8').split('\n')[0]).toBe('#separator:tab');
  });

  it('exports JSON of the parsed questions, selected by --ids and filters', () => {
    const { stdout } = runCli(['export', '--format', 'json', '--ids', 'dropout,attention', '--bank', small]);
    const questions = JSON.parse(stdout);
    expect(questions.map((q: { id: string }) => q.id)).toEqual(['attention', 'dropout']);
    expect(Object.keys(questions[0])).toContain('key_terms');
    expect(JSON.parse(runCli(['export', '--format', 'json', '--difficulty', 'hard', '--bank', small]).stdout)).toHaveLength(1);
  });

  it('leaves out answers with --no-answers and shows key terms with --terms', () => {
    const practice = runCli(['export', '--no-answers', '--ids', 'dropout', '--bank', small]).stdout;
    expect(practice).not.toContain('Dropout** randomly zeroes');
    expect(practice.startsWith('# Neural-network interview questions — practice sheet\n')).toBe(true);
    expect(runCli(['export', '--terms', '--ids', 'dropout', '--bank', small]).stdout).toContain('**Key terms:** randomly zeroes units');
  });

  it('exports exactly the weak questions: latest attempt not correct, or due, with the last answer and what it missed', () => {
    const data = tempDir();
    const at = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const record = (question: string, days: number, verdict: string, rating: string, answer: string, missing: string[]) =>
      JSON.stringify({ v: 1, type: 'attempt', id: `${question}${days}`, question, answer, score: 0, verdict, matched: [], missing, seconds: 1, late: false, skipped: false, mode: 'quiz', rating, at: at(days) });
    writeFileSync(
      join(data, 'attempts.jsonl'),
      [
        record('attention', 0, 'correct', 'good', 'weighted sum', []),
        record('dropout', 0, 'incorrect', 'again', 'it drops stuff', ['co-adaptation', 'inverted dropout']),
        record('early-stopping', 30, 'correct', 'good', 'patience', []),
      ].join('\n') + '\n',
    );
    const { status, stdout } = runCli(['export', '--weak', '--format', 'json', '--bank', small, '--data-dir', data]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).map((q: { id: string }) => q.id)).toEqual(['dropout', 'early-stopping']);
    const sheet = runCli(['export', '--weak', '--bank', small, '--data-dir', data]).stdout;
    expect(sheet).toContain('# Revision sheet: my weak spots');
    expect(sheet).toContain('> **Your last answer** (incorrect,');
    expect(sheet).toContain('> **Missed:** **co-adaptation**, **inverted dropout**');
  });

  it('says so and exits 1 when --weak has no history to work from', () => {
    const data = tempDir();
    const { status, stdout, stderr } = runCli(['export', '--weak', '--bank', small, '--data-dir', data]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^nnquiz: no practice history in .*, so there are no weak questions yet\nhint: answer some questions with 'nnquiz quiz' first/);
    expect(existsSync(join(data, 'attempts.jsonl'))).toBe(false);
  });

  it('says there is nothing weak when every practised question was answered correctly and none is due', () => {
    const data = tempDir();
    writeFileSync(join(data, 'attempts.jsonl'), `${JSON.stringify({ v: 1, type: 'attempt', id: 'a', question: 'dropout', answer: 'x', score: 1, verdict: 'correct', matched: [], missing: [], seconds: 1, late: false, skipped: false, mode: 'quiz', rating: 'good', at: new Date().toISOString() })}\n`);
    expect(runCli(['export', '--weak', '--bank', small, '--data-dir', data])).toMatchObject({ status: 1, stderr: expect.stringContaining('nnquiz: no weak questions: every question you practised here was last answered correctly') });
  });

  it('rejects an unknown id and an unknown format', () => {
    expect(runCli(['export', '--ids', 'nope', '--bank', small])).toMatchObject({ status: 2, stderr: expect.stringContaining('no question with id "nope"') });
    expect(runCli(['export', '--format', 'pdf'])).toMatchObject({ status: 2, stderr: `nnquiz: --format: expected md, html, anki or json, got "pdf"\nhint: 'nnquiz export --help' shows its options and examples\n` });
  });
});
