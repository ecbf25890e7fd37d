import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BankFolderError, readBank } from '../../../src/core/bank/read.js';
import { bundledBank, fixture, tempDir } from '../../helpers.js';

const question = (id: string, extra = '') => `---\nid: ${id}\nquestion: What is ${id}?\n${extra}---\nIt is ${id}.\n`;

describe('readBank', () => {
  it('loads the good files of a hostile bank and reports each bad one once, by file', () => {
    const folder = fixture('hostile-bank');
    const bank = readBank([folder]);
    expect(bank.questions.map((q) => q.id).sort()).toEqual(['bom-crlf', 'control-sequences', 'good-question', 'same-id']);
    const byFile = Object.fromEntries(bank.problems.map((p) => [p.file.slice(folder.length + 1), p.message]));
    expect(Object.keys(byFile).sort()).toEqual([
      'bad-yaml.md',
      'binary.md',
      'empty.md',
      'javascript-upper.md',
      'js-front-matter.md',
      'key-terms-mapping.md',
      'missing-question.md',
      'no-front-matter.md',
      'not-utf8.md',
      'question-number.md',
      'sub/dup-b.md',
      'tags-string.md',
    ]);
    expect(byFile['not-utf8.md']).toMatch(/not valid UTF-8/);
    expect(byFile['binary.md']).toMatch(/binary file/);
    expect(byFile['sub/dup-b.md']).toMatch(/duplicate id "same-id", already used by .*dup-a\.md/);
    expect(bank.problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('never runs JavaScript front matter', () => {
    const marker = join(tempDir(), 'pwned');
    process.env.NNQUIZ_PWNED_FILE = marker;
    try {
      readBank([fixture('hostile-bank')]);
    } finally {
      delete process.env.NNQUIZ_PWNED_FILE;
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('names both files when two banks share an id', () => {
    const a = tempDir();
    const b = tempDir();
    writeFileSync(join(a, 'one.md'), question('shared'));
    writeFileSync(join(b, 'two.md'), question('shared'));
    const bank = readBank([a, b]);
    expect(bank.questions).toHaveLength(1);
    expect(bank.problems[0]?.file).toBe(join(b, 'two.md'));
    expect(bank.problems[0]?.message).toContain(join(a, 'one.md'));
  });

  it('takes the topic from the parent folder and skips README.md and hidden folders', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'optimization', 'deep'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'optimization', 'adam.md'), question('adam'));
    writeFileSync(join(dir, 'optimization', 'deep', 'sgd.md'), question('sgd'));
    writeFileSync(join(dir, 'README.md'), '# My bank\n');
    writeFileSync(join(dir, '.git', 'x.md'), 'not a question');
    writeFileSync(join(dir, 'notes.txt'), 'not markdown');
    const bank = readBank([dir]);
    expect(bank.problems).toEqual([]);
    expect(bank.questions.map((q) => [q.id, q.topic])).toEqual([
      ['adam', 'optimization'],
      ['sgd', 'deep'],
    ]);
  });

  it('refuses a file over 1 MB without reading it whole', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'huge.md'), question('huge') + 'x'.repeat(2 * 1024 * 1024));
    writeFileSync(join(dir, 'small.md'), question('small'));
    const bank = readBank([dir]);
    expect(bank.questions.map((q) => q.id)).toEqual(['small']);
    expect(bank.problems[0]?.message).toMatch(/the file is 2\.0 MB; expected a question file of at most 1 MB/);
  });

  it('survives a symbolic link loop and reports a broken link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'topic'));
    writeFileSync(join(dir, 'topic', 'q.md'), question('q'));
    symlinkSync(dir, join(dir, 'topic', 'loop'));
    symlinkSync(join(dir, 'missing.md'), join(dir, 'broken.md'));
    const bank = readBank([dir]);
    expect(bank.questions.map((q) => q.id)).toEqual(['q']);
    expect(bank.problems.map((p) => p.message)).toEqual([expect.stringMatching(/broken symbolic link/)]);
  });

  it('throws a BankFolderError for a missing folder or a file given as a folder', () => {
    expect(() => readBank([join(tempDir(), 'nope')])).toThrow(BankFolderError);
    const dir = tempDir();
    writeFileSync(join(dir, 'file.md'), question('x'));
    expect(() => readBank([join(dir, 'file.md')])).toThrow(/is not a folder/);
  });

  it('loads the bundled bank without a problem', () => {
    const bank = readBank([bundledBank]);
    expect(bank.problems).toEqual([]);
    expect(bank.questions.length).toBeGreaterThanOrEqual(65);
    for (const q of bank.questions) expect(q.keyTerms.length, q.id).toBeGreaterThanOrEqual(3);
  });
});

describe('readBank: one folder reached twice', () => {
  it('reads a folder named twice, or a folder inside one already read, once, with no duplicate ids', () => {
    const bank = tempDir();
    mkdirSync(join(bank, 'topic'));
    writeFileSync(join(bank, 'topic', 'q.md'), '---\nid: q\nquestion: What is q?\n---\nAn answer.\n');
    for (const folders of [[bank, `${bank}/`], [bank, join(bank, 'topic')]]) {
      const read = readBank(folders);
      expect(read.problems).toEqual([]);
      expect(read.questions.map((q) => q.id)).toEqual(['q']);
    }
  });
});

describe('readBank: former ids of merged questions', () => {
  const file = (dir: string, name: string, front: string) => writeFileSync(join(dir, `${name}.md`), `---\nquestion: What is the ${name} question about?\ntopic: t\n${front}---\nBody of ${name}.\n`);

  it('keeps former ids, leads follow-ups naming one to the question that holds it, and reports clashes', () => {
    const dir = tempDir();
    file(dir, 'merged', 'former_ids: [old, shared]\n');
    file(dir, 'other', 'former_ids: [shared, merged]\nfollow_ups: [old]\n');
    const { questions, problems } = readBank([dir]);
    const byId = new Map(questions.map((q) => [q.id, q]));
    expect(byId.get('merged')!.formerIds).toEqual(['old']);
    expect(byId.get('other')!.formerIds).toEqual([]);
    expect(byId.get('other')!.followUps).toEqual(['merged']);
    expect(problems.map((p) => [p.severity, p.message.replace(dir, 'DIR')])).toEqual(
      expect.arrayContaining([
        ['warning', expect.stringMatching(/^former id "shared" is also claimed by .*merged\.md; a former id may belong to one question only$/)],
        ['warning', expect.stringMatching(/^former id "merged" is the id of .*merged\.md; a former id must no longer be in use$/)],
      ]),
    );
  });
});
