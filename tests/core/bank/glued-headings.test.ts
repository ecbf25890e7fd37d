import { describe, expect, it } from 'vitest';
import { findGluedHeadings } from '../../../src/core/bank/glued-headings.js';
import { readBank } from '../../../src/core/bank/read.js';
import { bundledBank } from '../../helpers.js';

describe('findGluedHeadings', () => {
  it('finds a bold line-heading directly under a line of text, a list item or a quote', () => {
    expect(findGluedHeadings('It never recovers.\n**Causes**\n- a large learning rate')).toEqual([{ line: 2, label: 'Causes' }]);
    expect(findGluedHeadings('- one cause\n**Diagnosis**: count the zero units.')).toEqual([{ line: 2, label: 'Diagnosis' }]);
    expect(findGluedHeadings('> a quote\n**Remedies:**')).toEqual([{ line: 2, label: 'Remedies:' }]);
  });

  it('leaves a heading after a blank line, a heading, a rule or a hard break alone', () => {
    for (const text of ['Text.\n\n**Causes**', '## Why\n**Causes**', 'Text.\n\n---\n**Causes**', 'Text.  \n**Causes**', 'Text.\\\n**Causes**']) {
      expect(findGluedHeadings(text)).toEqual([]);
    }
  });

  it('leaves prose that starts with a bold word alone, and code blocks', () => {
    expect(findGluedHeadings('The loss is\n**not** convex.')).toEqual([]);
    expect(findGluedHeadings('```python\nf(x,\n**kwargs: 1**\n```\n**Done**')).toEqual([]);
    expect(findGluedHeadings('~~~~\ntext\n~~~\n**Inside**\n~~~~')).toEqual([]);
  });
});

describe('the bundled bank', () => {
  it('has no bold line-heading glued to the line above it', () => {
    const glued = readBank([bundledBank]).questions.flatMap((q) => findGluedHeadings(q.answer).map((g) => `${q.file}: ${g.label}`));
    expect(glued).toEqual([]);
  });
});

describe('findGluedHeadings: what counts as a bold heading', () => {
  it.each([
    ['**Causes**', 'Causes'],
    ['   **Causes**', 'Causes'],
    ['**Causes:**', 'Causes:'],
    ['**Causes** :', 'Causes'],
    ['**Causes**  ', 'Causes'],
    ['**Two words**: then text', 'Two words'],
    ['**Note:** then text', 'Note:'],
    ['**Note :** text', 'Note :'],
    ['**X**', 'X'],
    ['   **Note:** then text', 'Note:'],
    ['**Causes** : then text', 'Causes'],
  ])('%j under a line of text has the label %j', (line, label) => {
    expect(findGluedHeadings(`Some text.\n${line}`)).toEqual([{ line: 2, label }]);
  });

  it.each([
    ['a line indented as code', '    **Causes**'],
    ['bold not at the start', 'See **Causes**'],
    ['bold followed by more text', '**Causes** of it'],
    ['a space after the opening stars', '** Causes**'],
    ['a space before the closing stars', '**Causes **'],
    ['a star inside the label', '**a*b**'],
    ['nothing between the stars', '****'],
    ['italic only', '*Causes*'],
    ['plain text', 'Causes'],
    ['a label with a colon indented as code', '    **Note:** text'],
    ['a label with a colon after a space', '** Note:** text'],
    ['a label with a colon not at the start', 'See **Note:** text'],
    ['a label with a colon and a star', '**a*b:** text'],
    ['bold glued to a word', '**Causes**es'],
    ['bold glued to a word and a colon', '**Causes**x: text'],
  ])('leaves %s alone', (_, line) => {
    expect(findGluedHeadings(`Some text.\n${line}`)).toEqual([]);
  });

  it('never reports the first line, and reports every glued heading by its line', () => {
    expect(findGluedHeadings('**Causes**\ntext')).toEqual([]);
    expect(findGluedHeadings('One.\n**A**\n\nTwo.\n**B**:\nThree.\n**C**')).toEqual([
      { line: 2, label: 'A' },
      { line: 5, label: 'B' },
      { line: 7, label: 'C' },
    ]);
  });
});

