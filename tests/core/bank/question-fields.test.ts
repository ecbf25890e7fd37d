import { describe, expect, it } from 'vitest';
import { parseQuestion, type ParseResult, type Question } from '../../../src/core/bank/question.js';

const context = { file: 'bank/training/example.md', defaultId: 'example', defaultTopic: 'training' };
const parse = (text: string) => parseQuestion(text, context);
/** Parses front matter with the given lines after `question: Q?`, and the answer `Answer.`. */
const withFields = (fields: string) => parse(`---\nquestion: Q?\n${fields}\n---\nAnswer.\n`);
const loaded = (result: ParseResult): Question => {
  expect(result.problems).toEqual([]);
  return result.question!;
};
const problem = (result: ParseResult) => {
  expect(result.question).toBeUndefined();
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!;
};

describe('parseQuestion: the front matter delimiters', () => {
  it.each([
    ['--- yaml', '---yaml'],
    ['--- yml', '---yml'],
    ['a language in capitals and spaces', '--- YAML \t'],
    ['Yml', '---Yml'],
  ])('accepts an opening line naming YAML: %s', (_name, opening) => {
    expect(loaded(parse(`${opening}\nquestion: Q?\n---\nAnswer.`)).question).toBe('Q?');
  });

  it.each([
    ['lone carriage returns', '---\rquestion: Why?\r---\rBecause.\rMore.'],
    ['CRLF', '---\r\nquestion: Why?\r\n---\r\nBecause.\r\nMore.'],
  ])('reads line endings of %s as newlines', (_name, text) => {
    const question = loaded(parse(text));
    expect(question.answer).toBe('Because.\nMore.');
    expect(question.answerLine).toBe(4);
  });

  it('strips only a byte-order mark that opens the file', () => {
    expect(loaded(parse('---\nquestion: Q?\n---\nA\uFEFFB')).answer).toBe('A\uFEFFB');
  });

  it('reads a file of blank lines as empty', () => {
    expect(problem(parse(' \n\t\n\n')).message).toMatch(/^the file is empty; expected YAML front matter/);
  });

  it("wants the '---' at the very start of the file", () => {
    const found = problem(parse('question: Q?\n---\nx: y\n---\nAnswer.'));
    expect(found.message).toMatch(/^no front matter/);
    expect(found.line).toBe(1);
  });

  it.each([
    ['trailing spaces', '---\nquestion: Q?\n--- \t\nAnswer.', 'Answer.'],
    ['the end of the file', '---\nquestion: Q?\n---', ''],
  ])('closes the front matter with a --- line followed by %s', (_name, text, answer) => {
    expect(loaded(parse(text)).answer).toBe(answer);
  });

  it.each([
    ['----', '---\nquestion: Q?\n----\nAnswer.'],
    ['--- followed by text', '---\nquestion: Q?\n--- more\nAnswer.'],
    ['--- indented', '---\nquestion: Q?\n ---\nAnswer.'],
  ])('does not take %s for the closing line', (_name, text) => {
    const found = problem(parse(text));
    expect(found.message).toMatch(/^the front matter is never closed/);
    expect(found.line).toBe(1);
  });

  it('reads an empty front matter as one missing its question', () => {
    const found = problem(parse('---\n---\nAnswer.'));
    expect(found.message).toMatch(/^'question' is missing/);
    expect(found.line).toBeUndefined();
  });

  it('names what a front matter that is no mapping holds, on line 2', () => {
    const found = problem(parse('---\njust text\n---\nAnswer.'));
    expect(found.message).toBe(`the front matter must be a YAML mapping of keys such as 'question:'; found "just text"`);
    expect(found.line).toBe(2);
  });

  it('reads YAML with the core schema: dates stay text, and no custom types', () => {
    expect(loaded(withFields('when: 2024-01-01')).extra).toEqual({ when: '2024-01-01' });
    expect(problem(withFields('blob: !!binary aGk=')).message).toMatch(/^invalid YAML front matter: unknown tag/);
  });

  it('describes a YAML error with its white space collapsed', () => {
    expect(problem(withFields('x: !<a  \tb> 1')).message).toBe('invalid YAML front matter: tag name cannot contain such characters: a b');
  });

  it('describes a YAML error on one line without the excerpt of the text', () => {
    const found = problem(parse('---\nquestion: Q?\nfoo: : bar\n---\nAnswer.'));
    expect(found.message).not.toMatch(/\n|  /);
    expect(found.message).not.toContain('foo');
  });
});

