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
});
