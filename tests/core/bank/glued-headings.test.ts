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
