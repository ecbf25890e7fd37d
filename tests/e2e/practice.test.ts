import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers.js';
import { BIN, runCli } from './run-cli.js';

const small = fixture('small-bank');
const logOf = (dir: string) =>
  readFileSync(join(dir, 'attempts.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('nnquiz quiz (answers piped on stdin)', () => {
  it('asks, grades, saves every attempt and prints a summary', () => {
    const data = tempDir();
    const input = 'A weighted sum of all encoder states, with weights from a softmax, removes the fixed-length context vector bottleneck\n\nno idea\n';
    const { status, stdout, stderr } = runCli(['quiz', '--bank', small, '--data-dir', data, '--order', 'bank', '--count', '3'], { input });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('Question 1/3');
    expect(stdout).toContain('What problem does the attention mechanism solve in sequence-to-sequence models?');
    expect(stdout).toContain('✔ correct  score 100%');
    expect(stdout).toContain('Model answer:');
    expect(stdout).toContain('(skipped)');
    expect(stdout).not.toMatch(/\u001b/);
    expect(stdout).toMatch(/Session summary\n#  QUESTION +VERDICT +SCORE\n1  attention +correct +100%\n2  dropout +skipped +–\n3  early-stopping +incorrect +0%/);
    expect(stdout).toContain("Next: 'nnquiz review'");
    expect(logOf(data).map((r) => [r.question, r.verdict, r.skipped, r.mode])).toEqual([
      ['attention', 'correct', false, 'quiz'],
      ['dropout', 'incorrect', true, 'quiz'],
      ['early-stopping', 'incorrect', false, 'quiz'],
    ]);
  });

  it('says how many it will ask when fewer questions match than --count asks for', () => {
    const data = tempDir();
    const { status, stdout } = runCli(['quiz', '--bank', small, '--data-dir', data, '--count', '10', '--order', 'bank'], { input: '\n\n\n' });
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Only 3 questions match; asking all 3.');
    expect(logOf(data)).toHaveLength(3);
  });

  it('asks a follow-up next after a correct answer, unless --no-follow-ups', () => {
    const bank = tempDir();
    const question = (id: string, followUps = '') => `---\nid: ${id}\nquestion: What is ${id}?\nkey_terms: [{term: ${id} means yes, core: true}]\n${followUps}---\n${id} means yes.\n`;
    writeFileSync(join(bank, 'a.md'), question('alpha', 'follow_ups: [gamma]\n'));
    writeFileSync(join(bank, 'b.md'), question('beta'));
    writeFileSync(join(bank, 'c.md'), question('gamma'));
    const asked = (extra: string[], input: string) => {
      const data = tempDir();
      runCli(['quiz', '--bank', bank, '--data-dir', data, '--order', 'bank', '--count', '2', ...extra], { input });
      return logOf(data).map((r) => r.question);
    };
    expect(asked([], 'alpha means yes\nanything\n')).toEqual(['alpha', 'gamma']);
    expect(asked([], 'wrong\nanything\n')).toEqual(['alpha', 'beta']);
    expect(asked(['--no-follow-ups'], 'alpha means yes\nanything\n')).toEqual(['alpha', 'beta']);
  });

  it('ends at the end of input, keeping what was answered', () => {
    const data = tempDir();
    const { status, stdout } = runCli(['quiz', '--bank', small, '--data-dir', data, '--count', '3', '--seed', '1'], { input: 'one answer\n' });
    expect(status).toBe(0);
    expect(logOf(data)).toHaveLength(1);
    expect(stdout).toContain('Session summary');
  });

  it('gives the same order for the same seed, and another for another seed', () => {
    const order = (seed: string) => {
      const data = tempDir();
      runCli(['quiz', '--data-dir', data, '--seed', seed, '--count', '6', '--no-follow-ups'], { input: 'a\nb\nc\nd\ne\nf\n' });
      return logOf(data).map((r) => r.question);
    };
    expect(order('7')).toHaveLength(6);
    expect(order('7')).toEqual(order('7'));
    expect(order('8')).not.toEqual(order('7'));
  });

  it('in exam mode gives no feedback until the end, then a full report', () => {
    const data = tempDir();
    const { stdout } = runCli(['quiz', '--bank', small, '--data-dir', data, '--order', 'bank', '--exam', '--count', '2'], { input: 'a weighted sum\ndropout is applied at test time\n' });
    const report = stdout.indexOf('Mock interview report');
    expect(report).toBeGreaterThan(0);
    expect(stdout.indexOf('Model answer')).toBeGreaterThan(report);
    expect(stdout).toContain('Your answer: a weighted sum');
    expect(stdout).toMatch(/Missed: fixed-length context vector, softmax/);
    expect(stdout).toContain('Misconception: dropout stays on at test time. Dropout is switched off at inference;');
  });

  it('marks an answer given after the time limit as late, and still grades it', async () => {
    const data = tempDir();
    const child = spawn(process.execPath, [BIN, 'quiz', '--bank', small, '--data-dir', data, '--order', 'bank', '--count', '2', '--time-limit', '2'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stdin.write('a weighted sum with softmax weights\n');
    // Well past the two seconds the second question gets, however slow the machine is to show it.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    child.stdin.end('randomly zeroes units\n');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(logOf(data).map((r) => [r.question, r.late])).toEqual([
      ['attention', false],
      ['dropout', true],
    ]);
    expect(logOf(data)[1].score).toBeGreaterThan(0);
    expect(stdout).toContain('Answered after the time limit: marked late.');
    expect(stdout).toMatch(/dropout +partial \(late\)/);
  });

  it('fails before asking anything when the data folder cannot be used', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    const { status, stdout, stderr } = runCli(['quiz', '--bank', small, '--data-dir', file], { input: 'an answer\n' });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`nnquiz: data folder ${JSON.stringify(file)} is a file, not a folder\nhint: choose another folder with --data-dir DIR or NNQUIZ_DATA_DIR\n`);
  });

  it('uses NNQUIZ_DATA_DIR when --data-dir is not given', () => {
    const data = tempDir();
    runCli(['quiz', '--bank', small, '--count', '1'], { input: 'x\n', env: { NNQUIZ_DATA_DIR: data } });
    expect(logOf(data)).toHaveLength(1);
  });
});