describe('parseQuestion: where the model answer starts', () => {
  it.each([
    ['right after the front matter', '---\nquestion: Q?\n---\nAnswer.', 4],
    ['after blank lines', '---\nquestion: Q?\n---\n\n\nAnswer.', 6],
    ['after blank lines and an indent', '---\nquestion: Q?\n---\n \t\n   Answer.', 5],
    ['on a line of its own after an indented first line', '---\nquestion: Q?\n---\n  Answer.\nMore.', 4],
    ['in a longer front matter', '---\nquestion: Q?\ntags: [a]\ndifficulty: easy\n---\nAnswer.', 6],
  ])('gives the line of its first text: %s', (_name, text, line) => {
    expect(loaded(parse(text)).answerLine).toBe(line);
  });
});

describe('parseQuestion: ids and topics', () => {
  it('takes an id from a file name with spaces, since the author never wrote it', () => {
    const question = loaded(parseQuestion('---\nquestion: Q?\n---\nA.', { file: 'two words.md', defaultId: 'two words' }));
    expect(question.id).toBe('two words');
    expect(question.defaulted).toEqual(['id', 'topic', 'difficulty', 'passMark']);
  });

  it.each(['two\twords', 'trailing\nline'])('refuses an id written with white space inside: %j', (id) => {
    const found = problem(withFields(`id: ${JSON.stringify(id)}`));
    expect(found.message).toMatch(/^'id' must not contain spaces/);
    expect(found.line).toBe(3);
  });

  it('strips control sequences from the default id and topic', () => {
    const question = loaded(parseQuestion('---\nquestion: Q?\n---\nA.', { file: 'x.md', defaultId: 'ab\u001b[31mc', defaultTopic: 'tr\u0007aining' }));
    expect(question.id).toBe('abc');
    expect(question.topic).toBe('training');
  });

  it.each([
    ['null', 'id: ~\ntopic:\ndifficulty:\npass_mark: null'],
    ['absent', ''],
  ])('takes the defaults of fields that are %s, and lists them as defaulted', (_name, fields) => {
    const question = loaded(withFields(fields));
    expect(question).toMatchObject({ id: 'example', topic: 'training', difficulty: 'medium', passMark: 0.6 });
    expect(question.defaulted).toEqual(['id', 'difficulty', 'passMark']);
  });

  it('lists nothing as defaulted when the file gives every field', () => {
    const question = loaded(withFields('id: q\ntopic: t\ndifficulty: easy\npass_mark: 0.5'));
    expect(question).toMatchObject({ id: 'q', topic: 't', difficulty: 'easy', passMark: 0.5 });
    expect(question.defaulted).toEqual([]);
  });

  it('trims strings', () => {
    const question = loaded(withFields('id: "  q  "\ntopic: "  t  "\ntags: ["  a  "]'));
    expect(question).toMatchObject({ id: 'q', topic: 't', tags: ['a'] });
  });
});

