import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBank } from '../../../src/core/bank/read.js';
import { gradeAnswer, type GradableQuestion } from '../../../src/core/grading/index.js';
import { parseQuestion, type KeyTerm } from '../../../src/core/bank/question.js';
import { tempDir } from '../../helpers.js';

const WORDS = ['constructor', 'toString', '__proto__', 'gradient', 'vanishing', 'relu', 'batch', 'norm', 'dropout', 'learning', 'rate', 'not', 'no', 'without', 'layer', 'attention', 'softmax', 'the', 'of', 'and', 'weights', 'SGD', 'co-adaptation', 'normalisation', 'x'];
const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 1, maxLength: 8 }));
const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const keyTerm: fc.Arbitrary<KeyTerm> = fc.record({
  term: phrase,
  aliases: fc.array(phrase, { maxLength: 3 }),
  weight: fc.constantFrom(0.5, 1, 2),
  core: fc.boolean(),
});
const question: fc.Arbitrary<GradableQuestion> = fc.record({
  keyTerms: fc.array(keyTerm, { minLength: 1, maxLength: 6 }),
  passMark: fc.constantFrom(0.3, 0.6, 1),
  keyTermsDerived: fc.boolean(),
});
const answer = fc.oneof(fc.array(word, { maxLength: 30 }).map((w) => w.join(' ')), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }));

describe('grader properties', () => {
  it('never throws, keeps the score in [0, 1], and is deterministic', () => {
    fc.assert(
      fc.property(question, answer, (q, a) => {
        const grade = gradeAnswer(q, a);
        expect(grade.score).toBeGreaterThanOrEqual(0);
        expect(grade.score).toBeLessThanOrEqual(1);
        expect(grade.matched.length + grade.missing.length).toBe(q.keyTerms.length);
        expect(gradeAnswer(q, a)).toEqual(grade);
      }),
      { numRuns: 400 },
    );
  });

  it('ignores case and runs of spaces and tabs', () => {
    const ascii = fc.array(fc.constantFrom(...WORDS), { maxLength: 25 });
    fc.assert(
      fc.property(question, ascii, fc.constantFrom('  ', '\t', ' \t '), (q, words, gap) => {
        const plain = gradeAnswer(q, words.join(' ')).score;
        expect(gradeAnswer(q, words.join(' ').toUpperCase()).score).toBe(plain);
        expect(gradeAnswer(q, `  ${words.join(gap)}  `).score).toBe(plain);
      }),
      { numRuns: 300 },
    );
  });

  // The score itself may fall: appending bare terms can turn an answer into a keyword list.
  it('never loses a heard idea when the exact text of a missing key term is appended', () => {
    fc.assert(
      fc.property(question, answer, (q, a) => {
        const before = gradeAnswer(q, a);
        for (const missing of before.missing) {
          const term = q.keyTerms.find((k) => k.term === missing.term)!;
          const after = gradeAnswer(q, `${a}. ${term.term}`);
          const heard = new Set(after.matched.map((m) => m.term));
          for (const m of before.matched) expect(heard.has(m.term)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('scores an empty or blank answer 0', () => {
    fc.assert(
      fc.property(question, fc.constantFrom('', ' ', '\n\t', '...', '—'), (q, blank) => {
        expect(gradeAnswer(q, blank).score).toBe(0);
      }),
    );
  });
});

describe('loader properties', () => {
  it('turns any bytes into a question or a reported problem, never an exception', () => {
    const dir = tempDir();
    const file = join(dir, 'any.md');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.string({ maxLength: 300 }).map((s) => Buffer.from(`---\n${s}\n---\nanswer`)),
      fc.string({ maxLength: 300 }).map((s) => Buffer.from(`---\nquestion: ${s}\n---\n${s}`)),
    );
    fc.assert(
      fc.property(bytes, (content) => {
        writeFileSync(file, content);
        const bank = readBank([dir]);
        expect(bank.questions.length + bank.problems.length).toBeGreaterThanOrEqual(1);
        for (const q of bank.questions) expect(q.question).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 300 },
    );
  });

  it('parses any text without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        const result = parseQuestion(text, { file: 'f.md', defaultId: 'f' });
        expect(result.question !== undefined || result.problems.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
