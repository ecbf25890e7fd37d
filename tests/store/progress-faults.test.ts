import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/store/progress.js';
import { tempDir } from '../helpers.js';
import { attempt } from './helpers/attempt.js';


const record = (fields: Record<string, unknown>) =>
  JSON.stringify({ v: 1, type: 'attempt', id: fields.question, answer: 'x', score: 1, verdict: 'correct', rating: 'good', matched: [], missing: [], seconds: 1, ...fields });

// ESC, OSC 52 (clipboard write), CSI, and a bidi override: none may reach a terminal.
const HOSTILE = '\u001b]52;c;cm0gLXJmIH4K\u0007ok\u001b[2J\u202Eevil\u0007\u009b31m';
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('the progress log read as untrusted text', () => {
  it('strips control sequences from every string it reads: answers, terms, flag notes, ids', () => {
    const store = ProgressStore.open(tempDir());
    writeFileSync(
      store.file,
      [
        record({ id: `id${HOSTILE}`, question: `q${HOSTILE}`, answer: `answer${HOSTILE}`, matched: [{ term: `t${HOSTILE}`, text: `m${HOSTILE}`, how: 'exact' }], missing: [`miss${HOSTILE}`], at: '2026-01-01T00:00:00.000Z' }),
        JSON.stringify({ v: 1, type: 'flag', question: `q${HOSTILE}`, note: `note${HOSTILE}`, at: '2026-01-01T00:00:01.000Z' }),
      ].join('\n') + '\n',
    );
    const loaded = store.load();
    expect(loaded.damaged).toEqual([]);
    for (const text of [loaded.attempts[0]!.id, loaded.attempts[0]!.question, loaded.attempts[0]!.answer, loaded.attempts[0]!.matched[0]!.term, loaded.attempts[0]!.matched[0]!.text, loaded.attempts[0]!.missing[0]!, loaded.flags[0]!.question, loaded.flags[0]!.note!]) {
      expect(text).not.toMatch(UNSAFE);
      expect(text).toMatch(/okevil$/);
    }
    expect(loaded.attempts[0]!.answer).toBe('answerokevil');
    expect(loaded.flags[0]!.note).toBe('noteokevil');
  });
});

describe('a log written with a UTF-8 byte order mark (as Notepad saves)', () => {
  it('loads its first record', () => {
    const store = ProgressStore.open(tempDir());
    writeFileSync(store.file, `\uFEFF${record({ question: 'first', at: '2026-01-01T00:00:00.000Z' })}\n${record({ question: 'second', at: '2026-01-02T00:00:00.000Z' })}\n`);
    const loaded = store.load();
    expect(loaded.damaged).toEqual([]);
    expect(loaded.attempts.map((a) => a.question)).toEqual(['first', 'second']);
  });
});

describe('odd clocks in the log', () => {
  it('orders attempts by the time they name, not by their text, and gives every time as UTC ISO', () => {
    const store = ProgressStore.open(tempDir());
    writeFileSync(
      store.file,
      [
        record({ question: 'third', at: '2026-01-01T10:00:00.000Z' }),
        // 09:30 UTC, though its text sorts after the 10:00 above
        record({ question: 'second', at: '2026-01-01T23:30:00.000+14:00' }),
        record({ question: 'first', at: 'Wed, 31 Dec 2025 12:00:00 GMT' }),
      ].join('\n') + '\n',
    );
    const loaded = store.load();
    expect(loaded.damaged).toEqual([]);
    expect(loaded.attempts.map((a) => [a.question, a.at])).toEqual([
      ['first', '2025-12-31T12:00:00.000Z'],
      ['second', '2026-01-01T09:30:00.000Z'],
      ['third', '2026-01-01T10:00:00.000Z'],
    ]);
  });

  it('reports a record whose time cannot be read as damaged, and loads the rest', () => {
    const store = ProgressStore.open(tempDir());
    writeFileSync(
      store.file,
      [
        record({ question: 'good', at: '2026-01-01T10:00:00.000Z' }),
        record({ question: 'bad', at: 'yesterday at noon' }),
        JSON.stringify({ v: 1, type: 'flag', question: 'good', at: 'soon' }),
      ].join('\n') + '\n',
    );
    const loaded = store.load();
    expect(loaded.attempts.map((a) => a.question)).toEqual(['good']);
    expect(loaded.flags).toEqual([]);
    expect(loaded.damaged.map((d) => d.line)).toEqual([2, 3]);
  });
});

describe('non-finite numbers', () => {
  it('never writes NaN or Infinity to the log, so the attempt stays readable', () => {
    const store = ProgressStore.open(tempDir());
    store.recordAttempt(attempt('nan', { score: Number.NaN, seconds: Number.POSITIVE_INFINITY }));
    const text = readFileSync(store.file, 'utf8');
    expect(text).not.toContain('null');
    const loaded = store.load();
    expect(loaded.damaged).toEqual([]);
    expect(loaded.attempts).toMatchObject([{ question: 'nan', score: 0, seconds: 0 }]);
  });

  it('reads an attempt saved with a null score (a NaN written by an older version) as a score of 0', () => {
    const store = ProgressStore.open(tempDir());
    writeFileSync(store.file, `${record({ question: 'old', score: null, verdict: 'incorrect', at: '2026-01-01T00:00:00.000Z' })}\n`);
    const loaded = store.load();
    expect(loaded.damaged).toEqual([]);
    expect(loaded.attempts).toMatchObject([{ question: 'old', score: 0, verdict: 'incorrect' }]);
  });
});

describe('the record writer', () => {
  it('refuses a non-finite number rather than writing it as null, and leaves the log untouched', async () => {
    const { appendRecord } = await import('../../src/store/log.js');
    const store = ProgressStore.open(tempDir());
    store.recordAttempt(attempt('one'));
    const before = readFileSync(store.file, 'utf8');
    expect(() => appendRecord(store.file, { score: Number.NaN })).toThrow(/non-finite number NaN/);
    expect(readFileSync(store.file, 'utf8')).toBe(before);
  });
});