describe('parseQuestion: required strings', () => {
  it.each([
    ['null', 'question: ~', /^'question' is missing; expected a non-empty string, e.g. 'question: What is dropout\?'$/],
    ['empty', 'question: ""', /^'question' must be a non-empty string, e.g. 'question: What is dropout\?'; found ""$/],
    ['blank', 'question: "   "', /^'question' must be a non-empty string.*found " "$/],
    ['only control sequences', 'question: "\\e[2J"', /^'question' must be a non-empty string/],
    ['a list', 'question: [a]', /^'question' must be a non-empty string.*found a list$/],
  ])('refuses a question that is %s, on its line', (_name, line, message) => {
    const found = problem(parse(`---\nid: q\n${line}\n---\nA.`));
    expect(found.message).toMatch(message);
    expect(found.line).toBe(3);
  });

  it.each([
    ['id', 'id: ""', `'id' must be a non-empty string, e.g. 'id: dropout'; found ""`],
    ['topic', 'topic: 5', "'topic' must be a non-empty string, e.g. 'topic: training'; found number 5"],
  ])('refuses an optional %s that is given but not a non-empty string', (_field, line, message) => {
    expect(problem(withFields(line)).message).toBe(message);
  });

  it('accepts a question of 10000 characters, not counting the spaces around it', () => {
    const text = 'x'.repeat(10_000);
    expect(loaded(parse(`---\nquestion: "  ${text}  "\n---\nA.`)).question).toBe(text);
  });

  it('refuses a question of 10001 characters', () => {
    const found = problem(parse(`---\nquestion: ${'x'.repeat(10_001)}\n---\nA.`));
    expect(found.message).toBe("'question' is 10001 characters long; expected at most 10000");
    expect(found.line).toBe(2);
  });

  it.each([
    ['tags', `tags: [a, ${'x'.repeat(10_001)}]`],
    ['key_terms', `key_terms: [a, ${'x'.repeat(10_001)}]`],
    ['key_terms', `key_terms: [{term: ${'x'.repeat(10_001)}}]`],
    ['misconceptions', `misconceptions: [{claim: ${'x'.repeat(10_001)}, why: w}]`],
    ['misconceptions', `misconceptions: [{claim: c, why: ${'x'.repeat(10_001)}}]`],
  ])('names the field %s whose string is too long, on its line', (field, line) => {
    const found = problem(withFields(line));
    expect(found.message).toBe(`'${field}' is 10001 characters long; expected at most 10000`);
    expect(found.line).toBe(3);
  });
});

describe('parseQuestion: difficulty, pass mark and rubric', () => {
  it.each([
    ['easy', 'easy'],
    [' Hard ', 'hard'],
    ['MEDIUM', 'medium'],
  ])('reads the difficulty %j as %s', (value, expected) => {
    expect(loaded(withFields(`difficulty: ${JSON.stringify(value)}`)).difficulty).toBe(expected);
  });

  it.each([
    ['a number', 'difficulty: 3', 'number 3'],
    ['a list', 'difficulty: [easy]', 'a list'],
    ['empty', 'difficulty: ""', '""'],
  ])('refuses a difficulty that is %s, and names it', (_name, line, found) => {
    const result = problem(withFields(line));
    expect(result.message).toBe(`'difficulty' must be easy, medium or hard; found ${found}`);
    expect(result.line).toBe(3);
  });

  it.each([1, 0.01, 0.6])('accepts the pass mark %s', (mark) => {
    expect(loaded(withFields(`pass_mark: ${mark}`)).passMark).toBe(mark);
  });

  it.each([
    ['-0.5', 'number -0.5'],
    ['1.01', 'number 1.01'],
    ['"0.7"', '"0.7"'],
    ['.nan', 'number NaN'],
  ])('refuses the pass mark %s, and names it', (value, found) => {
    const result = problem(withFields(`pass_mark: ${value}`));
    expect(result.message).toBe(`'pass_mark' must be a number above 0 and at most 1, e.g. 'pass_mark: 0.6'; found ${found}`);
    expect(result.line).toBe(3);
  });

  it("reads an empty 'rubric:' as reviewed key terms", () => {
    expect(loaded(withFields('rubric:')).rubricProposed).toBe(false);
  });

  it('names the rubric it refuses, on its line', () => {
    const found = problem(withFields('rubric: Proposed'));
    expect(found.message).toBe(`'rubric' may only be 'proposed' (key terms nobody has reviewed yet); found "Proposed"; delete the line once the key terms are reviewed`);
    expect(found.line).toBe(3);
  });
});

