import { describe, expect, it } from 'vitest';
import { formatBatchOutput, gradeBatchLine, MAX_ANSWER_CHARS } from '../../../src/core/grading/batch.js';
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
