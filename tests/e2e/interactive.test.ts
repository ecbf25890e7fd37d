import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers.js';
import { BIN } from './run-cli.js';
import { SKIP_TERMINAL, TerminalSession } from './helpers/terminal.js';

// A real pseudo-terminal from npm (node-pty) and a terminal emulator (xterm) to read its screen:
// nothing to install by hand. NNQUIZ_SKIP_TERMINAL=1 skips these tests; otherwise they run or fail.
const sessions: TerminalSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

function start(args: string[], width = 100, env: Record<string, string> = {}): TerminalSession {
  // Never the user's own settings or data: a fresh folder for each.
  const home = tempDir();
  const session = new TerminalSession(process.execPath, [BIN, ...args], { width, env: { NO_COLOR: '1', XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, NNQUIZ_DATA_DIR: home, ...env } });
  sessions.push(session);
  return session;
}

const records = (data: string) =>
  readFileSync(join(data, 'attempts.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

describe.skipIf(SKIP_TERMINAL)('interactive quiz in a real terminal', () => {
  it('answers one question, quits with Ctrl+C at the next prompt, and keeps the answer', async () => {
    const data = tempDir();
    const quiz = start(['quiz', '--bank', fixture('small-bank'), '--data-dir', data, '--order', 'bank', '--count', '3']);
    await quiz.waitFor('Your answer');
    expect(quiz.screen()).toContain('Question 1/3');
    quiz.type('a weighted sum of encoder states, weights from a softmax, no fixed-length context vector');
    quiz.keys('Enter');
    await quiz.waitFor('Enter next');
    expect(quiz.screen()).toContain('✔ correct');
    quiz.keys('Enter');
    await quiz.waitFor('Question 2/3');
    await quiz.waitFor('Your answer', 2);
    quiz.keys('C-c');
    const { code, screen } = await quiz.exited();
    expect(code).toBe(130);
    expect(screen).toContain('Stopped after 1 question; every answer given is saved.');
    expect(screen).not.toMatch(/at .*\.js:\d+/);
    expect(records(data).map((r) => [r.question, r.verdict])).toEqual([['attention', 'correct']]);
  });

  it('records an override of the verdict and a flag, then quits with q', async () => {
    const data = tempDir();
    const quiz = start(['quiz', '--bank', fixture('small-bank'), '--data-dir', data, '--order', 'bank']);
    await quiz.waitFor('Your answer');
    quiz.type('the decoder looks back at every encoder state');
    quiz.keys('Enter');
    await quiz.waitFor('Enter next');
    quiz.keys('f');
    await quiz.waitFor('What needs fixing?');
    quiz.type('the model answer never names Bahdanau');
    quiz.keys('Enter');
    await quiz.waitFor('Flagged attention for a fix with your note');
    // Flagged once: the key is no longer offered, and pressing it again records nothing.
    const offered = await quiz.waitFor(/Enter next · r I was right · w I was wrong · q quit/);
    expect(offered).not.toMatch(/q quit\n.*f flag for a fix/s);
    quiz.keys('f');
    quiz.keys('r');
    await quiz.waitFor('Recorded as correct');
    quiz.keys('q');
    const { code, screen } = await quiz.exited();
    expect(code).toBe(0);
    expect(screen).toMatch(/attention +correct\* +\d+%/);
    expect(screen).toContain("* your call, over the grader's");
    const log = records(data);
    expect(log.map((r) => r.type)).toEqual(['attempt', 'flag', 'revision']);
    expect(log[1]).toMatchObject({ question: 'attention', note: 'the model answer never names Bahdanau' });
    expect(log[2]).toMatchObject({ attempt: log[0].id, override: 'correct' });
  });

  it('skips on an empty answer, in a narrow 40-column terminal', async () => {
    const data = tempDir();
    const quiz = start(['quiz', '--bank', fixture('small-bank'), '--data-dir', data, '--order', 'bank', '--count', '2'], 40);
    await quiz.waitFor('Your answer');
    quiz.keys('Enter');
    await quiz.waitFor('Skipped.');
    quiz.keys('Enter');
    await quiz.waitFor('Your answer', 2);
    quiz.type('randomly zeroes units');
    quiz.keys('Enter');
    await quiz.waitFor('Model answer:', 2);
    await quiz.waitFor('Enter next');
    quiz.keys('Enter');
    const { code, screen } = await quiz.exited();
    expect(code).toBe(0);
    expect(screen).toContain('Session summary');
    expect(screen).toMatch(/2 +dropout +partial/);
    expect(records(data).map((r) => [r.question, r.skipped])).toEqual([
      ['attention', true],
      ['dropout', false],
    ]);
  });
});

describe.skipIf(SKIP_TERMINAL)('interactive review in a real terminal', () => {
  it('takes a rating key and shows the next due date', async () => {
    const data = tempDir();
    const review = start(['review', '--bank', fixture('small-bank'), '--data-dir', data, '--limit', '1']);
    await review.waitFor('Your answer');
    review.type('a weighted sum over encoder states using a softmax, instead of a fixed-length context vector');
    review.keys('Enter');
    await review.waitFor('Rate it');
    review.keys('4');
    const { code, screen } = await review.exited();
    expect(code).toBe(0);
    expect(screen).toMatch(/Rated Easy: next due in \d+ days, \d+ [A-Z][a-z]{2}/);
    const log = records(data);
    expect(log.map((r) => r.type)).toEqual(['attempt', 'revision']);
    expect(log[1]).toMatchObject({ rating: 'easy' });
  });
});

describe.skipIf(SKIP_TERMINAL)('interactive review, interrupted', () => {
  it('keeps the first card when Ctrl+C stops the review at the rating of the second', async () => {
    const data = tempDir();
    const review = start(['review', '--bank', fixture('small-bank'), '--data-dir', data]);
    await review.waitFor('Your answer');
    review.keys('Enter');
    await review.waitFor('Rate it');
    review.keys('Enter');
    await review.waitFor('Review 2/3');
    await review.waitFor('Your answer');
    review.type('randomly zeroes units');
    review.keys('Enter');
    await review.waitFor('Rate it');
    review.keys('C-c');
    const { code, screen } = await review.exited();
    expect(code).toBe(130);
    expect(screen).toContain('Stopped after 2 questions; every answer given is saved.');
    expect(records(data).map((r) => [r.type, r.question, r.skipped])).toEqual([
      ['attempt', 'attention', true],
      ['attempt', 'dropout', false],
    ]);
  });
});

describe.skipIf(SKIP_TERMINAL)('interactive new in a real terminal', () => {
  it('asks for each field, takes the answer from $EDITOR, and writes a valid question', async () => {
    const bank = tempDir();
    const editor = fileURLToPath(new URL('./helpers/fake-editor.sh', import.meta.url));
    const session = start(['new', '--bank', bank], 100, { EDITOR: editor, VISUAL: editor });
    const answer = async (prompt: string, text: string) => {
      await session.waitFor(prompt);
      if (text) session.type(text);
      session.keys('Enter');
    };
    await answer('Question:', 'What is a learning-rate warmup phase?');
    await answer('Topic', 'optimization');
    await answer('Tags', 'schedules');
    await answer('Difficulty', '');
    await answer('Key term 1', 'learning rate');
    await answer('Other ways to say "learning rate"', 'LR');
    await answer('Core idea', 'y');
    await answer('Key term 2', '');
    await answer('Id:', '');
    const { code, screen } = await session.exited();
    expect(code).toBe(0);
    const text = readFileSync(join(bank, 'optimization', 'learning-rate-warmup-phase.md'), 'utf8');
    expect(text).toContain('question: What is a learning-rate warmup phase?');
    expect(text).toContain('  - term: learning rate\n    aliases:\n      - LR\n    core: true\n');
    expect(text).toContain('Warmup raises the **learning rate** gradually');
  });

  it('leaves nothing behind when Ctrl+C stops it at a prompt', async () => {
    const bank = tempDir();
    const session = start(['new', '--bank', bank]);
    await session.waitFor('Question:');
    session.type('Half a question');
    session.keys('C-c');
    const { code, screen } = await session.exited();
    expect(code).toBe(130);
    expect(readdirSync(bank)).toEqual([]);
  });
});

describe.skipIf(SKIP_TERMINAL)('the practice screen at 40 and 100 columns', () => {
  it.each([40, 100])('wraps every line at word boundaries at %i columns: nothing is cut mid-word', async (width) => {
    const data = tempDir();
    const quiz = start(['quiz', '--data-dir', data, '--order', 'bank', '--topic', 'attention,regularization', '--count', '3', '--no-follow-ups'], width);
    await quiz.waitFor('Your answer');
    quiz.type('weights from a softmax');
    quiz.keys('Enter');
    await quiz.waitFor('Enter next');
    quiz.keys('Enter');
    await quiz.waitFor('Question 2/3');
    await quiz.waitFor('Your answer', 2);
    quiz.keys('Enter');
    await quiz.waitFor('Skipped.');
    await quiz.waitFor('Enter next');
    quiz.keys('Enter');
    await quiz.waitFor('Question 3/3');
    await quiz.waitFor('Your answer', 3);
    quiz.type('scaled dot products');
    quiz.keys('Enter');
    await quiz.waitFor('Model answer:', 3);
    await quiz.waitFor('Enter next');
    quiz.keys('Enter');
    const { code, screen } = await quiz.exited();
    expect(code).toBe(0);
    expect(screen).toMatch(/#\s+QUESTION\s+VERDICT\s+SCORE/);
    expect(screen).toMatch(/skipped\s+–/);
    expect(quiz.softWrapped()).toEqual([]);
  });

  it('keeps the verdict and what was missed in view at 100×30 when the next key is asked for', async () => {
    const data = tempDir();
    const quiz = start(['quiz', '--data-dir', data, '--order', 'bank', '--topic', 'regularization', '--count', '1'], 100);
    await quiz.waitFor('Your answer');
    quiz.type('it makes the network smaller');
    quiz.keys('Enter');
    await quiz.waitFor('Enter next');
    const view = quiz.view().join('\n');
    expect(view).toMatch(/✘ incorrect|◐ partial/);
    expect(view).toContain('Missing:');
    expect(view).toMatch(/(✘ incorrect|◐ partial) · Enter next · r I was right/);
    expect(quiz.screen()).toMatch(/… \d+ more lines?: 'nnquiz show [\w-]+' shows the whole answer/);
    // The answered prompt is marked neutrally, not with a tick above a cross.
    expect(quiz.screen()).toMatch(/› Your answer \(Enter on an empty line skips\): it makes the network smaller/);
    expect(quiz.screen()).not.toContain('✔ Your answer');
    quiz.keys('q');
    expect((await quiz.exited()).code).toBe(0);
  });

  it('ends with the summary and exit 130 when Ctrl+C comes the moment the next question appears', async () => {
    const data = tempDir();
    const quiz = start(['quiz', '--bank', fixture('small-bank'), '--data-dir', data, '--order', 'bank', '--count', '3']);
    await quiz.waitFor('Your answer');
    quiz.type('a weighted sum of encoder states');
    quiz.keys('Enter');
    await quiz.waitFor('Enter next');
    quiz.keys('Enter');
    await quiz.waitFor('Question 2/3', 1, 10_000);
    quiz.keys('C-c');
    const { code, signal, screen } = await quiz.exited();
    expect({ code, signal }).toEqual({ code: 130, signal: 0 });
    expect(screen).toContain('Stopped after 1 question; every answer given is saved.');
    expect(records(data).map((r) => r.question)).toEqual(['attention']);
  });

  it('offers no override on a skipped question, and r and w there record nothing', async () => {
    const data = tempDir();
    const quiz = start(['quiz', '--bank', fixture('small-bank'), '--data-dir', data, '--order', 'bank', '--count', '1']);
    await quiz.waitFor('Your answer');
    quiz.keys('Enter');
    const screen = await quiz.waitFor('Enter next');
    expect(screen).toMatch(/skipped · Enter next · f flag for a fix · q quit/);
    quiz.keys('r', 'w', 'Enter');
    const { code, screen: end } = await quiz.exited();
    expect(code).toBe(0);
    expect(end).not.toContain('Recorded as');
    expect(records(data).map((r) => r.type)).toEqual(['attempt']);
  });
});

describe.skipIf(SKIP_TERMINAL)('Ctrl+C between prompts', () => {
  it('ends the session with its summary and exit 130 on a SIGINT while no prompt has the terminal', async () => {
    const data = tempDir();
    const dir = tempDir();
    // An editor that takes its time, so that the signal surely comes while nnquiz waits between prompts.
    const editor = join(dir, 'slow-editor.mjs');
    writeFileSync(editor, 'setTimeout(() => {}, 1500);\n');
    const quiz = start(['quiz', '--bank', fixture('small-bank'), '--data-dir', data, '--order', 'bank', '--count', '2', '--multiline'], 100, { EDITOR: `${process.execPath} ${editor}`, VISUAL: `${process.execPath} ${editor}` });
    await quiz.waitFor('Question 1/2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // What the terminal sends for Ctrl+C when it is in its normal mode, as between two prompts.
    quiz.signal('SIGINT');
    const { code, signal, screen } = await quiz.exited();
    expect({ code, signal }).toEqual({ code: 130, signal: 0 });
    expect(screen).toContain('Stopped before any answer; nothing was saved.');
  });
});

describe.skipIf(SKIP_TERMINAL)('every command at 40 columns', () => {
  const attempt = (question: string, verdict: string, at: string) =>
    JSON.stringify({ v: 1, type: 'attempt', id: `${question}-${at}`, question, answer: 'an answer of several words that goes on for a while', score: verdict === 'correct' ? 0.9 : 0.2, verdict, rating: verdict === 'correct' ? 'good' : 'again', matched: [], missing: verdict === 'correct' ? [] : ['the weights are shared across positions in the sequence'], seconds: 20, at });

  it.each([
    ['stats', ['stats']],
    ['stats --flagged', ['stats', '--flagged']],
    ['search', ['search', 'vanishing', 'gradient']],
    ['show', ['show', 'vanishing-gradient']],
    ['list', ['list', '--topic', 'training']],
    ['grade', ['grade', 'dropout', 'dropout randomly zeroes units during training so they cannot co-adapt, and it is off at test time']],
  ])('%s wraps at word boundaries and fits its tables', async (_, args) => {
    const data = tempDir();
    const now = Date.now();
    writeFileSync(
      join(data, 'attempts.jsonl'),
      [
        attempt('rnn-lstm-gru', 'incorrect', new Date(now - 3 * 86_400_000).toISOString()),
        attempt('dropout', 'correct', new Date(now - 86_400_000).toISOString()),
        JSON.stringify({ v: 1, type: 'flag', question: 'dropout', note: 'the model answer should say what inverted dropout scales by', at: new Date(now).toISOString() }),
      ].join('\n') + '\n',
    );
    const session = start(args[0] === 'stats' ? [...args, '--data-dir', data] : args, 40);
    const { code, screen } = await session.exited();
    expect(code).toBe(0);
    expect(screen.trim().length).toBeGreaterThan(0);
    expect(session.softWrapped()).toEqual([]);
  });

  it('review fits its rating keys on one line at 80 columns', async () => {
    const data = tempDir();
    const review = start(['review', '--bank', fixture('small-bank'), '--data-dir', data, '--limit', '1'], 80);
    await review.waitFor('Your answer');
    review.type('a weighted sum of encoder states');
    review.keys('Enter');
    const screen = await review.waitFor('Rate it');
    expect(screen).toMatch(/^Rate it: \[?1 Again \d+[mhd]\]? · \[?2 Hard \d+[mhd]\]? · \[?3 Good \d+[mhd]\]? · \[?4 Easy \d+[mhd]\]? · Enter: \w+$/m);
    expect(review.softWrapped()).toEqual([]);
    review.keys('Enter');
    expect((await review.exited()).code).toBe(0);
  });
});
