import { existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BankFolderError, MAX_QUESTION_FILE_BYTES, readBank, type FileStamp, type ParseCache, type ParsedFile } from '../../../src/core/bank/read.js';
import type { Question } from '../../../src/core/bank/question.js';
import type { TermIndex } from '../../../src/core/search-index.js';
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

describe('readBank: which files it reads, and in what order', () => {
  it('reads .md files of any case in code-point order, skipping hidden files, node_modules, README.md and other names', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', 'dep.md'), question('dep'));
    for (const name of ['c.md', 'B.md', 'a.MD', 'readme.md', 'Readme.MD', '.hidden.md', 'notes.md.txt', 'xmd', 'x.mdx.md']) writeFileSync(join(dir, name), question(name.replace(/\W/g, '')));
    const bank = readBank([dir]);
    expect(bank.problems).toEqual([]);
    expect(bank.questions.map((q) => q.file.slice(dir.length + 1))).toEqual(['B.md', 'a.MD', 'c.md', 'x.mdx.md']);
  });

  it('names each file as path.join would, however the folder is spelled', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'topic'));
    writeFileSync(join(dir, 'topic', 'q.md'), question('q'));
    writeFileSync(join(dir, 'top.md'), question('top'));
    const relativeDir = relative(process.cwd(), dir);
    for (const folder of [dir, `${dir}/`, `${dir}//`, `${dir}/./`, `${dir}/topic/..`, relativeDir, `./${relativeDir}/`, `${relativeDir}/topic/../`]) {
      expect(readBank([folder]).questions.map((q) => q.file)).toEqual([join(folder, 'top.md'), join(folder, 'topic', 'q.md')]);
    }
  });

  it('orders names by UTF-16 code units, whatever order the platform lists them in', () => {
    // Node lists a folder in UTF-8 byte order, where U+FF01 comes before U+1F600; in UTF-16 it comes after.
    const dir = tempDir();
    for (const name of ['\uFF01.md', '\u{1F600}.md', 'z.md', 'A.md']) writeFileSync(join(dir, name), question(`q${[...name][0]!.codePointAt(0)}`));
    expect(readBank([dir]).questions.map((q) => q.file.slice(dir.length + 1))).toEqual(['A.md', 'z.md', '\u{1F600}.md', '\uFF01.md']);
  });

  it('takes a missing id from the file name without its .md, and a missing topic from the folder only below the root', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'vision'));
    const bare = (name: string) => `---\nquestion: What is ${name}?\n---\nAn answer.\n`;
    writeFileSync(join(dir, 'Upper.MD'), bare('upper'));
    writeFileSync(join(dir, 'x.mdx.md'), bare('x'));
    writeFileSync(join(dir, 'vision', 'cnn.md'), bare('cnn'));
    const bank = readBank([dir]);
    expect(bank.questions.map((q) => [q.id, q.topic, q.defaulted.includes('topic')])).toEqual([
      ['Upper', 'general', true],
      ['cnn', 'vision', false],
      ['x.mdx', 'general', true],
    ]);
  });

  it('follows a link to a file or a folder outside the bank, and names a broken link by its path', () => {
    const outside = tempDir();
    mkdirSync(join(outside, 'topic'));
    writeFileSync(join(outside, 'linked.md'), question('linked'));
    writeFileSync(join(outside, 'topic', 'inner.md'), question('inner'));
    const dir = tempDir();
    symlinkSync(join(outside, 'linked.md'), join(dir, 'a.md'));
    symlinkSync(join(outside, 'topic'), join(dir, 'b'));
    symlinkSync(join(outside, 'missing'), join(dir, 'c'));
    const bank = readBank([dir]);
    expect(bank.questions.map((q) => [q.id, q.file])).toEqual([
      ['linked', join(dir, 'a.md')],
      ['inner', join(dir, 'b', 'inner.md')],
    ]);
    expect(bank.problems).toEqual([{ file: join(dir, 'c'), severity: 'error', message: 'is a broken symbolic link; expected it to point to a question file or folder' }]);
  });

  it('skips a link to something that is neither a file nor a folder', () => {
    const dir = tempDir();
    symlinkSync('/dev/null', join(dir, 'device.md'));
    writeFileSync(join(dir, 'q.md'), question('q'));
    const bank = readBank([dir]);
    expect(bank.problems).toEqual([]);
    expect(bank.questions.map((q) => q.id)).toEqual(['q']);
  });

  it('reads a folder reached through a link to one already read once', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q.md'), question('q'));
    const link = join(tempDir(), 'link');
    symlinkSync(dir, link);
    const bank = readBank([dir, link]);
    expect(bank.problems).toEqual([]);
    expect(bank.questions.map((q) => q.file)).toEqual([join(dir, 'q.md')]);
  });
});

