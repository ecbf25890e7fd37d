import { describe, expect, it } from 'vitest';
import { parseDelimited, parseQuizlet, readRecords } from '../../../src/core/import/delimited.js';
import { ImportFileError } from '../../../src/core/import/item.js';

/** The ImportFileError a parse throws, to check its message, hint and line together. */
function fileError(parse: () => unknown): ImportFileError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

describe('parseDelimited', () => {
  it('reads the columns in any order, whatever their case and the blanks around them', () => {
    const csv = ' Answer ,ID, tags ,Topic,QUESTION,difficulty\nIt zeroes units.,dropout,"regularization, overfitting",training,What is dropout?,medium\n';
    expect(parseDelimited(csv)).toEqual({
      items: [{ question: 'What is dropout?', answer: 'It zeroes units.', topic: 'training', tags: ['regularization', 'overfitting'], difficulty: 'medium', id: 'dropout', line: 2 }],
      problems: [],
    });
  });

  it.each([
    ['front,back,deck'],
    ['q,a,category'],
    ['prompt,answer,topic'],
    ['term,definition,topic'],
  ])('reads the header %s as question, answer and topic', (header) => {
    expect(parseDelimited(`${header}\nWhat is it?,This.,basics\n`).items).toEqual([{ question: 'What is it?', answer: 'This.', topic: 'basics', tags: [], line: 2 }]);
  });

  it('reads quoted fields holding newlines, commas and doubled quotes, and gives the line each row starts on', () => {
    const csv = 'question,answer\n"What is a ""residual"", or skip, connection?","**In short:** it adds the input.\n\n- one\n- two"\nNext?,Yes.\n';
    expect(parseDelimited(csv).items).toEqual([
      { question: 'What is a "residual", or skip, connection?', answer: '**In short:** it adds the input.\n\n- one\n- two', tags: [], line: 2 },
      { question: 'Next?', answer: 'Yes.', tags: [], line: 6 },
    ]);
  });

  it.each([
    ['semicolons', 'question;answer;tags\nWhat is it?;This, and that.;a b\n'],
    ['tabs', 'question\tanswer\ttags\nWhat is it?\tThis, and that.\ta b\n'],
    ['commas, after a BOM', '\uFEFFquestion,answer,tags\nWhat is it?,"This, and that.",a b\n'],
    ['commas, with Windows line endings', 'question,answer,tags\r\nWhat is it?,"This, and that.",a b\r\n'],
    ['commas, with blanks around quoted fields', 'question, answer, tags\nWhat is it?, "This, and that." ,a b\n'],
  ])('detects %s from the header', (_name, text) => {
    expect(parseDelimited(text)).toEqual({ items: [{ question: 'What is it?', answer: 'This, and that.', tags: ['a', 'b'], line: 2 }], problems: [] });
  });

  it('splits tags on commas, semicolons and spaces', () => {
    expect(parseDelimited('question\ttags\nWhy?\ta, b;c  d\n').items[0]!.tags).toEqual(['a', 'b', 'c', 'd']);
  });

  it('skips blank rows silently, and reports a row without a question at its line', () => {
    const csv = 'question,answer\n\nWhat is it?,This.\n,,\n  ,An answer with no question.\nLast?,Yes.\n';
    const { items, problems } = parseDelimited(csv);
    expect(items.map((item) => [item.question, item.line])).toEqual([['What is it?', 3], ['Last?', 6]]);
    expect(problems).toEqual([{ line: 5, message: 'the row has no question; expected text in the question column' }]);
  });

  it('names the columns it does not read in one problem, with a nameless column only when it holds text', () => {
    const csv = 'question,answer,notes,source,,\nWhat is it?,This.,n,s,extra,\n';
    expect(parseDelimited(csv).problems).toEqual([
      { line: 1, message: 'columns "notes", "source", "column 5 (no name)" are not read; nnquiz reads question, answer, topic, tags, difficulty and id' },
    ]);
    expect(parseDelimited('question,answer,\nWhat is it?,This.,\n').problems).toEqual([]);
  });

  it('reads the first of two question columns and names the second as not read', () => {
    const { items, problems } = parseDelimited('front,question,answer\nFirst?,Second?,A.\n');
    expect(items[0]!.question).toBe('First?');
    expect(problems).toEqual([{ line: 1, message: 'column "question" is not read; nnquiz reads question, answer, topic, tags, difficulty and id' }]);
  });

  it('fails on a header without a question column, naming what it found and the header it expects', () => {
    const error = fileError(() => parseDelimited('\nWhat is dropout?,It zeroes units.\n'));
    expect(error.message).toBe('no question column in the header on line 2; found "What is dropout?", "It zeroes units."');
    expect(error.hint).toBe('start the file with a header such as question,answer,topic,tags,difficulty, or use --format quizlet for term and definition pairs without a header');
    expect(error.line).toBe(2);
  });

  it('fails on a file with no rows', () => {
    const error = fileError(() => parseDelimited('\n  \n,,\n'));
    expect({ message: error.message, hint: error.hint }).toEqual({
      message: 'the file holds no rows; expected a header row, then a question a row',
      hint: 'start the file with a header such as question,answer,topic,tags,difficulty',
    });
  });

  it.each([
    [
      'a quote never closed',
      'question,answer\nWhat is it?,This.\n\nWhy?,"Because\nit runs on\n',
      'a quoted field opened on line 4 is never closed',
      'close the quote, or double a quote inside a quoted field ("")',
      4,
    ],
    [
      'text after a closing quote',
      'question,answer\nWhat is it?,This.\nWhy?,"He said "no" twice"\n',
      'a quoted field on line 3 goes on after its closing quote',
      'double a quote inside a quoted field (""), or put the delimiter right after the closing quote',
      3,
    ],
    [
      'text after a closing quote and a blank',
      'question,answer\nWhy?,"He said" no\n',
      'a quoted field on line 2 goes on after its closing quote',
      'double a quote inside a quoted field (""), or put the delimiter right after the closing quote',
      2,
    ],
    [
      'a quote inside an unquoted field',
      'question,answer\nWhat is a 5" screen?,Small.\n',
      'a quote in the middle of an unquoted field on line 2',
      'quote the whole field and double the quote inside it ("say ""hi"""), or remove the quote',
      2,
    ],
  ])('explains %s in plain words, at its line', (_name, csv, message, hint, line) => {
    const error = fileError(() => parseDelimited(csv));
    expect({ message: error.message, hint: error.hint, line: error.line }).toEqual({ message, hint, line });
  });

  it('reads a header of quoted names, whatever the delimiter', () => {
    expect(parseDelimited('" Question ";" Answer "\nWhat is it?;This, and that.\n').items).toEqual([{ question: 'What is it?', answer: 'This, and that.', tags: [], line: 2 }]);
    expect(parseDelimited(' "question" ; "answer" \nWhat is it?;This, and that.\n').items).toEqual([{ question: 'What is it?', answer: 'This, and that.', tags: [], line: 2 }]);
  });

  it('takes the delimiter that finds a known column even when only one name is known', () => {
    expect(parseDelimited('question\tnotes\nWhat is it, then?\tn\n').items).toEqual([{ question: 'What is it, then?', answer: '', tags: [], line: 2 }]);
  });

  it('takes the delimiter that finds the most known columns, not the most cells', () => {
    expect(parseDelimited('question\tnotes, more, extra\nWhat is it, then?\tn\n').items).toEqual([{ question: 'What is it, then?', answer: '', tags: [], line: 2 }]);
  });

  it('reads the header after blank lines, with its own delimiter', () => {
    expect(parseDelimited('\n  \nquestion;answer\nWhat is it, then?;This.\n').items).toEqual([{ question: 'What is it, then?', answer: 'This.', tags: [], line: 4 }]);
  });

  it('names an unread column even when no row has text in it, without the blanks around its name', () => {
    expect(parseDelimited('question,\u00a0notes\u00a0\nWhat is it?,\n').problems).toEqual([
      { line: 1, message: 'column "notes" is not read; nnquiz reads question, answer, topic, tags, difficulty and id' },
    ]);
  });

  it('splits at commas when every delimiter finds as many columns', () => {
    expect(parseDelimited('question\nWhat is it; then?,More\n').items).toEqual([{ question: 'What is it; then?', answer: '', tags: [], line: 2 }]);
  });

  it('reads rows shorter than the header, leaving the missing columns out', () => {
    expect(parseDelimited('question,answer,topic,tags,difficulty,id,\nWhat is it?\n')).toEqual({ items: [{ question: 'What is it?', answer: '', tags: [], line: 2 }], problems: [] });
  });

  it('reads rows longer than the header, ignoring the extra fields', () => {
    expect(parseDelimited('question,answer\nWhat is it?,This.,extra\n').items).toEqual([{ question: 'What is it?', answer: 'This.', tags: [], line: 2 }]);
  });

  it('reads a row starting with # as a question, and a # later in a line as text', () => {
    expect(parseDelimited('question,answer\n#1 What is it?,C# code\n').items).toEqual([{ question: '#1 What is it?', answer: 'C# code', tags: [], line: 2 }]);
  });

  it('reads a file with old Mac line endings', () => {
    expect(parseDelimited('question,answer\rWhat is it?,This.\rNext?,Yes.\r').items.map((item) => [item.question, item.line])).toEqual([
      ['What is it?', 2],
      ['Next?', 3],
    ]);
  });

  it('keeps a no-break space inside a field, dropping only a BOM at the start of the file', () => {
    expect(parseDelimited('question,answer\nWhat\uFEFF is it?,This.\n').items[0]!.question).toBe('What\uFEFF is it?');
  });

  it('trims no-break spaces around a cell, and skips a row of them as blank', () => {
    expect(parseDelimited('question,answer,topic\n\u00a0What is it?\u00a0,\u00a0This.\u00a0,\u00a0\n\u00a0,\u00a0\n')).toEqual({
      items: [{ question: 'What is it?', answer: 'This.', tags: [], line: 2 }],
      problems: [],
    });
  });

  it('drops empty tags around separators', () => {
    expect(parseDelimited('question,tags\nWhy?,";a;,b,"\n').items[0]!.tags).toEqual(['a', 'b']);
  });

  it('names an unread column without a name when a row has text in it, even when other rows are short', () => {
    expect(parseDelimited('question,answer,\nShort?\nWhat is it?,This.,extra\n').problems).toEqual([
      { line: 1, message: 'column "column 3 (no name)" is not read; nnquiz reads question, answer, topic, tags, difficulty and id' },
    ]);
    expect(parseDelimited('question,answer,\nShort?\nWhat is it?,This., \u00a0 \n').problems).toEqual([]);
  });

  it('clips a long column name at 40 characters in a problem', () => {
    const forty = 'n'.repeat(40);
    expect(parseDelimited(`question,${forty},${forty}x\nWhat?,a,b\n`).problems[0]!.message).toBe(
      `columns "${forty}", "${'n'.repeat(39)}…" are not read; nnquiz reads question, answer, topic, tags, difficulty and id`,
    );
  });

  it.each([
    ['six names in full', 'a,b,c,d,e,f', 'found "a", "b", "c", "d", "e", "f"'],
    ['the first six of seven names and the count', 'a,b,c,d,e,f,g', 'found "a", "b", "c", "d", "e", "f", … (7 in all)'],
    ['names without the blank cells between them', 'a, ,b', 'found "a", "b"'],
  ])('fails on a header without a question column, naming %s', (_name, header, found) => {
    expect(fileError(() => parseDelimited(`${header}\nx\n`)).message).toBe(`no question column in the header on line 1; ${found}`);
  });
});

