import { describe, expect, it, vi } from 'vitest';

// A fault nobody foresaw while reading a field (here the sanitiser failing on one string) must come
// back as a problem with the file, as parseQuestion promises never to throw.
vi.mock('../../../src/core/safe-text.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/core/safe-text.js')>();
  return {
    ...original,
    stripControlSequences: (text: string) => {
      if (text === 'throw an error') throw new TypeError('the sanitiser broke');
      if (text === 'throw a string') throw 'a thrown string';
      return original.stripControlSequences(text);
    },
  };
});

const { parseQuestion } = await import('../../../src/core/bank/question.js');

describe('parseQuestion: a fault while reading the fields', () => {
  it.each([
    ['an error', 'throw an error', 'the front matter could not be read: the sanitiser broke'],
    ['a value that is no error', 'throw a string', 'the front matter could not be read: a thrown string'],
  ])('comes back as one problem naming %s, without a line', (_name, question, message) => {
    const result = parseQuestion(`---\nquestion: ${question}\n---\nAnswer.`, { file: 'f.md', defaultId: 'f' });
    expect(result.question).toBeUndefined();
    expect(result.problems).toEqual([{ file: 'f.md', line: undefined, severity: 'error', message }]);
  });
});
