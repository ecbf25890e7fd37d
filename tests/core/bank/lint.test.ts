import { describe, expect, it } from 'vitest';
import { readBank } from '../../../src/core/bank/read.js';
import { lintBank } from '../../../src/core/bank/lint.js';
import { parseQuestion, type Question } from '../../../src/core/bank/question.js';
import { bundledBank, fixture, inMutationRun } from '../../helpers.js';

const messages = (questions: Question[]) => lintBank(questions).map((p) => p.message);

function make(id: string, body: string, frontMatter = 'topic: t\ndifficulty: easy\n'): Question {
  const result = parseQuestion(`---\nid: ${id}\nquestion: Q ${id}?\n${frontMatter}---\n${body}\n`, { file: `${id}.md`, defaultId: id });
  if (!result.question) throw new Error(JSON.stringify(result.problems));
  return result.question;
}

describe('lintBank', () => {
  it('warns about each weakness of the lint fixture, and only as warnings', () => {
    const problems = lintBank(readBank([fixture('lint-bank')]).questions);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.every((p) => p.file.endsWith('weak.md'))).toBe(true);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^no 'difficulty' given, so it defaults to "medium"/),
      expect.stringMatching(/^no core ideas/),
      expect.stringMatching(/^key term "rate" is not heard in the model answer/),
      expect.stringMatching(/^key term "momentum" is not heard in the model answer/),
      expect.stringMatching(/^key terms "learning rate" and "rate" overlap/),
      expect.stringMatching(/^key terms "learning rate" and "step size" share the form "lr"/),
      expect.stringMatching(/^follow_ups names "nowhere", which is not a question id/),
      expect.stringMatching(/^follow_ups lists the question itself/),
    ]);
  });

  it('warns about an empty model answer and a proposed rubric, and checks no proposed term as an author\'s', () => {
    const empty = make('unanswered', '');
    const proposed = make('imported', 'Dropout zeroes random units during training.', 'topic: t\ndifficulty: easy\nrubric: proposed\nkey_terms: [zeroes, momentum]\n');
    expect(messages([empty, proposed])).toEqual([
      expect.stringMatching(/^the model answer is empty, so answers cannot be graded/),
      expect.stringMatching(/^its rubric is still a proposal \(rubric: proposed\): review its key terms/),
    ]);
  });

  it('finds a key term in the answer through an alias, across case and hyphens', () => {
    const q = make('bn', 'Use Batch-Norm layers.', 'topic: t\ndifficulty: easy\nkey_terms: [{term: batch normalization, aliases: [batch norm], core: true}]\n');
    expect(messages([q])).toEqual([]);
  });

  it('warns about a key term that most answers of a large enough bank contain', () => {
    const questions = Array.from({ length: 10 }, (_, i) =>
      make(`q${i}`, `The network learns thing${i}.`, `topic: t\ndifficulty: easy\nkey_terms: [{term: network, core: true}, {term: thing${i}, core: true}]\n`),
    );
    const found = messages(questions);
    expect(found.filter((m) => m.includes('"network" appears in 10 of 10 answers'))).toHaveLength(10);
    expect(found.some((m) => m.includes('thing'))).toBe(false);
    expect(messages(questions.slice(0, 9))).toEqual([]);
  });

  it('takes the topic from the folder without a warning, and warns only at the bank root', () => {
    const inFolder = parseQuestion('---\nquestion: Why?\ndifficulty: easy\n---\nBecause.\n', { file: 'b/training/x.md', defaultId: 'x', defaultTopic: 'training' }).question!;
    expect(inFolder.topic).toBe('training');
    expect(messages([inFolder])).toEqual([]);
    const atRoot = parseQuestion('---\nquestion: Why?\ndifficulty: easy\n---\nBecause.\n', { file: 'b/x.md', defaultId: 'x' }).question!;
    expect(messages([atRoot])).toEqual([expect.stringMatching(/^no 'topic' given and the file is at the bank's root, so it defaults to "general"/)]);
  });

  it('warns about a bold line-heading run into the paragraph above, at its line of the file', () => {
    const q = make('relu', 'A dead unit never recovers.\n**Causes**\n- a large learning rate\n\n**Remedies**: Leaky ReLU.');
    expect(lintBank([q])).toEqual([
      { file: 'relu.md', line: 8, severity: 'warning', message: 'the bold heading "**Causes**" stands directly under a line of text, so Markdown runs it into that paragraph; expected a blank line before it' },
    ]);
  });

  // Linting 160 rubrics grades every model answer: slow on a loaded machine, so a long timeout.
  it.skipIf(inMutationRun)('passes the bundled bank with no warnings', () => {
    expect(lintBank(readBank([bundledBank]).questions).map((p) => `${p.file}: ${p.message}`)).toEqual([]);
  }, 120_000);
});

describe('lintBank: look-alike ids', () => {
  it('warns about an id spelled with letters of another script that looks like an id already loaded', () => {
    const latin = make('adam', 'Adam keeps moving averages.', 'topic: t\ndifficulty: easy\nkey_terms: [{term: moving averages, core: true}]\n');
    const cyrillic = make('\u0430dam', 'Adam keeps moving averages.', 'topic: t\ndifficulty: easy\nkey_terms: [{term: moving averages, core: true}]\n');
    expect(messages([latin, cyrillic])).toEqual([expect.stringMatching(/^id "аdam" looks like "adam" \(adam\.md\) but is spelled with other characters/)]);
    expect(messages([latin])).toEqual([]);
  });
});

describe('lintBank: deep nesting', () => {
  it('names a model answer nested too deeply to render in full', () => {
    const deep = make('deep', `${'> '.repeat(40)}deep quote`, 'topic: t\ndifficulty: easy\n');
    expect(messages([deep])).toEqual([expect.stringMatching(/^the model answer nests block quotes or lists more than 16 levels deep/)]);
  });
});