describe('parseQuestion: lists', () => {
  it('reads every known key as its field, leaving nothing of them among the unknown keys', () => {
    const question = loaded(
      parse('---\nid: q\nquestion: Q?\ntopic: t\ntags: [a]\ndifficulty: easy\nkey_terms: [k]\nmisconceptions: [{claim: c, why: w}]\npass_mark: 0.5\nfollow_ups: [f]\nformer_ids: [old]\nrubric: proposed\n---\nA.'),
    );
    expect(question.extra).toEqual({});
    expect(question).toMatchObject({ tags: ['a'], followUps: ['f'], formerIds: ['old'], rubricProposed: true });
  });

  it('reads numbers in lists as text', () => {
    const question = loaded(withFields('tags: [1, 2.5]\nfollow_ups: [7]\nkey_terms: [42, {term: t, aliases: [3]}]'));
    expect(question.tags).toEqual(['1', '2.5']);
    expect(question.followUps).toEqual(['7']);
    expect(question.keyTerms.map((k) => k.term)).toEqual(['42', 't']);
    expect(question.keyTerms[1]!.aliases).toEqual(['3']);
  });

  it('reads empty lists and null lists as empty', () => {
    const question = loaded(withFields('tags: ~\nfollow_ups: []\nformer_ids:\nkey_terms: ~\nmisconceptions:'));
    expect(question).toMatchObject({ tags: [], followUps: [], formerIds: [], keyTerms: [], misconceptions: [] });
  });

  it("drops the question's own id from its former ids", () => {
    expect(loaded(withFields('id: adam\nformer_ids: [adam, adaptive, adaptive]')).formerIds).toEqual(['adaptive']);
  });

  it.each([
    ['tags', 'tags: [a, {b: 1}]', "'tags' must be a list of strings, e.g. 'tags: [gradients, activations]'; found a list"],
    ['tags', 'tags: [[a], b]', "'tags' must be a list of strings"],
    ['follow_ups', 'follow_ups: [a, true]', "'follow_ups' must be a list of strings, e.g. 'follow_ups: [exploding-gradient]'"],
    ['former_ids', 'former_ids: old', "'former_ids' must be a list of strings, e.g. 'former_ids: [adaptive-learning-rates]'; found \"old\""],
  ])('refuses %s holding anything but strings and numbers', (_field, line, message) => {
    const found = problem(withFields(line));
    expect(found.message).toContain(message);
    expect(found.line).toBe(3);
  });
});

