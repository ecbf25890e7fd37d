import chalk from 'chalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/ui/markdown.js';

describe('renderMarkdown', () => {
  const level = chalk.level;
  beforeAll(() => {
    chalk.level = 1;
  });
  afterAll(() => {
    chalk.level = level;
  });

  it('joins a paragraph wrapped in the file into one, and keeps hard breaks and blank lines', () => {
    const out = renderMarkdown('First line of a paragraph\nwrapped in the file\nover three lines.\n\nSecond, with a hard  \nbreak.\n\n- item one\n  continued', 80);
    expect(out).toBe('First line of a paragraph wrapped in the file over three lines.\n\nSecond, with a hard\nbreak.\n\n• item one continued');
  });

  it('renders bold and code inside list items, with no Markdown marks left', () => {
    const out = renderMarkdown('- **Forward pass**: compute `z = Wx + b`\n- second\n  - nested *em*', 80);
    expect(out).toContain(`• ${chalk.bold('Forward pass')}: compute ${chalk.cyan('z = Wx + b')}`);
    expect(out).toContain(`  • nested ${chalk.italic('em')}`);
    expect(out).not.toMatch(/\*\*|`/);
  });

  it('numbers ordered lists and wraps long items under their text', () => {
    chalk.level = 0;
    const out = renderMarkdown(`1. ${'word '.repeat(20).trim()}\n2. two`, 30);
    expect(out.split('\n')).toEqual(['1. word word word word word', '   word word word word word', '   word word word word word', '   word word word word word', '2. two']);
    chalk.level = 1;
  });

  it('shows raw HTML as text and decodes entities without letting control characters in', () => {
    chalk.level = 0;
    expect(renderMarkdown('a <b>x</b> &amp; &#x41; &#27;[2J', 80)).toBe('a <b>x</b> & A');
    expect(renderMarkdown('`&#27;[2J` &#155;31m', 80)).not.toMatch(/[\u001b\u009b]/);
    chalk.level = 1;
  });

  it('indents code blocks and keeps their lines', () => {
    chalk.level = 0;
    expect(renderMarkdown('text\n\n```\nline 1\n  line 2\n```', 80)).toBe('text\n\n    line 1\n      line 2');
    chalk.level = 1;
  });
});

describe('renderMarkdown on hostile nesting (issue 11)', () => {
  it.each([
    ['block quotes', '>'.repeat(3000) + ' deep'],
    ['lists', '- '.repeat(3000) + 'deep'],
    ['emphasis', '*a '.repeat(3000) + 'deep' + ' a*'.repeat(3000)],
  ])('renders deeply nested %s, bounded, instead of exhausting the stack', (_, markdown) => {
    const out = renderMarkdown(markdown, 80);
    expect(out).toContain('deep');
    expect(Math.max(...out.split('\n').map((line) => line.length))).toBeLessThan(200);
  });
});
