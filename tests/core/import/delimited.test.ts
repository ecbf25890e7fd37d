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
    expect(fileError(() => parseDelimited('\n  \n,,\n')).message).toBe('the file holds no rows; expected a header row, then a question a row');
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
});

describe('readRecords', () => {
  it('places a never-closed quote after blank and comment lines', () => {
    const error = fileError(() => readRecords('a\tb\n\n# a comment\n# another\nc\t"open\nmore\n', { delimiter: '\t', comments: true, relaxQuotes: true }));
    expect(error.message).toBe('a quoted field opened on line 5 is never closed');
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

  it('reports a line without the separator, or without a term, at its line', () => {
    expect(parseQuizlet('dropout\tzeroes units\na definition carried over\n\tno term\n').problems).toEqual([
      { line: 2, message: 'expected a term and a definition separated by a tab; found "a definition carried over"' },
      { line: 3, message: 'no term before the tab; expected a term, a tab, then its definition' },
    ]);
    expect(parseQuizlet('no comma here').problems[0]!.message).toBe('expected a term and a definition separated by a comma; found "no comma here"');
  });
});