describe('progress of a bundled question and of your own question with the same id', () => {
  it('is kept apart: an answer to the bundled dropout never counts for your dropout', () => {
    const data = tempDir();
    const bundled = runCli(['quiz', '--data-dir', data, '--topic', 'regularization', '--order', 'bank', '--count', '10', '--no-follow-ups'], { input: 'randomly zeroes units so they cannot co-adapt\n'.repeat(10) });
    expect(bundled.status).toBe(0);
    expect(logOf(data).find((r) => r.question === 'dropout')).toMatchObject({ bundled: true });
    const own = tempDir();
    writeFileSync(join(own, 'dropout.md'), '---\nquestion: What is my own dropout question?\ntopic: mine\n---\nMy own answer.\n');
    const stats = runCli(['stats', '--json', '--bank', own, '--data-dir', data]);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ topics: [{ topic: 'mine', seen: 0 }] });
    const review = runCli(['review', '--bank', own, '--data-dir', data, '--limit', '1'], { input: 'my answer\n' });
    expect(review.stdout).toContain('0 due, 1 never seen');
    expect(logOf(data).at(-1)).toMatchObject({ question: 'dropout', bundled: false });
  });
});

describe('a question merged into another', () => {
  it('keeps its old id: show and grade take it, and its progress counts for the merged question', () => {
    const bank = tempDir();
    const data = tempDir();
    writeFileSync(join(bank, 'new-q.md'), '---\nquestion: How do adaptive optimizers set the step size of each parameter?\ntopic: opt\nformer_ids: [old-q]\n---\nThey divide by a running average of squared gradients.\n');
    writeFileSync(join(data, 'attempts.jsonl'), `${JSON.stringify({ v: 1, type: 'attempt', id: 'a1', question: 'old-q', answer: 'x', score: 1, verdict: 'correct', rating: 'good', matched: [], missing: [], seconds: 1, at: '2026-01-01T00:00:00.000Z' })}\n`);
    expect(runCli(['show', 'old-q', '--bank', bank]).stdout).toMatch(/^new-q .*\n[\s\S]*Formerly: old-q \(these ids still lead here\)/);
    expect(JSON.parse(runCli(['grade', 'old-q', 'a running average of squared gradients', '--json', '--bank', bank]).stdout)).toMatchObject({ id: 'new-q' });
    expect(JSON.parse(runCli(['stats', '--json', '--bank', bank, '--data-dir', data]).stdout)).toMatchObject({ orphaned: 0, topics: [{ topic: 'opt', seen: 1 }] });
  });
});