describe('findGluedHeadings: what the line above must be', () => {
  it.each([
    ['a blank line of spaces', '   '],
    ['a heading with one #', '# Title'],
    ['a lone #', '#'],
    ['a heading with six #', '###### Small'],
    ['an indented heading', '   ## Why'],
    ['a rule of stars', '***'],
    ['a rule of underscores', '___'],
    ['a spaced rule', '- - -'],
    ['a long rule with trailing spaces', '-----   '],
    ['a setext underline of =', '=='],
    ['a single =', '='],
    ['a hard break of two spaces', 'Text.  '],
    ['a hard break of many spaces', 'Text.     '],
    ['a line indented as code', '    code'],
    ['a line indented by a tab', '\tcode'],
    ['a closing fence', '```'],
    ['a rule with one trailing space', '*** '],
    ['a setext underline with one trailing space', '== '],
    ['a setext underline of two -', '--'],
    ['a single -', '-'],
    ['a setext underline of - with a trailing space', '-- '],
  ])('no warning under %s', (_, previous) => {
    expect(findGluedHeadings(`${previous}\n**Causes**`)).toEqual([]);
  });

  it.each([
    ['seven #', '####### not a heading'],
    ['# glued to a word', '#hashtag'],
    ['a rule of mixed characters', '-*-'],
    ['two dashes and text', '- - text'],
    ['text ending in a rule', '   text ***'],
    ['one trailing space', 'Text. '],
    ['a backslash inside the line', 'a \\ b'],
    ['a line indented by three spaces', '   text'],
    ['two backticks', '``'],
    ['= then text', '= x'],
    ['two underscores', '__'],
    ['a rule then text', '*** text'],
    ['a rule glued to a word', '***x'],
    ['= glued to a word', '==x'],
    ['- glued to a word', '--x'],
    ['-- then text', '-- x'],
    ['two spaces inside the line', 'a  b'],
    ['a tab inside the line', 'a\tb'],
  ])('a warning under %s', (_, previous) => {
    expect(findGluedHeadings(`${previous}\n**Causes**`)).toEqual([{ line: 2, label: 'Causes' }]);
  });
});

describe('findGluedHeadings: fenced code', () => {
  it('opens a fence only with three or more backticks or tildes, indented at most three spaces', () => {
    expect(findGluedHeadings('``\nText.\n**A**')).toEqual([{ line: 3, label: 'A' }]);
    expect(findGluedHeadings('~~\nText.\n**A**')).toEqual([{ line: 3, label: 'A' }]);
    expect(findGluedHeadings('    ```\nText.\n**A**')).toEqual([{ line: 3, label: 'A' }]);
    expect(findGluedHeadings('   ```\nText.\n**A**')).toEqual([]);
    expect(findGluedHeadings('~~~\nText.\n**A**')).toEqual([]);
  });

  it('closes a fence only with the same character, at least as long, and nothing after it', () => {
    const after = '\nText.\n**A**';
    expect(findGluedHeadings(`\`\`\`\nx\n~~~${after}`)).toEqual([]);
    expect(findGluedHeadings(`~~~~\nx\n~~~${after}`)).toEqual([]);
    expect(findGluedHeadings(`\`\`\`\nx\n\`\`\`js${after}`)).toEqual([]);
    expect(findGluedHeadings(`\`\`\`\nx\n\`\`\`${after}`)).toEqual([{ line: 5, label: 'A' }]);
    expect(findGluedHeadings(`\`\`\`\nx\n\`\`\`\`\`  ${after}`)).toEqual([{ line: 5, label: 'A' }]);
    expect(findGluedHeadings(`~~~\nx\n  ~~~~${after}`)).toEqual([{ line: 5, label: 'A' }]);
  });

  it('reads a second fence after the first one closes', () => {
    expect(findGluedHeadings('```\nx\n```\n~~~\nText.\n**A**\n~~~\nText.\n**B**')).toEqual([{ line: 9, label: 'B' }]);
  });
});
