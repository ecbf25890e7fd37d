import { describe, expect, it } from 'vitest';
import { freeId, parseTermsSpec, renderQuestionFile, slugify } from '../../../src/core/bank/author.js';
import { parseQuestion } from '../../../src/core/bank/question.js';

describe('slugify', () => {
  it.each([
    ['What is the vanishing gradient problem?', 'vanishing-gradient-problem'],
    ['Explain batch normalisation.', 'batch-normalisation'],
    ['How do LSTMs work?', 'lstms-work'],
    ['What is it?', 'what-is-it'],
  ])('%s → %s', (question, id) => expect(slugify(question)).toBe(id));
});

describe('freeId', () => {
  it('keeps a free id, and numbers a taken one from 2 past every taken number', () => {
    const taken = new Set(['dropout', 'dropout-2', 'dropout-3']);
    expect(freeId('adam', (id) => taken.has(id))).toBe('adam');
    expect(freeId('dropout', (id) => taken.has(id))).toBe('dropout-4');
  });
});

describe('parseTermsSpec', () => {
  it('reads commas between terms, | before aliases and * before a core idea', () => {
    expect(parseTermsSpec('*learning rate|LR|step size, warmup ,, * gradually|slowly, *')).toEqual([
      { term: 'learning rate', aliases: ['LR', 'step size'], core: true },
      { term: 'warmup', aliases: [], core: false },
      { term: 'gradually', aliases: ['slowly'], core: true },
    ]);
  });
});

describe('renderQuestionFile', () => {
  it('writes the bank format, which parses back to the same question, whatever the text holds', () => {
    const draft = {
      id: 'tricky',
      question: 'Is "this: a question" # with [brackets], and a colon?',
      topic: 'general',
      tags: ['yes: no', 'on'],
      difficulty: 'hard' as const,
      keyTerms: [{ term: 'null', aliases: ['- dash', '*star'], core: true }, { term: '42', aliases: [], core: false }],
      answer: '**Bold** answer.\n\n---\n\nAfter a rule.',
    };
    const text = renderQuestionFile(draft);
    const { question, problems } = parseQuestion(text, { file: 'tricky.md', defaultId: 'x' });
    expect(problems).toEqual([]);
    expect(question).toMatchObject({
      id: 'tricky',
      question: draft.question,
      topic: 'general',
      tags: ['yes: no', 'on'],
      difficulty: 'hard',
      keyTerms: [
        { term: 'null', aliases: ['- dash', '*star'], weight: 1, core: true },
        { term: '42', aliases: [], weight: 1, core: false },
      ],
      answer: draft.answer,
    });
  });
});