describe('readBank: files it refuses', () => {
  it('reads a file of exactly 1 MB, and refuses one byte more', () => {
    const dir = tempDir();
    const head = question('big');
    writeFileSync(join(dir, 'big.md'), head + 'x'.repeat(MAX_QUESTION_FILE_BYTES - head.length));
    writeFileSync(join(dir, 'bigger.md'), head + 'x'.repeat(MAX_QUESTION_FILE_BYTES - head.length + 1));
    const bank = readBank([dir]);
    expect(MAX_QUESTION_FILE_BYTES).toBe(1024 * 1024);
    expect(bank.problems).toEqual([{ file: join(dir, 'bigger.md'), severity: 'error', message: 'the file is 1.0 MB; expected a question file of at most 1 MB' }]);
    expect(bank.questions.map((q) => q.id)).toEqual(['big']);
  });

  it('names a binary file and a file that is not UTF-8 in full', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00]));
    writeFileSync(join(dir, 'b.md'), Buffer.from('---\nquestion: caf\xe9?\n---\n', 'latin1'));
    expect(readBank([dir]).problems).toEqual([
      { file: join(dir, 'a.md'), severity: 'error', message: 'is a binary file; expected a UTF-8 Markdown text file' },
      { file: join(dir, 'b.md'), severity: 'error', message: 'is not valid UTF-8 text; expected a UTF-8 Markdown file (re-save it as UTF-8)' },
    ]);
  });

  it('names the duplicate id, the file that has it first, and what to do', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), question('same'));
    writeFileSync(join(dir, 'b.md'), question('same'));
    const bank = readBank([dir]);
    expect(bank.questions.map((q) => q.file)).toEqual([join(dir, 'a.md')]);
    expect(bank.problems).toEqual([
      { file: join(dir, 'b.md'), severity: 'error', message: `duplicate id "same", already used by ${join(dir, 'a.md')}; ids must be unique across all loaded banks: give one of them another 'id:'` },
    ]);
  });

  it('names the folder and what is wrong with it', () => {
    const missing = join(tempDir(), 'nope');
    const error = (() => {
      try {
        readBank([missing]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(BankFolderError);
    expect(error).toMatchObject({ folder: missing, reason: 'does not exist', message: `bank folder ${JSON.stringify(missing)} does not exist` });
    const file = join(tempDir(), 'file.md');
    writeFileSync(file, question('x'));
    expect(() => readBank([file])).toThrow(`bank folder ${JSON.stringify(file)} is not a folder`);
  });
});

describe('readBank: former ids and derived key terms', () => {
  const write = (dir: string, id: string, front = '', keyTerms = 'key_terms: [answer]\n') => writeFileSync(join(dir, `${id}.md`), `---\nid: ${id}\nquestion: What is ${id}?\ntopic: t\n${keyTerms}${front}---\nThe answer of ${id}.\n`);

  it('keeps every former id no other question has, and changes no question that names none', () => {
    const dir = tempDir();
    write(dir, 'a', 'former_ids: [old-a, older-a]\n');
    write(dir, 'b', 'follow_ups: [a]\n');
    const { questions, problems } = readBank([dir]);
    expect(problems).toEqual([]);
    expect(questions.map((q) => [q.id, q.formerIds, q.followUps])).toEqual([
      ['a', ['old-a', 'older-a'], []],
      ['b', [], ['a']],
    ]);
  });

  it('drops a former id that is a current id from every question that claims it, with a warning for each', () => {
    const dir = tempDir();
    write(dir, 'a', 'former_ids: [c, kept]\n');
    write(dir, 'b', 'former_ids: [c]\n');
    write(dir, 'c');
    const { questions, problems } = readBank([dir]);
    expect(questions.map((q) => [q.id, q.formerIds])).toEqual([
      ['a', ['kept']],
      ['b', []],
      ['c', []],
    ]);
    expect(problems).toEqual([
      { file: join(dir, 'a.md'), severity: 'warning', message: `former id "c" is the id of ${join(dir, 'c.md')}; a former id must no longer be in use` },
      { file: join(dir, 'b.md'), severity: 'warning', message: `former id "c" is the id of ${join(dir, 'c.md')}; a former id must no longer be in use` },
    ]);
  });

  it('drops a former id two questions claim from both, naming the first claimant to the second', () => {
    const dir = tempDir();
    write(dir, 'a', 'former_ids: [old]\n');
    write(dir, 'b', 'former_ids: [old, own]\n');
    write(dir, 'c', 'follow_ups: [old, own]\n');
    const { questions, problems } = readBank([dir]);
    expect(questions.map((q) => [q.id, q.formerIds, q.followUps])).toEqual([
      ['a', [], []],
      ['b', ['own'], []],
      ['c', [], ['old', 'b']],
    ]);
    expect(problems).toEqual([
      { file: join(dir, 'b.md'), severity: 'warning', message: `former id "old" is also claimed by ${join(dir, 'a.md')}; a former id may belong to one question only` },
    ]);
  });

  it('drops a clashing former id also when every question has former ids', () => {
    const dir = tempDir();
    write(dir, 'a', 'former_ids: [old, mine]\n');
    write(dir, 'b', 'former_ids: [old]\n');
    const { questions, problems } = readBank([dir]);
    expect(questions.map((q) => [q.id, q.formerIds])).toEqual([
      ['a', ['mine']],
      ['b', []],
    ]);
    expect(problems.map((p) => p.file)).toEqual([join(dir, 'b.md')]);
  });

  it('leads follow-ups to the new id once, and drops one that now leads back to the question itself', () => {
    const dir = tempDir();
    write(dir, 'a', 'former_ids: [x, y]\nfollow_ups: [x, b]\n');
    write(dir, 'b', 'follow_ups: [x, y, a, z]\n');
    const { questions } = readBank([dir]);
    expect(questions.map((q) => [q.id, q.followUps])).toEqual([
      ['a', ['b']],
      ['b', ['a', 'z']],
    ]);
  });

  it('derives key terms for a question that lists none, and keeps those an author lists', () => {
    const dir = tempDir();
    write(dir, 'listed');
    write(dir, 'bare', '', '');
    const byId = new Map(readBank([dir]).questions.map((q) => [q.id, q]));
    expect(byId.get('listed')).toMatchObject({ keyTermsDerived: false, keyTerms: [{ term: 'answer' }] });
    expect(byId.get('bare')!.keyTermsDerived).toBe(true);
    expect(byId.get('bare')!.keyTerms.length).toBeGreaterThan(0);
  });
});

describe('readBank: progress', () => {
  it('reports each file read, from a cache or parsed, bad ones included, against the files of every folder', () => {
    const a = tempDir();
    const b = tempDir();
    writeFileSync(join(a, 'one.md'), question('one'));
    writeFileSync(join(a, 'two.md'), question('two'));
    writeFileSync(join(b, 'bad.md'), 'no front matter');
    writeFileSync(join(b, 'dup.md'), question('one'));
    const cached = readBank([a]).questions[0]!;
    const calls: Array<[number, number]> = [];
    const cacheFor = (folder: string): ParseCache | undefined =>
      folder === a ? { lookup: (file) => (file === cached.file ? { question: cached, problems: [] } : undefined), store: (_file, _stamp, result) => result } : undefined;
    readBank([a, b, a], { cacheFor, onFileRead: (read, total) => calls.push([read, total]) });
    expect(calls).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it('lists every folder before reading any: a missing folder fails with nothing read', () => {
    const a = tempDir();
    writeFileSync(join(a, 'one.md'), question('one'));
    const read: number[] = [];
    expect(() => readBank([a, join(a, 'missing')], { onFileRead: (count) => read.push(count) })).toThrow(BankFolderError);
    expect(read).toEqual([]);
  });
});

describe('readBank: parse caches', () => {
  type Call = [string, string, FileStamp?];
  function recordingCache(calls: Call[], hits: Record<string, ParsedFile> = {}, index?: (questionOf: (file: string) => Question | undefined) => TermIndex | undefined): ParseCache {
    return {
      lookup: (file, stamp, reparse) => {
        calls.push(['lookup', file, stamp]);
        if (file in hits) return hits[file];
        expect(reparse!().question?.file ?? reparse!().problems[0]?.file).toBe(file);
        return undefined;
      },
      store: (file, stamp, result) => {
        calls.push(['store', file, stamp]);
        expect(result.question?.file ?? result.problems[0]?.file).toBe(file);
        return result;
      },
      ...(index ? { termIndex: index } : {}),
    };
  }

  it('asks the folder\'s cache for each file by its stamp, and stores what it had to parse', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), question('a'));
    writeFileSync(join(dir, 'b.md'), question('b'));
    const calls: Call[] = [];
    const folders: string[] = [];
    const bank = readBank([dir, dir], { cacheFor: (folder) => (folders.push(folder), recordingCache(calls)) });
    expect(folders).toEqual([dir]);
    expect(bank.questions.map((q) => q.id)).toEqual(['a', 'b']);
    const stat = statSync(join(dir, 'a.md'));
    const stamp = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
    // Every file is looked up first (the files left to parse may go to a worker thread), then stored in order.
    expect(calls.map(([what, file]) => [what, file])).toEqual([
      ['lookup', join(dir, 'a.md')],
      ['lookup', join(dir, 'b.md')],
      ['store', join(dir, 'a.md')],
      ['store', join(dir, 'b.md')],
    ]);
    expect(calls[0]![2]).toEqual(stamp);
    expect(calls[2]![2]).toEqual(stamp);
  });

  it('keeps what the cache gives back for a file it stored, and passes it a reparse of that file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), question('a'));
    const cache: ParseCache = {
      lookup: () => undefined,
      store: (_file, _stamp, result, reparse) => {
        expect(reparse!().question?.id).toBe('a');
        return { question: { ...result.question!, id: 'kept-by-cache' }, problems: [] };
      },
    };
    expect(readBank([dir], { cacheFor: () => cache }).questions.map((q) => q.id)).toEqual(['kept-by-cache']);
  });

  it('uses what the cache holds without parsing the file, and stores nothing then', () => {
    const dir = tempDir();
    const file = join(dir, 'a.md');
    writeFileSync(file, question('on-disk'));
    const fromCache = readBank([dir]).questions[0]!;
    const calls: Call[] = [];
    const bank = readBank([dir], { cacheFor: () => recordingCache(calls, { [file]: { question: { ...fromCache, id: 'cached' }, problems: [] } }) });
    expect(bank.questions.map((q) => q.id)).toEqual(['cached']);
    expect(calls.map(([what]) => what)).toEqual(['lookup']);
  });

  it('gives each folder\'s search index the questions that folder loaded, and nothing for a duplicate or a bad file', () => {
    const a = tempDir();
    const b = tempDir();
    writeFileSync(join(a, 'one.md'), question('one'));
    writeFileSync(join(b, 'dup.md'), question('one'));
    writeFileSync(join(b, 'two.md'), question('two'));
    writeFileSync(join(b, 'bad.md'), 'no front matter');
    const seen: Record<string, Array<string | undefined>> = {};
    const indexFor = (folder: string) => (questionOf: (file: string) => Question | undefined) => {
      seen[folder] = [join(a, 'one.md'), join(b, 'dup.md'), join(b, 'two.md'), join(b, 'bad.md')].map((file) => questionOf(file)?.id);
      return { folder } as unknown as TermIndex;
    };
    const bank = readBank([a, b], { cacheFor: (folder) => recordingCache([], {}, indexFor(folder)) });
    expect(seen).toEqual({});
    expect(bank.termIndexes()).toEqual([{ folder: a }, { folder: b }]);
    expect(seen).toEqual({ [a]: ['one', undefined, undefined, undefined], [b]: [undefined, undefined, 'two', undefined] });
  });

  it('gives no search index for a folder without a cache, a cache without indexes, or one with no current index', () => {
    const dirs = [tempDir(), tempDir(), tempDir()];
    for (const dir of dirs) writeFileSync(join(dir, `${dirs.indexOf(dir)}.md`), question(`q${dirs.indexOf(dir)}`));
    const bank = readBank(dirs, { cacheFor: (folder) => (folder === dirs[0] ? undefined : folder === dirs[1] ? recordingCache([]) : recordingCache([], {}, () => undefined)) });
    expect(bank.questions).toHaveLength(3);
    expect(bank.termIndexes()).toEqual([]);
  });

  it('hands the index questions as they were loaded, with follow-ups led to former ids and derived key terms', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), '---\nid: a\nquestion: What is a?\nformer_ids: [old]\n---\nThe answer of a.\n');
    writeFileSync(join(dir, 'b.md'), '---\nid: b\nquestion: What is b?\nfollow_ups: [old]\n---\nThe answer of b.\n');
    let handed: Question | undefined;
    const bank = readBank([dir], { cacheFor: () => recordingCache([], {}, (questionOf) => ((handed = questionOf(join(dir, 'b.md'))), undefined)) });
    bank.termIndexes();
    expect(handed).toBe(bank.questions[1]);
    expect(handed).toMatchObject({ followUps: ['a'], keyTermsDerived: true });
  });
});
