import { describe, expect, it } from 'vitest';
import { gradeBatchLine } from '../../../src/core/grading/batch.js';
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
