import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProgressStore, StoreError } from '../../src/store/progress.js';
import { tempDir } from '../helpers.js';
import { attempt } from './helpers/attempt.js';


const worker = fileURLToPath(new URL('./helpers/append-worker.mjs', import.meta.url));

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

  it('keeps every acknowledged attempt when the writer is killed with SIGKILL at random moments, 50 times', async () => {
    const dir = tempDir();
    const acknowledged: string[] = [];
    for (let run = 0; run < 50; run++) {
      const child = spawn(process.execPath, [worker, dir, '100000', `run${run}`], { stdio: ['ignore', 'pipe', 'inherit'] });
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

  it('keeps all 2,000 attempts of four processes appending 500 each at once, none mangled', async () => {
    const dir = tempDir();
    const run = (label: string) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [worker, dir, '500', label], { stdio: 'ignore' });
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
