import { describe, expect, it } from 'vitest';
import { answerTooLong, batchSummary, formatBatchOutput, gradeBatchLine, MAX_ANSWER_CHARS, tooLongBatchLine } from '../../../src/core/grading/batch.js';
import { parseQuestion, type Question } from '../../../src/core/bank/question.js';

const parsed = parseQuestion('---\nid: dropout\nquestion: What is dropout?\nkey_terms: [randomly zeroes units, co-adaptation]\n---\nDropout randomly zeroes units.', {
  file: 'dropout.md',
  defaultId: 'dropout',
});
const dropout = parsed.question as Question;
const find = (id: string) => (id === 'dropout' ? dropout : undefined);

describe('gradeBatchLine', () => {
  it('adds the grade to the input object, keeping its other fields', () => {
    const result = gradeBatchLine('{"id":"dropout","answer":"it randomly zeroes units","student":7}', 1, find);
    expect(result.ok).toBe(true);
    expect(result.output).toMatchObject({ id: 'dropout', answer: 'it randomly zeroes units', student: 7, score: 0.5, verdict: 'partial', pass_mark: 0.6 });
    expect(result.output.matched).toEqual([{ term: 'randomly zeroes units', text: 'randomly zeroes units', form: 'randomly zeroes units', how: 'exact', weight: 1, core: false }]);
    expect(result.output.missing).toEqual([{ term: 'co-adaptation', weight: 1, core: false }]);
    expect(result.output.notes).toEqual([]);
    expect(result.output.misconceptions).toEqual([]);
  });

  it.each([
    ['not json', /^not JSON/],
    ['[1, 2]', /expected a JSON object/],
    ['{"answer": "x"}', /missing "id"/],
    ['{"id": "dropout"}', /missing "answer"/],
    ['{"id": "dropout", "answer": 3}', /missing "answer"/],
    ['{"id": "nope", "answer": "x"}', /unknown id "nope"/],
  ])('reports a bad line with its number and an error: %s', (line, error) => {
    const result = gradeBatchLine(line, 4, find);
    expect(result.ok).toBe(false);
    expect(result.output).toMatchObject({ line: 4, error: expect.stringMatching(error) });
  });
});

describe('gradeBatchLine on hostile lines', () => {
  it('reports a line nested too deeply to write back, keeping its id, and the result can be written', () => {
    const line = `{"id":"dropout","answer":"x","deep":${'['.repeat(20000)}${']'.repeat(20000)}}`;
    const result = gradeBatchLine(line, 3, find);
    expect(result.ok).toBe(false);
    expect(result.output).toMatchObject({ id: 'dropout', answer: 'x', line: 3, error: expect.stringMatching(/nested more than 100 levels deep/) });
    expect(JSON.parse(formatBatchOutput(result, 3))).toMatchObject({ line: 3, error: expect.any(String) });
  });

  it('keeps nesting that JSON.stringify can write back', () => {
    const result = gradeBatchLine(`{"id":"dropout","answer":"x","meta":${'['.repeat(50)}1${']'.repeat(50)}}`, 1, find);
    expect(result.ok).toBe(true);
  });

  it('writes a line whose fields cannot be written back as an error line instead of throwing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20000; i++) deep = [deep];
    const line = formatBatchOutput({ ok: true, output: { id: 'dropout', answer: 'x', deep } }, 9);
    expect(JSON.parse(line)).toEqual({ id: 'dropout', answer: 'x', line: 9, error: expect.stringMatching(/nested too deeply/) });
  });

  it(`refuses an answer longer than ${MAX_ANSWER_CHARS} characters, without echoing it`, () => {
    const result = gradeBatchLine(JSON.stringify({ id: 'dropout', answer: 'a '.repeat(MAX_ANSWER_CHARS) }), 2, find);
    expect(result.ok).toBe(false);
    expect(result.output).toEqual({ id: 'dropout', line: 2, error: 'the answer is 40,000 characters long; expected at most 20,000; shorten it' });
    expect(gradeBatchLine(JSON.stringify({ id: 'dropout', answer: 'a'.repeat(MAX_ANSWER_CHARS) }), 2, find).ok).toBe(true);
  });

  it('does not copy an "error" field of the input into a graded line', () => {
    const result = gradeBatchLine('{"id":"dropout","answer":"it randomly zeroes units","error":"old"}', 1, find);
    expect(result.ok).toBe(true);
    expect(result.output).not.toHaveProperty('error');
  });
});

