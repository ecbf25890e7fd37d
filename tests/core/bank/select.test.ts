import { describe, expect, it } from 'vitest';
import { parseQuestion, type Question } from '../../../src/core/bank/question.js';
import { selectQuestions, type Selection } from '../../../src/core/bank/select.js';

const question = (id: string, topic: string, tags: string[], difficulty: string): Question => {
  const result = parseQuestion(`---\nid: ${id}\nquestion: What is ${id}?\ntopic: ${topic}\ntags: [${tags.join(', ')}]\ndifficulty: ${difficulty}\n---\nIt is ${id}.\n`, {
    file: `${id}.md`,
    defaultId: id,
  });
  if (!result.question) throw new Error(JSON.stringify(result.problems));
  return result.question;
};

// Built inside each test, so that parsing counts toward the tests that reach it (no static coverage).
const bank = () => [
  question('dropout', 'Training', ['regularisation', 'Layers'], 'easy'),
  question('relu', 'activations', ['Layers'], 'medium'),
  question('adam', 'training', ['optimisers'], 'hard'),
  question('attention', 'transformers', [], 'hard'),
];
const ids = (selection: Selection) => selectQuestions(bank(), selection).map((q) => q.id);

describe('selectQuestions', () => {
  it.each<[string, Selection]>([
    ['no filter', {}],
    ['empty lists, which filter nothing', { topics: [], tags: [], difficulties: [] }],
  ])('keeps every question, in bank order, given %s', (_name, selection) => {
    expect(ids(selection)).toEqual(['dropout', 'relu', 'adam', 'attention']);
  });

  it.each<[string, Selection, string[]]>([
    ['one topic, whatever its case in the file', { topics: ['training'] }, ['dropout', 'adam']],
    ['a topic given in another case', { topics: ['TRAINING'] }, ['dropout', 'adam']],
    ['any of several topics', { topics: ['activations', 'transformers'] }, ['relu', 'attention']],
    ['a topic no question has', { topics: ['vision'] }, []],
    ['a tag, whatever its case', { tags: ['layers'] }, ['dropout', 'relu']],
    ['a tag given in another case', { tags: ['OPTIMISERS'] }, ['adam']],
    ['any of several tags, where one of its tags is enough', { tags: ['regularisation', 'optimisers'] }, ['dropout', 'adam']],
    ['a tag no question has', { tags: ['vision'] }, []],
    ['a difficulty', { difficulties: ['hard'] }, ['adam', 'attention']],
    ['any of several difficulties', { difficulties: ['easy', 'medium'] }, ['dropout', 'relu']],
  ])('keeps the questions matching %s', (_name, selection, expected) => {
    expect(ids(selection)).toEqual(expected);
  });

  it.each<[string, Selection, string[]]>([
    ['topic and difficulty', { topics: ['training'], difficulties: ['hard'] }, ['adam']],
    ['topic and tag', { topics: ['training'], tags: ['layers'] }, ['dropout']],
    ['tag and difficulty', { tags: ['layers'], difficulties: ['medium'] }, ['relu']],
    ['filters no question meets together', { topics: ['activations'], difficulties: ['hard'] }, []],
  ])('keeps only the questions matching every filter: %s', (_name, selection, expected) => {
    expect(ids(selection)).toEqual(expected);
  });

  it('returns a new list and leaves the bank as it was', () => {
    const questions = bank();
    const selected = selectQuestions(questions, { difficulties: ['hard'] });
    expect(selected).not.toBe(questions);
    expect(selectQuestions(questions, {})).not.toBe(questions);
    expect(questions.map((q) => q.id)).toEqual(['dropout', 'relu', 'adam', 'attention']);
  });
});
