import { describe, expect, it } from 'vitest';
import { formerIdMap, questionsById, questionWithId } from '../../../src/core/bank/ids.js';

const merged = { id: 'adam', formerIds: ['adaptive-learning-rates', 'adam-optimiser'] };
const plain = { id: 'dropout' };
const noFormer = { id: 'relu', formerIds: [] };

describe('formerIdMap', () => {
  it('maps every former id to the id of the question that now holds it', () => {
    expect([...formerIdMap([merged, plain, noFormer]).entries()]).toEqual([
      ['adaptive-learning-rates', 'adam'],
      ['adam-optimiser', 'adam'],
    ]);
  });

  it('holds no current id, and nothing for questions without former ids', () => {
    const map = formerIdMap([plain, noFormer]);
    expect(map.size).toBe(0);
    expect(map.has('dropout')).toBe(false);
  });
});

describe('questionsById', () => {
  it('finds a question by its id and by each of its former ids', () => {
    const map = questionsById([merged, plain, noFormer]);
    expect(map.get('adam')).toBe(merged);
    expect(map.get('adaptive-learning-rates')).toBe(merged);
    expect(map.get('adam-optimiser')).toBe(merged);
    expect(map.get('dropout')).toBe(plain);
    expect(map.get('relu')).toBe(noFormer);
    expect(map.size).toBe(5);
  });

  it.each([
    ['listed after', (current: typeof plain, other: typeof merged) => [other, current]],
    ['listed before', (current: typeof plain, other: typeof merged) => [current, other]],
  ])("gives a current id to its own question, not to one that lists it as a former id (current %s)", (_name, order) => {
    const current = { id: 'adam-optimiser' };
    const map = questionsById(order(current, merged));
    expect(map.get('adam-optimiser')).toBe(current);
    expect(map.get('adaptive-learning-rates')).toBe(merged);
  });
});

describe('questionWithId', () => {
  it('gives for every id, current, former or unknown, the question questionsById gives', () => {
    const current = { id: 'adam-optimiser' };
    // Two questions listing one former id (a hand-edited bank): the map keeps the last.
    const alsoMerged = { id: 'adamw', formerIds: ['adaptive-learning-rates'] };
    for (const questions of [[merged, plain, noFormer], [current, merged], [merged, current], [merged, alsoMerged], [alsoMerged, merged]]) {
      const map = questionsById(questions);
      for (const id of ['adam', 'adaptive-learning-rates', 'adam-optimiser', 'dropout', 'relu', 'adamw', 'nowhere']) {
        expect(questionWithId(questions, id), `${id} in ${questions.map((q) => q.id).join(', ')}`).toBe(map.get(id));
      }
    }
  });
});