describe('gradeBatchLine: each refusal', () => {
  it.each(['null', '"dropout"', '42', 'true'])('refuses a JSON value that is no object: %s', (line) => {
    expect(gradeBatchLine(line, 1, find)).toEqual({ ok: false, output: { line: 1, error: 'expected a JSON object {"id": "...", "answer": "..."}' } });
  });

  it('says what was wrong with a line that is not JSON', () => {
    const result = gradeBatchLine('{"id": ', 6, find);
    expect(result.output).toEqual({ line: 6, error: expect.stringMatching(/^not JSON \(.+\); expected \{"id": "...", "answer": "..."\}$/) });
  });

  it.each([
    ['{"id": "", "answer": "x"}', 'missing "id": expected the id of a question in the loaded banks'],
    ['{"id": 7, "answer": "x"}', 'missing "id": expected the id of a question in the loaded banks'],
    ['{"id": "dropout", "answer": null}', 'missing "answer": expected the answer text as a string'],
    ['{"id": "nope", "answer": "x"}', 'unknown id "nope": no such question in the loaded banks'],
  ])('keeps the input fields beside the error: %s', (line, error) => {
    expect(gradeBatchLine(line, 2, find)).toEqual({ ok: false, output: { ...JSON.parse(line), line: 2, error } });
  });

  it('refuses a question with nothing to grade against', () => {
    const bare = { ...dropout, id: 'bare', keyTerms: [] };
    const result = gradeBatchLine('{"id":"bare","answer":"x"}', 3, () => bare);
    expect(result).toEqual({ ok: false, output: { id: 'bare', answer: 'x', line: 3, error: 'question "bare" has no model answer or key terms yet, so there is nothing to grade against' } });
  });

  it('allows nesting up to 100 levels and refuses deeper, naming only a string id and answer', () => {
    const nest = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect(gradeBatchLine(`{"id":"dropout","answer":"x","deep":${nest(99)}}`, 1, find).ok).toBe(true);
    const deep = gradeBatchLine(`{"id":"dropout","answer":"x","deep":${nest(100)}}`, 1, find);
    expect(deep.ok).toBe(false);
    expect(deep.output).toEqual({
      id: 'dropout',
      answer: 'x',
      line: 1,
      error: 'the object is nested more than 100 levels deep; expected {"id": "...", "answer": "..."} with flat extra fields',
    });
    expect(gradeBatchLine(`{"id":7,"answer":[1],"deep":${nest(100)}}`, 1, find).output).toEqual({ id: undefined, answer: undefined, line: 1, error: expect.stringMatching(/nested more than 100/) });
    // Depth counts objects as well as arrays.
    expect(gradeBatchLine(`{"id":"dropout","answer":"x","deep":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`, 1, find).ok).toBe(false);
    expect(gradeBatchLine(`{"id":"dropout","answer":"x","deep":${'{"a":'.repeat(99)}1${'}'.repeat(99)}}`, 1, find).ok).toBe(true);
  });

  it('grades an answer of exactly the longest length, and refuses one character more', () => {
    expect(answerTooLong('a'.repeat(MAX_ANSWER_CHARS))).toBeUndefined();
    expect(answerTooLong('a'.repeat(MAX_ANSWER_CHARS + 1))).toBe('the answer is 20,001 characters long; expected at most 20,000');
  });
});

describe('formatBatchOutput and the other batch lines', () => {
  it('writes a result as one JSON line', () => {
    expect(formatBatchOutput({ ok: true, output: { id: 'dropout', score: 1 } }, 1)).toBe('{"id":"dropout","score":1}');
  });

  it('drops an id or answer that is not a string when the fields cannot be written back', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20000; i++) deep = [deep];
    expect(JSON.parse(formatBatchOutput({ ok: false, output: { id: 3, answer: ['x'], deep } }, 4))).toEqual({ line: 4, error: expect.stringMatching(/^the input object is nested too deeply/) });
  });

  it('reports a line too long to read', () => {
    expect(tooLongBatchLine(5, 1_000_000)).toEqual({ ok: false, output: { line: 5, error: 'the line is longer than 1,000,000 characters; expected one JSON object per line' } });
  });

  it.each([
    [{ graded: 3, failed: 0, skipped: 2 }, undefined],
    [{ graded: 3, failed: 1, skipped: 0 }, '1 of 4 input lines could not be graded; see their "error" fields'],
    [{ graded: 0, failed: 1, skipped: 1 }, '1 of 1 input line could not be graded (1 blank line skipped); see their "error" fields'],
    [{ graded: 1, failed: 2, skipped: 2 }, '2 of 3 input lines could not be graded (2 blank lines skipped); see their "error" fields'],
  ])('summarises %o', (counts, summary) => {
    expect(batchSummary(counts)).toBe(summary);
  });
});
