import { describe, expect, it } from 'vitest';
import { parseAnki } from '../../../src/core/import/anki.js';
import { ImportFileError } from '../../../src/core/import/item.js';

/** A file from its lines; fields are joined with tabs by the caller (`\t` in the strings). */
const file = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('parseAnki', () => {
  it("gives back id, question, topic, tags, difficulty and answer from nnquiz's own export", () => {
    const text = file(
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#guid column:1',
      '#tags column:4',
      'dropout\tWhat is dropout?\t<p>Dropout <b>zeroes</b> units…</p><ul><li>one</li></ul>\tregularization overfitting difficulty::medium',
      'nnquiz:adam\t&#35;1 What is <code>Adam</code> &amp; why?\t<pre><code class="language-python">opt = Adam(lr=1e-3)<br>opt.step()</code></pre>\toptimisation',
    );
    expect(parseAnki(text)).toEqual({
      items: [
        { id: 'dropout', question: 'What is dropout?', topic: 'regularization', tags: ['overfitting'], difficulty: 'medium', answer: 'Dropout **zeroes** units…\n\n- one', line: 6 },
        { id: 'adam', question: '#1 What is Adam & why?', topic: 'optimisation', tags: [], answer: '```python\nopt = Adam(lr=1e-3)\nopt.step()\n```', line: 7 },
      ],
      problems: [],
    });
  });

  it('reads a file without headers as tab-separated front and back, as text when no field holds HTML', () => {
    expect(parseAnki('What is dropout?\tUnits zeroed, at random: x_1 * 2.\n')).toEqual({
      items: [{ question: 'What is dropout?', answer: 'Units zeroed, at random: x_1 * 2.', tags: [], line: 1 }],
      problems: [],
    });
  });

  it('reads a file without headers as HTML when a field holds a tag', () => {
    const { items } = parseAnki('Plain?\tPlain, x_1.\nWhat is <i>dropout</i>?\tUnits <b>zeroed</b>.\n');
    expect(items.map(({ question, answer }) => ({ question, answer }))).toEqual([
      { question: 'Plain?', answer: 'Plain, x\\_1.' },
      { question: 'What is dropout?', answer: 'Units **zeroed**.' },
    ]);
  });

  it('keeps fields as text under #html:false', () => {
    expect(parseAnki(file('#html:false', '&#35;1 <b>Q</b>?\tA <i>b</i> &amp; c')).items[0]).toMatchObject({ question: '&#35;1 <b>Q</b>?', answer: 'A <i>b</i> &amp; c' });
  });

  it.each([
    ['Tab', 'Q\tA'],
    ['tab', 'Q\tA'],
    ['Comma', 'Q,A'],
    ['semicolon', 'Q;A'],
    ['Pipe', 'Q|A'],
    ['Space', 'Q A'],
    ['Colon', 'Q:A'],
    ['|', 'Q|A'],
    ['~', 'Q~A'],
  ])('reads #separator:%s', (separator, line) => {
    expect(parseAnki(file(`#separator:${separator}`, line))).toEqual({ items: [{ question: 'Q', answer: 'A', tags: [], line: 2 }], problems: [] });
  });

  it('reports a separator it does not know and reads tabs', () => {
    const { items, problems } = parseAnki(file('#separator:Dash', 'Q\tA'));
    expect(items).toEqual([{ question: 'Q', answer: 'A', tags: [], line: 2 }]);
    expect(problems).toEqual([{ line: 1, message: 'unknown separator "Dash"; expected Tab, Comma, Semicolon, Pipe, Space, Colon or one character, so tab is used' }]);
  });

  it('takes the topic from the last part of the deck column, leaving the tags alone', () => {
    const text = file('#separator:tab', '#html:false', '#notetype column:1', '#deck column:2', '#tags column:5', 'Basic\tNN::Regularization\tWhat is dropout?\tUnits zeroed.\tdropout marked leech');
    expect(parseAnki(text).items).toEqual([{ question: 'What is dropout?', answer: 'Units zeroed.', topic: 'Regularization', tags: ['dropout'], line: 6 }]);
  });

  it('takes the topic from #deck, else from the first tag', () => {
    expect(parseAnki(file('#deck:Interview::Training', '#tags column:3', 'Q\tA\tfirst second')).items[0]).toMatchObject({ topic: 'Training', tags: ['first', 'second'] });
    expect(parseAnki(file('#tags column:3', 'Q\tA\tfirst second')).items[0]).toMatchObject({ topic: 'first', tags: ['second'] });
  });

  it('reads a difficulty tag in any case, and drops Anki’s marked and leech tags', () => {
    expect(parseAnki(file('#tags column:3', 'Q\tA\tMarked optim Difficulty::HARD leech adam')).items[0]).toMatchObject({ topic: 'optim', tags: ['adam'], difficulty: 'hard' });
  });

  it('keeps a difficulty tag of another level as a tag', () => {
    expect(parseAnki(file('#tags column:3', 'Q\tA\toptim difficulty::extreme')).items[0]).toEqual({ question: 'Q', answer: 'A', topic: 'optim', tags: ['difficulty::extreme'], line: 2 });
  });

  it('reads the GUID column as the id, without the prefix of an nnquiz export', () => {
    const { items } = parseAnki(file('#guid column:3', 'Q1\tA\tnnquiz:dropout', 'Q2\tA\tf:Ab3$x9', 'Q3\tA\t'));
    expect(items.map((item) => item.id)).toEqual(['dropout', 'f:Ab3$x9', undefined]);
  });

  it('finds the tags and GUID columns by their names in #columns', () => {
    const text = file('#separator:Comma', '#columns:GUID,Front,Back,Tags', 'g1,Q,A,topic extra');
    expect(parseAnki(text).items).toEqual([{ id: 'g1', question: 'Q', answer: 'A', topic: 'topic', tags: ['extra'], line: 3 }]);
  });

  it('reads a quoted field holding a newline, the separator and quotes, and counts lines past it', () => {
    const text = file('#html:false', 'Q1\t"Line one\nline ""two""\twith a tab"', 'Q2\tA');
    expect(parseAnki(text).items).toEqual([
      { question: 'Q1', answer: 'Line one\nline "two"\twith a tab', tags: [], line: 2 },
      { question: 'Q2', answer: 'A', tags: [], line: 4 },
    ]);
  });

  it('reads a quote inside a field as text, as Anki does', () => {
    expect(parseAnki('What is a 5" screen?\tSmall.\n').items[0]).toMatchObject({ question: 'What is a 5" screen?', answer: 'Small.' });
  });

  it('fails on a quote never closed, at its line', () => {
    const error = (() => {
      try {
        parseAnki(file('#separator:tab', 'Q\tA', 'Q2\t"never closed', 'more'));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ message: 'a quoted field opened on line 3 is never closed', line: 3 });
  });

  it('appends the fields past the back to the answer as paragraphs', () => {
    expect(parseAnki(file('#html:true', 'Q\t<b>Back</b>\t\tExtra <i>note</i>')).items[0]!.answer).toBe('**Back**\n\nExtra _note_');
  });

  it('drops scripts and sound tags from HTML fields', () => {
    expect(parseAnki(file('#html:true', 'Q<script>alert(1)</script> [sound:q.mp3]\tA<script>steal()</script>')).items[0]).toMatchObject({ question: 'Q', answer: 'A' });
  });

  it('skips comment lines after the headers, but not a # inside a quoted field', () => {
    const text = file('#separator:tab', 'Q1\tA1', '# a comment', '#deck:Not a header', 'Q2\t"first\n# not a comment"');
    const { items } = parseAnki(text);
    expect(items.map(({ question, answer, line, topic }) => ({ question, answer, line, topic }))).toEqual([
      { question: 'Q1', answer: 'A1', line: 2, topic: undefined },
      { question: 'Q2', answer: 'first\n# not a comment', line: 5, topic: undefined },
    ]);
  });

  it('reports a note without a front at its line, and skips blank lines', () => {
    expect(parseAnki(file('#html:true', '', 'Q\tA', '<br>\tAn answer', '\t'))).toEqual({
      items: [{ question: 'Q', answer: 'A', tags: [], line: 3 }],
      problems: [{ line: 4, message: 'the note has no front; expected the question in its first field' }],
    });
  });

  it.each([
    ['a name with blanks around it', '#separator: Comma ', 'Q,A'],
    ['a header key in any case, with blanks before its colon', '#Separator :Comma', 'Q,A'],
  ])('reads #separator: %s', (_name, header, line) => {
    expect(parseAnki(file(header, line))).toEqual({ items: [{ question: 'Q', answer: 'A', tags: [], line: 2 }], problems: [] });
  });

  it.each([
    ['a quote', '"', '"'],
    ['nothing', '', ''],
    ['two characters', 'ab', 'ab'],
  ])('reports a separator of %s and reads tabs', (_name, value, shown) => {
    expect(parseAnki(file(`#separator:${value}`, 'Q\tA'))).toEqual({
      items: [{ question: 'Q', answer: 'A', tags: [], line: 2 }],
      problems: [{ line: 1, message: `unknown separator "${shown}"; expected Tab, Comma, Semicolon, Pipe, Space, Colon or one character, so tab is used` }],
    });
  });

  it('reports a column header that names no column, and reads a column number with blanks around it', () => {
    expect(parseAnki(file('#tags column:x3', '#guid column:3x', '#deck column:0', '#tags column:1.5', '#notetype column: 1 ', 'Basic\tQ\tA'))).toEqual({
      items: [{ question: 'Q', answer: 'A', tags: [], line: 6 }],
      problems: [
        { line: 1, message: '"#tags column:x3" names no column; expected a column number from 1' },
        { line: 2, message: '"#guid column:3x" names no column; expected a column number from 1' },
        { line: 3, message: '"#deck column:0" names no column; expected a column number from 1' },
        { line: 4, message: '"#tags column:1.5" names no column; expected a column number from 1' },
      ],
    });
  });

  it('reads a column number of two digits', () => {
    expect(parseAnki(file('#tags column:10', 'Q\tA\t3\t4\t5\t6\t7\t8\t9\ttopic')).items[0]).toMatchObject({ answer: 'A\n\n3\n\n4\n\n5\n\n6\n\n7\n\n8\n\n9', topic: 'topic' });
  });

  it('sets no topic, difficulty or id that the note does not give', () => {
    expect(parseAnki(file('#tags column:3', '#guid column:4', 'Q\tA\t\t')).items).toStrictEqual([{ question: 'Q', answer: 'A', tags: [], line: 3 }]);
  });

  it('ignores a column header of a kind it does not know, keeping that column in the answer', () => {
    expect(parseAnki(file('#foo column:3', '#foo column:x', 'Q\tA\tmore'))).toEqual({ items: [{ question: 'Q', answer: 'A\n\nmore', tags: [], line: 3 }], problems: [] });
  });

  it('reads headers after a # line without a colon, and a header key in any case', () => {
    expect(parseAnki(file('# just a comment', '#separator:comma', '# DECK :Top', 'Q,A'))).toEqual({ items: [{ question: 'Q', answer: 'A', tags: [], topic: 'Top', line: 4 }], problems: [] });
  });

  it.each([
    ['#html:TRUE ', '<b>Q</b>\tx_1', { question: 'Q', answer: 'x\\_1' }],
    ['#html: False', '<b>Q</b>\tx_1', { question: '<b>Q</b>', answer: 'x_1' }],
    ['#html:yes', '<b>Q</b>\tx_1', { question: 'Q', answer: 'x\\_1' }],
    ['#html:yes', 'Q\tx_1', { question: 'Q', answer: 'x_1' }],
  ])('reads %s (true or false in any case, else as the fields look) with %j as %j', (header, line, fields) => {
    expect(parseAnki(file(header, line)).items[0]).toMatchObject(fields);
  });

  it.each([
    ['a tag', '<b>x</b>'],
    ['a closing tag alone', 'x</span>'],
    ['a tag with digits', '<h1>x'],
    ['a self-closing tag', 'x<br/>'],
    ['a tag with attributes', '<a href="https://x.org">x'],
    ['an upper-case tag', '<B>x'],
    ['a named entity', 'x &amp; y'],
    ['a named entity with digits', 'x &sup2; y'],
    ['a decimal entity', '&#35;1'],
    ['a hexadecimal entity', '&#x23;1'],
    ['an upper-case hexadecimal entity', '&#X2F;'],
  ])('reads fields as HTML when one holds %s', (_name, field) => {
    expect(parseAnki(`Q\tx_1\t${field}\n`).items[0]!.answer).toMatch(/^x\\_1\n\n/);
  });

  it.each([
    ['a comparison', 'a < b and c > d'],
    ['a heart', '<3'],
    ['a tag name starting with a digit', '<1b>'],
    ['an arrow', 'x <-> y'],
    ['an ampersand', 'a & b'],
    ['an entity without its semicolon', '&amp x'],
    ['a number sign without digits', '&#; &#x;'],
    ['a hexadecimal entity with other letters', '&#xzz;'],
    ['a decimal entity with letters', '&#1a;'],
    ['an entity name starting with a digit', '&1a;'],
    ['a tag broken by another bracket', 'a <b <> c'],
  ])('reads fields as text when none holds more than %s', (_name, field) => {
    expect(parseAnki(`Q\tx_1\t${field}\n`).items[0]!.answer).toBe(`x_1\n\n${field}`);
  });

  it('reads fields as HTML when a single field of one note holds a tag', () => {
    expect(parseAnki('Q\tx_1\t<b>\nR\tplain\n').items.map((item) => item.answer)).toEqual(['x\\_1', 'plain']);
  });

  it('does not look for HTML in the meta columns', () => {
    expect(parseAnki(file('#tags column:3', 'Q\tx_1\ttag&amp;')).items[0]).toMatchObject({ answer: 'x_1', topic: 'tag&amp;' });
  });

  it('trims text fields', () => {
    expect(parseAnki('Q1\t  A  \n Q2 \tB\n').items.map(({ question, answer }) => [question, answer])).toEqual([
      ['Q1', 'A'],
      ['Q2', 'B'],
    ]);
  });

  it('reads a field with blanks around its quotes as written, quotes and all', () => {
    expect(parseAnki('Q\t "quoted" \n').items[0]!.answer).toBe('"quoted"');
  });

  it('reads a # after the start of a line as text', () => {
    expect(parseAnki('Q\tC# is a language\n').items[0]!.answer).toBe('C# is a language');
  });

  it('reads a note with an empty back', () => {
    expect(parseAnki('Q\t\n   \n')).toEqual({ items: [{ question: 'Q', answer: '', tags: [], line: 1 }], problems: [] });
  });

  it('reports a note with nothing but its meta columns as a note without a front', () => {
    expect(parseAnki(file('#guid column:1', 'g1'))).toEqual({ items: [], problems: [{ line: 2, message: 'the note has no front; expected the question in its first field' }] });
  });

  it.each([
    ['a BOM', '\uFEFF#separator:Comma\nQ,A\n'],
    ['Windows line endings', '#separator:Comma\r\nQ,A\r\n'],
    ['old Mac line endings', '#separator:Comma\rQ,A\r'],
  ])('reads headers in a file with %s', (_name, text) => {
    expect(parseAnki(text)).toEqual({ items: [{ question: 'Q', answer: 'A', tags: [], line: 2 }], problems: [] });
  });

  it('takes the topic from the last part of a deck of three, trimmed, and from a deck of one part', () => {
    expect(parseAnki(file('#deck:A::B:: C ', 'Q\tA')).items[0]!.topic).toBe('C');
    expect(parseAnki(file('#deck:Solo', 'Q\tA')).items[0]!.topic).toBe('Solo');
  });

  it('leaves the tags empty under a deck when the file has no tags column', () => {
    expect(parseAnki(file('#deck:D', 'Q\tA')).items).toEqual([{ question: 'Q', answer: 'A', tags: [], topic: 'D', line: 2 }]);
  });

  it('takes the topic from the first tag when #deck is blank', () => {
    expect(parseAnki(file('#deck:   ', '#tags column:3', 'Q\tA\tfirst second')).items[0]).toMatchObject({ topic: 'first', tags: ['second'] });
  });

  it('reads the first difficulty tag, and only a whole one', () => {
    expect(parseAnki(file('#tags column:3', 'Q\tA\tdifficulty::easy difficulty::hard xdifficulty::easy difficulty::easyx')).items[0]).toMatchObject({
      topic: 'xdifficulty::easy',
      tags: ['difficulty::easyx'],
      difficulty: 'easy',
    });
  });

  it('reads no tags from a tags column past the end of a note', () => {
    expect(parseAnki(file('#tags column:5', 'Q\tA')).items).toEqual([{ question: 'Q', answer: 'A', tags: [], line: 2 }]);
  });

  it('trims the GUID before reading the prefix of an nnquiz export', () => {
    expect(parseAnki(file('#guid column:3', 'Q\tA\t nnquiz:x ')).items[0]!.id).toBe('x');
  });

  it.each([
    ['the separator given after it', file('#columns:GUID,Front,Back', '#separator:Comma', 'g,Q,A'), { id: 'g', tags: [] }],
    ['tabs by default', file('#columns:Front\tBack\tTags', 'Q\tA\tt1 t2'), { topic: 't1', tags: ['t2'] }],
    ['names with blanks around them', file('#columns:Front, Back, Tags ', '#separator:Comma', 'Q,A,t1 t2'), { topic: 't1', tags: ['t2'] }],
    ['nothing when empty', file('#columns:', 'Q\tA'), { tags: [] }],
  ])('reads #columns with %s', (_name, text, fields) => {
    expect(parseAnki(text).items[0]).toMatchObject({ question: 'Q', answer: 'A', ...fields });
  });

  it('lets a # column header win over the same name in #columns', () => {
    expect(parseAnki(file('#tags column:4', '#columns:Front\tBack\tTags\tOther', 'Q\tA\tB\tt1')).items).toEqual([
      { question: 'Q', answer: 'A\n\nB', tags: [], topic: 't1', line: 3 },
    ]);
  });

  it('quotes a header value it cannot read without the blanks around it', () => {
    expect(parseAnki(file('#separator: ab ', '#tags column: x ', 'Q\tA')).problems).toEqual([
      { line: 1, message: 'unknown separator "ab"; expected Tab, Comma, Semicolon, Pipe, Space, Colon or one character, so tab is used' },
      { line: 2, message: '"#tags column:x" names no column; expected a column number from 1' },
    ]);
  });

  it('reads fields as HTML under #html:true even when none looks like HTML', () => {
    expect(parseAnki(file('#html:true', 'Q\tx_1')).items[0]!.answer).toBe('x\\_1');
  });

  it('drops only a BOM at the start of the file from the headers', () => {
    expect(parseAnki(file('#deck:A\uFEFFB', 'Q\tA')).items[0]!.topic).toBe('A\uFEFFB');
  });
});