describe('nnquiz review and stats', () => {
  const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const record = (question: string, days: number, verdict: string, rating: string, missing: string[] = []) =>
    JSON.stringify({ v: 1, type: 'attempt', id: `${question}-${days}`, question, answer: 'earlier answer', score: verdict === 'correct' ? 1 : 0, verdict, matched: [], missing, seconds: 9, late: false, skipped: false, mode: 'quiz', rating, at: isoDaysAgo(days) });

  it('brings back yesterday’s missed question first, then new ones, and saves the review', () => {
    const data = tempDir();
    writeFileSync(join(data, 'attempts.jsonl'), `${record('early-stopping', 2, 'incorrect', 'again', ['patience'])}\n${record('attention', 1, 'correct', 'good')}\n`);
    const { status, stdout } = runCli(['review', '--bank', small, '--data-dir', data], { input: 'stop when validation loss stops improving, with patience, and keep the best weights\nrandomly zeroes units\n' });
    expect(status).toBe(0);
    expect(stdout).toContain('1 due, 1 never seen; reviewing 2.');
    expect(stdout.indexOf('How does early stopping work?')).toBeLessThan(stdout.indexOf('What is dropout'));
    expect(stdout).toMatch(/Review 1\/2 .* due 1 days? ago/);
    expect(stdout).toMatch(/Rated Good: next due in \d+ days, \d+ [A-Z][a-z]{2}/);
    const log = logOf(data);
    expect(log.slice(2).map((r) => [r.question, r.mode, r.verdict, r.rating])).toEqual([
      ['early-stopping', 'review', 'correct', 'good'],
      ['dropout', 'review', 'partial', 'hard'],
    ]);
  });

  it('says when the next question is due when nothing is, and exits 0', () => {
    const data = tempDir();
    writeFileSync(join(data, 'attempts.jsonl'), ['attention', 'dropout', 'early-stopping'].map((q) => record(q, 0, 'correct', 'good')).join('\n') + '\n');
    const { status, stdout } = runCli(['review', '--bank', small, '--data-dir', data]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Nothing is due\. The next question is due in \d+ days, \d+ [A-Z][a-z]{2}( \d{4})?\.\n$/);
  });

  it('crams the weakest questions whatever their schedule', () => {
    const data = tempDir();
    writeFileSync(join(data, 'attempts.jsonl'), `${record('attention', 0, 'correct', 'good')}\n${record('dropout', 0, 'incorrect', 'again')}\n`);
    const { stdout } = runCli(['review', '--cram', '--limit', '1', '--bank', small, '--data-dir', data], { input: 'x\n' });
    expect(stdout).toContain('Cramming the 1 weakest question');
    expect(stdout).toContain('What is dropout');
  });

  it('shows progress, weak topics, missed ideas and orphaned attempts, and skips a damaged line with one warning', () => {
    const data = tempDir();
    const lines = [record('dropout', 1, 'incorrect', 'again', ['co-adaptation']), '{"v":1,"type":"attempt","question":"tor', record('attention', 0, 'correct', 'good'), record('deleted-question', 0, 'correct', 'good')];
    writeFileSync(join(data, 'attempts.jsonl'), `${lines.join('\n')}\n`);
    const { status, stdout, stderr } = runCli(['stats', '--bank', small, '--data-dir', data]);
    expect(status).toBe(0);
    expect(stderr).toContain('1 damaged record in');
    expect(stderr.trim().split('\n')).toHaveLength(2);
    expect(stdout).toContain('3 attempts · 2 of 3 answered correctly (67%)');
    expect(stdout).toMatch(/regularization +0\/2|regularization +1\/2/);
    expect(stdout).toContain('weakest');
    expect(stdout).toContain('co-adaptation — missed 1 time, in dropout');
    expect(stdout).toContain('1 attempt for questions no longer in the loaded banks');
    const json = JSON.parse(runCli(['stats', '--bank', small, '--data-dir', data, '--json']).stdout);
    expect(json).toMatchObject({ attempts: 3, answered: 3, correct: 2, orphaned: 1, streakDays: 2 });
    expect(Object.keys(json).sort()).toEqual(['answered', 'attempts', 'correct', 'dueThisWeek', 'dueToday', 'flagged', 'history', 'missedTerms', 'orphaned', 'overrides', 'shareCorrect', 'streakDays', 'topics']);
  });

  it('says how to start when there is no history', () => {
    expect(runCli(['stats', '--bank', small, '--data-dir', tempDir()]).stdout).toContain('No attempts yet. Start with: nnquiz quiz');
  });
});