describe('readRecords', () => {
  it('places a never-closed quote after blank and comment lines', () => {
    const error = fileError(() => readRecords('a\tb\n\n# a comment\n# another\nc\t"open\nmore\n', { delimiter: '\t', comments: true, relaxQuotes: true }));
    expect(error.message).toBe('a quoted field opened on line 5 is never closed');
  });

  it('places a never-closed quote in the first record on line 1', () => {
    expect(fileError(() => readRecords('"open\nmore\n', { delimiter: ',' })).line).toBe(1);
  });

  it('places a never-closed quote after comment lines that come before the last whole record, counting only the later ones', () => {
    const error = fileError(() => readRecords('# one\n# two\na\tb\n"open\n', { delimiter: '\t', comments: true }));
    expect({ message: error.message, line: error.line }).toEqual({ message: 'a quoted field opened on line 4 is never closed', line: 4 });
  });

  it('explains text right after a closing quote when blanks are part of fields', () => {
    const error = fileError(() => readRecords('a,b\n"c"d,e\n', { delimiter: ',' }));
    expect({ message: error.message, line: error.line }).toEqual({ message: 'a quoted field on line 2 goes on after its closing quote', line: 2 });
  });

  it('explains an error it has no words for by the line it could not read', () => {
    const error = fileError(() => readRecords('a,b\n', { delimiter: '' }));
    expect({ message: error.message, hint: error.hint, line: error.line }).toEqual({
      message: 'line ? could not be read as delimited text',
      hint: 'check the quotes and delimiters on that line',
      line: undefined,
    });
  });

  it('gives every record the line it starts on, blank lines and rows of any length included', () => {
    expect(readRecords('a,b\n\n"c\nd",e,f\ng\n', { delimiter: ',' })).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: [''], line: 2 },
      { fields: ['c\nd', 'e', 'f'], line: 3 },
      { fields: ['g'], line: 5 },
    ]);
  });

  it('keeps blanks around fields unless told to trim them', () => {
    expect(readRecords(' a , "b" \n', { delimiter: ',', trim: true })[0]!.fields).toEqual(['a', 'b']);
    expect(readRecords(' a ,b \n', { delimiter: ',' })[0]!.fields).toEqual([' a ', 'b ']);
  });

  it('reads a quote inside a field as text only when quotes are relaxed', () => {
    expect(readRecords('a 5" screen,b\n', { delimiter: ',', relaxQuotes: true })[0]!.fields).toEqual(['a 5" screen', 'b']);
    expect(fileError(() => readRecords('a 5" screen,b\n', { delimiter: ',' })).message).toBe('a quote in the middle of an unquoted field on line 1');
  });

  it('skips lines starting with # only when comments are on, and never a # later in a line', () => {
    expect(readRecords('# note\na,b # c\n', { delimiter: ',', comments: true })).toEqual([{ fields: ['a', 'b # c'], line: 2 }]);
    expect(readRecords('# note\na\n', { delimiter: ',' })).toEqual([
      { fields: ['# note'], line: 1 },
      { fields: ['a'], line: 2 },
    ]);
  });

  it.each([
    ['a BOM', '\uFEFFa,b\n'],
    ['Windows line endings', 'x\r\na,b\r\n'],
    ['old Mac line endings', 'x\ra,b\r'],
  ])('reads text with %s', (name, text) => {
    const records = readRecords(text, { delimiter: ',' });
    expect(records.at(-1)).toEqual({ fields: ['a', 'b'], line: name === 'a BOM' ? 1 : 2 });
  });
});