describe('parseQuestion: key terms', () => {
  const terms = (yaml: string) => loaded(withFields(`key_terms: ${yaml}`)).keyTerms;
  const keyTermProblem = (yaml: string) => {
    const found = problem(withFields(`tags: [a]\nkey_terms: ${yaml}`));
    expect(found.line).toBe(4);
    return found.message;
  };

  it('trims a term and drops repeated and empty aliases', () => {
    expect(terms('[{term: "  ReLU ", aliases: [" relu ", relu, "", rectifier]}]')).toEqual([{ term: 'ReLU', aliases: ['relu', 'rectifier'], weight: 1, core: false }]);
  });

  it.each([
    ['core: false over required: true', '{term: t, core: false, required: true}', false],
    ['required: true when core is null', '{term: t, core: ~, required: true}', true],
    ['required: false', '{term: t, required: false}', false],
    ['core: true', '{term: t, core: true}', true],
  ])('reads %s', (_name, entry, core) => {
    expect(terms(`[${entry}]`)[0]!.core).toBe(core);
  });

  it.each([
    ['null', '~', 1],
    ['the smallest positive', '0.001', 0.001],
    ['100', '100', 100],
  ])('reads a weight of %s', (_name, value, weight) => {
    expect(terms(`[{term: t, weight: ${value}}]`)[0]!.weight).toBe(weight);
  });

  it.each([
    ['0', 'number 0'],
    ['100.5', 'number 100.5'],
    ['"2"', '"2"'],
    ['.nan', 'number NaN'],
    ['.inf', 'number Infinity'],
  ])('refuses a weight of %s, and names it', (value, found) => {
    expect(keyTermProblem(`[{term: t, weight: ${value}}]`)).toBe(`key_terms item 1: 'weight' must be a positive number up to 100, e.g. 'weight: 2'; found ${found}`);
  });

  it.each([
    ['an empty string item', '[a, ""]', "key_terms item 2 is empty; expected a term such as 'gradient'"],
    ['a null item', '[a, b, ~]', "key_terms item 3 must be a string or a mapping with 'term:'; found null"],
    ['a list item', '[[a]]', "key_terms item 1 must be a string or a mapping with 'term:'; found a list"],
    ['a boolean item', '[true]', "key_terms item 1 must be a string or a mapping with 'term:'; found boolean true"],
    ['a numeric term', '[{term: 5}]', "key_terms item 1 needs 'term:' as a non-empty string, e.g. '{term: ReLU}'; found number 5"],
    ['a blank term', '[{term: "  "}]', `key_terms item 1 needs 'term:' as a non-empty string, e.g. '{term: ReLU}'; found " "`],
    ['aliases as a string', '[{term: t, aliases: relu}]', `key_terms item 1: 'aliases' must be a list of strings, e.g. 'aliases: [relu]'; found "relu"`],
    ['an alias that is a mapping', '[{term: t, aliases: [a, {b: c}]}]', "key_terms item 1: 'aliases' must be a list of strings, e.g. 'aliases: [relu]'; found a list"],
    ['required as a string', '[{term: t, required: "yes"}]', `key_terms item 1: 'core' must be true or false; found "yes"`],
    ['core as a number', '[{term: t, core: 1, required: true}]', "key_terms item 1: 'core' must be true or false; found number 1"],
  ])('refuses %s, naming the item', (_name, yaml, message) => {
    expect(keyTermProblem(yaml)).toBe(message);
  });

  it("refuses 'key_terms' that is no list, with an example", () => {
    expect(keyTermProblem('dropout')).toBe(`'key_terms' must be a list, e.g. 'key_terms: [gradient, {term: ReLU, aliases: [rectified linear unit]}]'; found "dropout"`);
  });
});

describe('parseQuestion: misconceptions', () => {
  const misconceptionProblem = (yaml: string) => {
    const found = problem(withFields(`tags: [a]\nmisconceptions: ${yaml}`));
    expect(found.line).toBe(4);
    return found.message;
  };
  const needs = (item: number, found: string) =>
    `misconceptions item ${item} needs 'claim:' and 'why:' as non-empty strings, e.g. '{claim: dropout is used at test time, why: it is switched off at inference}'; found ${found}`;

  it('trims the claim and the reason, and reads aliases as for key terms', () => {
    expect(loaded(withFields('misconceptions: [{claim: " c ", why: " w ", aliases: [a, a, 2]}]')).misconceptions).toEqual([{ claim: 'c', aliases: ['a', '2'], why: 'w' }]);
  });

  it('reads no aliases as none', () => {
    expect(loaded(withFields('misconceptions: [{claim: c, why: w, aliases: ~}]')).misconceptions[0]!.aliases).toEqual([]);
  });

  it.each([
    ['a claim alone', '[{claim: c}]', 1, 'a mapping'],
    ['a reason alone', '[{why: w}]', 1, 'a mapping'],
    ['an empty claim', '[{claim: "", why: w}]', 1, 'a mapping'],
    ['a numeric reason', '[{claim: c, why: 3}]', 1, 'a mapping'],
    ['a string', '[{claim: c, why: w}, wrong]', 2, '"wrong"'],
    ['null', '[~]', 1, 'null'],
    ['a list', '[[c, w]]', 1, 'a list'],
  ])('refuses an item that is %s', (_name, yaml, item, found) => {
    expect(misconceptionProblem(yaml)).toBe(needs(item, found));
  });

  it('refuses aliases that are no list, naming the item', () => {
    expect(misconceptionProblem('[{claim: c, why: w, aliases: x}]')).toBe(`misconceptions item 1: 'aliases' must be a list of strings, e.g. 'aliases: [relu]'; found "x"`);
  });

  it("refuses 'misconceptions' that is no list, with an example", () => {
    expect(misconceptionProblem('{claim: c, why: w}')).toBe(
      `'misconceptions' must be a list, e.g. 'misconceptions: [{claim: dropout is used at test time, why: it is switched off at inference}]'; found a mapping`,
    );
  });
});

