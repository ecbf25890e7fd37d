import { describe, expect, it } from 'vitest';
import { answerExcerpt, highlightWords } from '../../src/ui/highlight.js';

describe('highlightWords', () => {
  it('marks each matched word where it stands, in its own case', () => {
    expect(highlightWords('Dropout drops units; dropout is off at test time.', new Set(['dropout']))).toBe('**Dropout** drops units; **dropout** is off at test time.');
  });
});

describe('answerExcerpt', () => {
  it('starts a third of the width before the first match, cut to the width, marks gone', () => {
    const answer = `${'Some words before it. '.repeat(6)}\n\n- **Dropout** zeroes units at random during training, which ${'keeps going '.repeat(20)}`;
    const excerpt = answerExcerpt(answer, new Set(['dropout']), 60)!;
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt).toContain('**Dropout** zeroes units');
    expect(excerpt).not.toContain('- ');
    expect(excerpt.endsWith('…')).toBe(true);
    expect(answerExcerpt(answer, new Set(['batchnorm']), 60)).toBeUndefined();
  });
});