describe('parseQuizlet', () => {
  it('splits each line at its first tab, skips blank lines and keeps line numbers', () => {
    const text = 'dropout\tunits zeroed at random, in training\tonly\n\n  \nReLU \t max(0, x)\n';
    expect(parseQuizlet(text)).toEqual({
      items: [
        { question: 'dropout', answer: 'units zeroed at random, in training\tonly', tags: [], line: 1 },
        { question: 'ReLU', answer: 'max(0, x)', tags: [], line: 4 },
      ],
      problems: [],
    });
  });

  it('splits at the first comma when no line holds a tab, and reads no quotes', () => {
    expect(parseQuizlet('dropout,"units" zeroed, at random\r\nReLU,max(0, x)').items).toEqual([
      { question: 'dropout', answer: '"units" zeroed, at random', tags: [], line: 1 },
      { question: 'ReLU', answer: 'max(0, x)', tags: [], line: 2 },
    ]);
  });

  it('takes the separator it is given', () => {
    expect(parseQuizlet('a,b\tc', 'comma').items[0]).toMatchObject({ question: 'a', answer: 'b\tc' });
  });

  it('splits at a tab when told to, even when no line holds one', () => {
    expect(parseQuizlet('a,b\n', 'tab')).toEqual({ items: [], problems: [{ line: 1, message: 'expected a term and a definition separated by a tab; found "a,b"' }] });
  });

  it('clips a long line it cannot read at 40 characters', () => {
    const forty = 'x'.repeat(40);
    expect(parseQuizlet(`${forty}\n${forty}y\n`, 'tab').problems.map((problem) => problem.message)).toEqual([
      `expected a term and a definition separated by a tab; found "${forty}"`,
      `expected a term and a definition separated by a tab; found "${'x'.repeat(39)}…"`,
    ]);
  });

  it('quotes a line it cannot read without the blanks around it', () => {
    expect(parseQuizlet('  no tab here  \n', 'tab').problems).toEqual([{ line: 1, message: 'expected a term and a definition separated by a tab; found "no tab here"' }]);
  });

  it('reads a term whose definition is empty', () => {
    expect(parseQuizlet('term\t  \n').items).toEqual([{ question: 'term', answer: '', tags: [], line: 1 }]);
  });

  it('reports a line without the separator, or without a term, at its line', () => {
    expect(parseQuizlet('dropout\tzeroes units\na definition carried over\n\tno term\n').problems).toEqual([
      { line: 2, message: 'expected a term and a definition separated by a tab; found "a definition carried over"' },
      { line: 3, message: 'no term before the tab; expected a term, a tab, then its definition' },
    ]);
    expect(parseQuizlet('no comma here').problems[0]!.message).toBe('expected a term and a definition separated by a comma; found "no comma here"');
  });
});