describe('parseQuestion: the line of a problem', () => {
  it('gives line 2 to the first key of the front matter', () => {
    expect(problem(parse('---\ntags: 7\nquestion: Q?\n---\nA.')).line).toBe(2);
  });

  it('gives the line of the last key of the front matter', () => {
    expect(problem(parse('---\nquestion: Q?\na: 1\nb: 2\ntags: 7\n---\nA.')).line).toBe(5);
  });

  it('finds the key itself, not a line that merely mentions it', () => {
    expect(problem(parse('---\nquestion: Q?\nnote: "tags: none"\nmy_tags: x\ntags: 7\n---\nA.')).line).toBe(5);
  });

  it('gives no line for an unknown key with an empty name', () => {
    const found = problem(withFields(`? ""\n: [${Array(1000).fill(1).join(',')}]`));
    expect(found.message).toMatch(/^'' holds more than 1000 values/);
    expect(found.line).toBeUndefined();
  });

  it('looks for the key in the front matter only, not in the model answer', () => {
    const found = problem(parse('--- yaml\n{question: Q?, id: "a b"}\n---\nid: the answer opens like a key\nid: and again'));
    expect(found.message).toMatch(/^'id' must not contain spaces/);
    expect(found.line).toBeUndefined();
  });

  it('gives no line when the key is not found as written', () => {
    expect(problem(parse('---\n{question: Q?, tags: 7}\n---\nA.')).line).toBeUndefined();
  });
});

describe('parseQuestion: unknown keys are copied as plain data', () => {
  it('keeps numbers, booleans and null, and strips control sequences from keys and strings', () => {
    const question = loaded(withFields('meta: {"a\\e[31mb": "x\\e[2Jy", n: 1, ok: true, none: ~, list: [1, "\\e[1mz", {deep: "\\u0007v"}]}'));
    expect(question.extra).toEqual({ meta: { ab: 'xy', n: 1, ok: true, none: null, list: [1, 'z', { deep: 'v' }] } });
  });

  it('keeps a value of 1000 values, and refuses one of 1001, naming the key on its line', () => {
    const list = (n: number) => `[${Array(n).fill(1).join(',')}]`;
    expect(loaded(withFields(`big: ${list(999)}`)).extra.big).toHaveLength(999);
    const found = problem(withFields(`big: ${list(1000)}`));
    expect(found.message).toBe("'big' holds more than 1000 values or is nested too deeply (YAML aliases count each time they are used); keep extra keys small");
    expect(found.line).toBe(3);
  });

  it('keeps a value nested 20 deep, and refuses one nested 21 deep', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    expect(JSON.stringify(loaded(withFields(`deep: ${nested(20)}`)).extra.deep)).toBe(nested(20));
    expect(problem(withFields(`deep: ${nested(21)}`)).message).toMatch(/^'deep' holds more than 1000 values or is nested too deeply/);
  });

  it('counts nesting in mappings as in lists', () => {
    const nested = (depth: number) => `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(loaded(withFields(`deep: ${nested(20)}`)).extra.deep).toBeTypeOf('object');
    expect(problem(withFields(`deep: ${nested(21)}`)).message).toMatch(/^'deep' holds more than 1000 values or is nested too deeply/);
  });

  it('counts the budget per key', () => {
    const list = `[${Array(999).fill(1).join(',')}]`;
    expect(Object.keys(loaded(withFields(`a: ${list}\nb: ${list}`)).extra)).toEqual(['a', 'b']);
  });
});
