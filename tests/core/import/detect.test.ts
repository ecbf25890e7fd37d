import { describe, expect, it } from 'vitest';
import { detectFormat, FORMAT_NAMES, parseImport } from '../../../src/core/import/detect.js';
import { IMPORT_FORMATS } from '../../../src/core/import/item.js';

describe('detectFormat', () => {
  it.each([
    ['#separator:tab\n#html:true\nfront\tback\n', 'anki'],
    ['question,answer,topic\nWhat?,This.,t\n', 'csv'],
    ['Topic\tQuestion\tAnswer\nt\tWhat?\tThis.\n', 'csv'],
    ['"question";"answer"\n"What?";"This."\n', 'csv'],
    ['Dropout\tZeroes units at random\nMomentum\tAverages past gradients\n', 'quizlet'],
    ['What is a ReLU?\t<b>max(0, x)</b><br>cheap\nWhat is a sigmoid?\t<p>1 / (1 + e^-x)</p>\n', 'anki'],
    ['1. **What is dropout?**\n   - It zeroes units.\n', 'markdown'],
    ['Notes, with commas, but no header.\n', 'markdown'],
  ])('reads %j as %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it.each([
    ['#separator:Comma\nQ,A\n'],
    ['#HTML:false\nQ\tA\n'],
    ['#tags column:3\nQ\tA\tt\n'],
    ['#guid column:1\ng\tQ\tA\n'],
    ['#notetype:Basic\nQ\tA\n'],
    ['#notetype column:1\nBasic\tQ\tA\n'],
    ['#deck:NN\nQ\tA\n'],
    ['#deck column:1\nNN\tQ\tA\n'],
    ['#columns:Front\tBack\nQ\tA\n'],
    ['\n  \n#separator:tab\nQ\tA\n'],
  ])('reads an Anki header line as Anki: %j', (text) => {
    expect(detectFormat(text)).toBe('anki');
  });

  it.each([
    ['a # line that is no Anki header', '#comment:x\nQ\tA\nR\tB\n', 'quizlet'],
    ['an Anki header word further into the line', ' #separator:tab\nnotes\n', 'markdown'],
    ['a header key without its colon', '#separator tab\nnotes\n', 'markdown'],
  ])('does not take %s for Anki', (_name, text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it.each([
    ['front\tback\nWhat?\tThis.\n'],
    ['front,back\nWhat?,This.\n'],
    ['front;back\nWhat?;This.\n'],
    ['Term , Definition\nWhat?,This.\n'],
    ['"Prompt"\tanswer\nWhat?\tThis.\n'],
    ['\n\n  \nfront,back\nWhat?,This.\n'],
    ['front,back\r\nWhat?,This.\r\n'],
  ])('reads a header naming a question column as CSV: %j', (text) => {
    expect(detectFormat(text)).toBe('csv');
  });

  it.each([
    ['a question column name inside a longer cell', 'the question,its answer\nWhat?,This.\n'],
    ['a question column name on a later line', 'notes,more\nquestion,answer\n'],
    ['a word that only ends in a question column name', 'subquestion,notes\nWhat?,n\n'],
  ])('does not read %s as a CSV header', (_name, text) => {
    expect(detectFormat(text)).toBe('markdown');
  });

  it.each([
    ['3 of 5 lines tabbed', 'a\t1\nb\t2\nc\t3\nprose\nmore prose\n', 'quizlet'],
    ['2 of 5 lines tabbed', 'a\t1\nb\t2\nprose\nmore prose\neven more\n', 'markdown'],
    ['1 of 3 lines tabbed', 'a\t1\nprose\nmore prose\n', 'markdown'],
    ['3 of 5 lines tabbed, with blank lines between them not counted', 'a\t1\n\n\nb\t2\n  \nc\t3\nprose\nmore prose\n', 'quizlet'],
    ['3 tabbed lines among 2 prose lines and Windows line endings', 'a\t1\r\nb\t2\r\nc\t3\r\nprose\r\nmore\r\n', 'quizlet'],
  ])('reads tab-separated pairs as Quizlet only when most lines hold a tab: %s', (_name, text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it.each([
    ['<p>', 'Q1\tplain\nQ2\t<p>para'],
    ['<div>', 'Q1\tplain\nQ2\t<div>block'],
    ['<br>', 'Q1\tplain\nQ2\tone<br>two'],
    ['<br/>', 'Q1\tplain\nQ2\tone<br/>two'],
    ['<b>', 'Q1\tplain\nQ2\t<b>bold'],
    ['<i>', 'Q1\tplain\nQ2\t<i>italic'],
    ['<ul>', 'Q1\tplain\nQ2\t<ul>list'],
    ['<li>', 'Q1\tplain\nQ2\t<li>item'],
    ['<span>', 'Q1\tplain\nQ2\t<span>text'],
    ['a closing tag alone', 'Q1\tplain\nQ2\ttext</span>'],
    ['an upper-case tag', 'Q1\tplain\nQ2\t<I>italic'],
  ])('reads tab-separated pairs as Anki when a line holds %s', (_name, text) => {
    expect(detectFormat(text)).toBe('anki');
  });

  it.each([
    ['a tag that only starts like a known one', 'Q1\t<bold>x\nQ2\t<pre>y'],
    ['a comparison', 'Q1\ta < b\nQ2\tp > q'],
  ])('reads tab-separated pairs as Quizlet for %s', (_name, text) => {
    expect(detectFormat(text)).toBe('quizlet');
  });

  it.each([[''], ['\n\n'], ['   \n\t\n']])('reads an empty document %j as Markdown', (text) => {
    expect(detectFormat(text)).toBe('markdown');
  });
});

describe('parseImport', () => {
  it('reads Anki text with the Anki reader: headers and HTML fields', () => {
    expect(parseImport('#html:true\n<b>Q</b>\t<i>A</i>\n', 'anki')).toEqual({ items: [{ question: 'Q', answer: '_A_', tags: [], line: 2 }], problems: [] });
  });

  it('reads CSV with a header row', () => {
    expect(parseImport('question,answer\nQ?,A.\n', 'csv')).toEqual({ items: [{ question: 'Q?', answer: 'A.', tags: [], line: 2 }], problems: [] });
  });

  it('reads Quizlet pairs as text, with no header', () => {
    expect(parseImport('<b>Q</b>\t<i>A</i>\n', 'quizlet')).toEqual({ items: [{ question: '<b>Q</b>', answer: '<i>A</i>', tags: [], line: 1 }], problems: [] });
  });

  it('reads a Markdown document of numbered questions', () => {
    expect(parseImport('1. **What is dropout?**\n   - It zeroes units.\n', 'markdown').items).toMatchObject([{ question: 'What is dropout?', line: 1 }]);
  });
});

describe('FORMAT_NAMES', () => {
  it('names every format, each differently', () => {
    const names = IMPORT_FORMATS.map((format) => FORMAT_NAMES[format]);
    expect(names.every((name) => typeof name === 'string' && name.length > 0)).toBe(true);
    expect(new Set(names).size).toBe(IMPORT_FORMATS.length);
  });
});
