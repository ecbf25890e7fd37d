import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOG_FILE, ProgressStore, readProgressIn, StoreError } from '../../src/store/progress.js';
import { inMutationRun, tempDir } from '../helpers.js';
import { attempt } from './helpers/attempt.js';


// The writer runs the store from src/ through tsx, so these tests cover src/store/log.ts itself.
const worker = fileURLToPath(new URL('./helpers/append-worker.ts', import.meta.url));
const writer = (dir: string, count: string, label: string) => ['--import', 'tsx', worker, dir, count, label];

describe('ProgressStore', () => {
  it('keeps every attempt with its fields, in order, and applies overrides and chosen ratings', () => {
    let tick = 0;
    const store = ProgressStore.open(tempDir(), () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)));
    const first = store.recordAttempt(attempt('dropout', { bundled: true }));
    const second = store.recordAttempt(attempt('momentum', { verdict: 'incorrect', score: 0, rating: 'again', bundled: false }));
    store.reviseAttempt(first.id, { override: 'correct' });
    store.reviseAttempt(second.id, { rating: 'good' });
    store.flagQuestion('momentum', 'the model answer has a typo');
    const loaded = store.load();
    expect(loaded.damaged).toEqual([]);
    expect(loaded.attempts).toEqual([
      { ...attempt('dropout', { bundled: true }), id: first.id, at: '2026-01-01T00:00:00.000Z', override: 'correct' },
      { ...attempt('momentum', { verdict: 'incorrect', score: 0, rating: 'again', bundled: false }), id: second.id, at: '2026-01-01T00:00:01.000Z', ratingChosen: 'good' },
    ]);
    expect(loaded.flags).toEqual([{ question: 'momentum', note: 'the model answer has a typo', at: '2026-01-01T00:00:04.000Z' }]);
  });

  it('writes each attempt to disk before returning, as one line of JSON', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir);
    store.recordAttempt(attempt('dropout'));
    const lines = readFileSync(join(dir, 'attempts.jsonl'), 'utf8').split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ v: 1, type: 'attempt', question: 'dropout' });
  });

  it('skips a torn last line, reports it, and starts the next record on a line of its own', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir);
    store.recordAttempt(attempt('one'));
    appendFileSync(store.file, '{"v":1,"type":"attempt","question":"tor'); // a crash in the middle of a write
    store.recordAttempt(attempt('two'));
    const loaded = store.load();
    expect(loaded.attempts.map((a) => a.question)).toEqual(['one', 'two']);
    expect(loaded.damaged).toEqual([{ line: 2, text: '{"v":1,"type":"attempt","question":"tor' }]);
  });

  it('skips a line edited into nonsense and loads everything else', () => {
    const store = ProgressStore.open(tempDir());
    store.recordAttempt(attempt('one'));
    appendFileSync(store.file, 'garbage\n{"v":1,"type":"attempt","id":"x","question":"q","score":"high","verdict":"correct","at":"2026-01-01T00:00:00Z"}\n[1,2]\n');
    store.recordAttempt(attempt('two'));
    const loaded = store.load();
    expect(loaded.attempts.map((a) => a.question)).toEqual(['one', 'two']);
    expect(loaded.damaged.map((d) => d.line)).toEqual([2, 3, 4]);
  });

  it('ignores records of kinds a later version may write', () => {
    const store = ProgressStore.open(tempDir());
    appendFileSync(store.file, '{"v":2,"type":"goal","target":50}\n');
    store.recordAttempt(attempt('one'));
    expect(store.load()).toMatchObject({ damaged: [], attempts: [{ question: 'one' }] });
  });

  it('never rewrites the log when reading it', () => {
    const store = ProgressStore.open(tempDir());
    store.recordAttempt(attempt('one'));
    appendFileSync(store.file, 'torn');
    const before = readFileSync(store.file);
    store.load();
    store.load();
    expect(readFileSync(store.file)).toEqual(before);
  });

  it('refuses a data folder that is a file, or cannot be written, with a clear error', () => {
    const dir = tempDir();
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    expect(() => ProgressStore.open(file)).toThrow(StoreError);
    expect(() => ProgressStore.open(file)).toThrow(/is a file, not a folder/);
    expect(() => ProgressStore.open(join(file, 'below'))).toThrow(/cannot be created \(ENOTDIR\)/);
    // A folder without write permission: tests/e2e/data-folder.test.ts, run as an unprivileged user.
  });

  // Skipped in a mutation run: the writer is another process, which never runs Stryker's mutant.
  it.skipIf(inMutationRun)('keeps every acknowledged attempt when the writer is killed with SIGKILL at random moments, 50 times', async () => {
    const dir = tempDir();
    const acknowledged: string[] = [];
    for (let run = 0; run < 50; run++) {
      const child = spawn(process.execPath, writer(dir, '100000', `run${run}`), { stdio: ['ignore', 'pipe', 'inherit'] });
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
      });
      // Wait for the first acknowledgement, then kill at a random moment after it.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 150));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      // Only complete lines were acknowledged: an id is printed after its record is on disk.
      acknowledged.push(...buffer.split('\n').slice(0, -1));
      const loaded = ProgressStore.open(dir).load();
      expect(loaded.damaged.length).toBeLessThanOrEqual(run + 1);
    }
    const loaded = ProgressStore.open(dir).load();
    const ids = new Set(loaded.attempts.map((a) => a.id));
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
  }, 120_000);

  it.skipIf(inMutationRun)('keeps all 2,000 attempts of four processes appending 500 each at once, none mangled', async () => {
    const dir = tempDir();
    const run = (label: string) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, writer(dir, '500', label), { stdio: 'ignore' });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}`))));
      });
    await Promise.all(['a', 'b', 'c', 'd'].map(run));
    const loaded = ProgressStore.open(dir).load();
    expect(loaded.damaged).toEqual([]);
    expect(loaded.attempts).toHaveLength(2000);
    for (const label of ['a', 'b', 'c', 'd']) {
      const mine = loaded.attempts.filter((a) => a.question.startsWith(`${label}-`));
      expect(mine).toHaveLength(500);
      for (const a of mine) expect(a.answer).toBe(`answer ${a.question.slice(2)} from ${label} `.repeat(1 + (Number(a.question.slice(2)) % 40)));
    }
  }, 60_000);
});

describe('ProgressStore.load, field by field', () => {
  const line = (fields: Record<string, unknown>) =>
    JSON.stringify({ v: 1, type: 'attempt', id: 'a1', question: 'q', answer: 'x', score: 0.5, verdict: 'partial', matched: [], missing: [], seconds: 2, late: false, skipped: false, mode: 'quiz', rating: 'hard', at: '2026-01-01T00:00:00.000Z', ...fields });
  const loadLines = (...lines: string[]) => {
    const store = ProgressStore.open(tempDir());
    writeFileSync(store.file, lines.join('\n') + '\n');
    return store.load();
  };

  it('brings back a late, skipped review attempt as it was saved', () => {
    const store = ProgressStore.open(tempDir());
    const saved = store.recordAttempt(attempt('dropout', { late: true, skipped: true, mode: 'review', rating: 'easy', bundled: false }));
    expect(store.load().attempts).toEqual([saved]);
    expect(saved).toMatchObject({ late: true, skipped: true, mode: 'review', rating: 'easy', bundled: false });
  });

  it.each([
    ['a score above 1', { score: 1.5 }, { score: 1 }],
    ['a score below 0', { score: -0.5 }, { score: 0 }],
    ['a score of exactly 1', { score: 1 }, { score: 1 }],
    ['no answer', { answer: 42 }, { answer: '' }],
    ['seconds that are not a number', { seconds: '3' }, { seconds: 0 }],
    ['late written as a string', { late: 'true' }, { late: false }],
    ['skipped written as a number', { skipped: 1 }, { skipped: false }],
    ['an unknown mode', { mode: 'exam' }, { mode: 'quiz' }],
    ['an unknown rating', { rating: 'perfect' }, { rating: 'again' }],
    ['matched that is not a list', { matched: 'a' }, { matched: [] }],
    ['missing that is not a list', { missing: 'b' }, { missing: [] }],
    ['missing terms that are not text', { missing: ['b', 3, null] }, { missing: ['b'] }],
    ['matched terms without a term, or not objects', { matched: [null, 'x', { text: 't' }, { term: 't', text: 7, how: 5 }] }, { matched: [{ term: 't', text: '', how: 'exact' }] }],
    ['a matched term with its kind', { matched: [{ term: 't', text: 'said', how: 'typo' }] }, { matched: [{ term: 't', text: 'said', how: 'typo' }] }],
  ])('reads an attempt with %s', (_, fields, expected) => {
    const loaded = loadLines(line(fields));
    expect(loaded.damaged).toEqual([]);
    expect(loaded.attempts).toHaveLength(1);
    expect(loaded.attempts[0]).toMatchObject(expected);
  });

  it('keeps bundled only when the log says true or false', () => {
    const loaded = loadLines(line({ id: 'a', bundled: true }), line({ id: 'b', bundled: false }), line({ id: 'c', bundled: 'yes' }), line({ id: 'd' }));
    expect(loaded.attempts.map((a) => a.bundled)).toEqual([true, false, undefined, undefined]);
    expect(loaded.attempts.map((a) => 'bundled' in a)).toEqual([true, true, false, false]);
  });

  it.each([
    ['no id', { id: undefined }],
    ['an id that is not text', { id: 7 }],
    ['no question', { question: undefined }],
    ['a question that is not text', { question: ['q'] }],
    ['an unreadable date', { at: 'the day before yesterday' }],
    ['no date', { at: undefined }],
    ['a score written as text', { score: '0.5' }],
    ['an unknown verdict', { verdict: 'great' }],
    ['no verdict', { verdict: undefined }],
  ])('reports an attempt with %s as damaged, at its line, and loads the others', (_, fields) => {
    const loaded = loadLines(line({ id: 'before', question: 'before' }), line(fields), line({ id: 'after', question: 'after' }));
    expect(loaded.attempts.map((a) => a.id)).toEqual(['before', 'after']);
    expect(loaded.damaged.map((d) => d.line)).toEqual([2]);
    expect(loaded.damaged[0]!.text).toBe(JSON.stringify(JSON.parse(line(fields))).slice(0, 200));
  });

  it('reports a line reading null, a number or a string as damaged, never crashing', () => {
    const loaded = loadLines(line({}), 'null', '7', '"text"', 'true');
    expect(loaded.attempts).toHaveLength(1);
    expect(loaded.damaged).toEqual([
      { line: 2, text: 'null' },
      { line: 3, text: '7' },
      { line: 4, text: '"text"' },
      { line: 5, text: 'true' },
    ]);
  });

  it('ignores a revision of an attempt whose line is missing, and applies the others', () => {
    const loaded = loadLines(
      line({ id: 'kept' }),
      JSON.stringify({ v: 1, type: 'revision', attempt: 'lost', override: 'correct', rating: 'easy', at: '2026-01-01T00:00:01.000Z' }),
      JSON.stringify({ v: 1, type: 'revision', attempt: 'kept', override: 'incorrect', at: '2026-01-01T00:00:02.000Z' }),
    );
    expect(loaded.damaged).toEqual([]);
    expect(loaded.attempts).toHaveLength(1);
    expect(loaded.attempts[0]).toMatchObject({ id: 'kept', override: 'incorrect' });
    expect(loaded.attempts[0]!.ratingChosen).toBeUndefined();
  });

  it('applies only a known verdict and a known rating from a revision, the later revision last', () => {
    const revision = (fields: Record<string, unknown>, second: number) => JSON.stringify({ v: 1, type: 'revision', attempt: 'a1', at: `2026-01-01T00:00:0${second}.000Z`, ...fields });
    const loaded = loadLines(line({}), revision({ override: 'correct', rating: 'good' }, 1), revision({ override: 'brilliant', rating: 'perfect' }, 2));
    expect(loaded.damaged).toEqual([]);
    expect(loaded.attempts[0]).toMatchObject({ override: 'correct', ratingChosen: 'good' });
    const later = loadLines(line({}), revision({ override: 'correct' }, 1), revision({ override: 'incorrect', rating: 'again' }, 2));
    expect(later.attempts[0]).toMatchObject({ override: 'incorrect', ratingChosen: 'again' });
  });

  it.each([
    ['a revision with no attempt', { type: 'revision', at: '2026-01-01T00:00:01.000Z' }],
    ['a revision of an attempt that is not text', { type: 'revision', attempt: 3, at: '2026-01-01T00:00:01.000Z' }],
    ['a revision with an unreadable date', { type: 'revision', attempt: 'a1', override: 'correct', at: 'later' }],
    ['a flag with no question', { type: 'flag', note: 'typo', at: '2026-01-01T00:00:01.000Z' }],
    ['a flag with no date', { type: 'flag', question: 'q' }],
  ])('reports %s as damaged and changes nothing', (_, fields) => {
    const loaded = loadLines(line({}), JSON.stringify({ v: 1, ...fields }));
    expect(loaded.damaged.map((d) => d.line)).toEqual([2]);
    expect(loaded.flags).toEqual([]);
    expect(loaded.attempts[0]!.override).toBeUndefined();
  });

  it('reads a flag with or without a note, and drops a note that is not text', () => {
    const flag = (fields: Record<string, unknown>) => JSON.stringify({ v: 1, type: 'flag', at: '2026-01-01T00:00:01.000Z', ...fields });
    const loaded = loadLines(flag({ question: 'a', note: 'typo' }), flag({ question: 'b' }), flag({ question: 'c', note: 5 }));
    expect(loaded.damaged).toEqual([]);
    expect(loaded.flags).toEqual([
      { question: 'a', note: 'typo', at: '2026-01-01T00:00:01.000Z' },
      { question: 'b', at: '2026-01-01T00:00:01.000Z' },
      { question: 'c', at: '2026-01-01T00:00:01.000Z' },
    ]);
  });

  it.each([
    ['as it is, in the form nnquiz writes', '2026-01-05T00:00:00.000Z', '2026-01-05T00:00:00.000Z'],
    ['with a shorter fraction', '2026-01-05T00:00:00.5Z', '2026-01-05T00:00:00.500Z'],
    ['with an expanded year', '+002026-01-05T00:00:00.000Z', '2026-01-05T00:00:00.000Z'],
    ['with an offset', '2026-01-05T02:00:00.000+02:00', '2026-01-05T00:00:00.000Z'],
    ['with a lower-case z', '2026-01-05T00:00:00.000z', '2026-01-05T00:00:00.000Z'],
  ])('reads a time written %s in the one UTC form nnquiz writes', (_how, at, expected) => {
    const flag = JSON.stringify({ v: 1, type: 'flag', question: 'q', at });
    const loaded = loadLines(line({ at }), flag);
    expect(loaded.attempts.map((a) => a.at)).toEqual([expected]);
    expect(loaded.flags.map((f) => f.at)).toEqual([expected]);
  });

  it('orders attempts and flags by time whatever the order of the log, equal times in the log\'s order', () => {
    const flag = (question: string, at: string) => JSON.stringify({ v: 1, type: 'flag', question, at });
    const loaded = loadLines(
      line({ id: 'c', at: '2026-01-03T00:00:00.000Z' }),
      flag('late', '2026-01-05T00:00:00.000Z'),
      line({ id: 'a', at: '2026-01-01T00:00:00.000Z' }),
      line({ id: 'b1', at: '2026-01-02T00:00:00.000Z' }),
      flag('early', '2026-01-04T00:00:00.000Z'),
      line({ id: 'b2', at: '2026-01-02T00:00:00.000Z' }),
    );
    expect(loaded.attempts.map((a) => a.id)).toEqual(['a', 'b1', 'b2', 'c']);
    expect(loaded.flags.map((f) => f.question)).toEqual(['early', 'late']);
  });

  it('lists damaged lines in the order of the file, unreadable and wrongly shaped alike', () => {
    const loaded = loadLines(line({}), line({ verdict: 'great' }), 'garbage', line({ id: 7 }), '[1]');
    expect(loaded.damaged.map((d) => d.line)).toEqual([2, 3, 4, 5]);
  });

  it('ignores a record of an unknown kind without reporting it', () => {
    const loaded = loadLines(line({}), JSON.stringify({ v: 1, type: 'note', at: 'never' }), JSON.stringify({ v: 1, at: '2026-01-01T00:00:00.000Z' }));
    expect(loaded.damaged).toEqual([]);
    expect(loaded.attempts).toHaveLength(1);
  });

  it('writes revisions and flags with the time of the store\'s clock, and a flag without a note has none', () => {
    const store = ProgressStore.open(tempDir(), () => new Date(Date.UTC(2026, 4, 1)));
    store.flagQuestion('q');
    store.flagQuestion('r', '');
    const lines = readFileSync(store.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as object);
    expect(lines).toEqual([
      { v: 1, type: 'flag', question: 'q', at: '2026-05-01T00:00:00.000Z' },
      { v: 1, type: 'flag', question: 'r', at: '2026-05-01T00:00:00.000Z' },
    ]);
  });
});

describe('readProgressIn', () => {
  it('reads the log of a data folder without creating anything, and a missing folder as no progress', () => {
    const dir = join(tempDir(), 'never-made');
    expect(readProgressIn(dir)).toEqual({ attempts: [], flags: [], damaged: [], file: join(dir, LOG_FILE) });
    expect(existsSync(dir)).toBe(false);
    const store = ProgressStore.open(tempDir());
    store.recordAttempt(attempt('one'));
    expect(readProgressIn(store.dir).attempts.map((a) => a.question)).toEqual(['one']);
  });

  it('refuses a data folder that is a file, and a log that is a folder, naming each', () => {
    const dir = tempDir();
    const file = join(dir, 'plain');
    writeFileSync(file, 'x');
    expect(() => readProgressIn(file)).toThrow(StoreError);
    expect(() => readProgressIn(file)).toThrow(`data folder ${JSON.stringify(file)} is a file, not a folder`);
    mkdirSync(join(dir, LOG_FILE));
    expect(() => readProgressIn(dir)).toThrow(StoreError);
    expect(() => readProgressIn(dir)).toThrow(`progress log ${JSON.stringify(join(dir, LOG_FILE))} is a folder, not a file`);
  });

  it('opens a store whose log is a folder, and fails when it reads it, naming the log', () => {
    const dir = tempDir();
    mkdirSync(join(dir, LOG_FILE));
    expect(() => ProgressStore.open(dir).load()).toThrow(expect.objectContaining({ code: 'EISDIR', path: join(dir, LOG_FILE) }));
  });
});
