import { describe, expect, it } from 'vitest';
import { fencedLines } from '../../src/core/markdown-fences.js';

const fenced = (markdown: string) => fencedLines(markdown.split('\n'));

describe('fencedLines', () => {
  it('marks an opening fence, the lines inside and the closing fence, and nothing around them', () => {
    expect(fenced('text\n```js\n# code\n```\n# after')).toEqual([false, true, true, true, false]);
  });

  it.each([
    ['the other character', '~~~\n# code\n```\n# still code\n~~~\nafter', [true, true, true, true, true, false]],
    ['a shorter run', '````\n# code\n```\n# still code\n````\nafter', [true, true, true, true, true, false]],
    ['text after the run', '```\n# code\n``` x\n# still code\n```\nafter', [true, true, true, true, true, false]],
  ])('does not close on %s', (_what, markdown, expected) => {
    expect(fenced(markdown)).toEqual(expected);
  });

  it('closes on a longer run indented up to three spaces, with spaces after it', () => {
    expect(fenced('~~~\ncode\n   ~~~~~  \nafter')).toEqual([true, true, true, false]);
  });

  it('runs an unclosed fence to the end', () => {
    expect(fenced('```\na\nb')).toEqual([true, true, true]);
  });

  it.each([
    ['four spaces', '    ```'],
    ['a tab', '\t```'],
    ['two backticks', '``'],
    ['backticks mid-line', 'say ``` here'],
  ])('opens no fence with %s', (_what, line) => {
    expect(fenced(`${line}\n# heading`)).toEqual([false, false]);
  });
});
