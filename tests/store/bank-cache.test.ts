import fs, { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readBank, type FileStamp, type ParsedFile } from '../../src/core/bank/read.js';
import { keyTermCount, parseQuestion, withChanges, type Question } from '../../src/core/bank/question.js';
import { indexQuestions, type Posting } from '../../src/core/search-index.js';
import { searchQuestions } from '../../src/core/search.js';
import { asciiJson, BankCache } from '../../src/store/bank-cache.js';
import { tempDir } from '../helpers.js';

const file = 'q.md';
const parsed = (question: string): ParsedFile => {
  const result = parseQuestion(`---\nquestion: ${question}\n---\nAn answer.\n`, { file, defaultId: 'q' });
  return result as ParsedFile;
};
const stamp: FileStamp = { size: 40, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 7 };

/** A cache saved at `cachedAt` and read back by a new process at `readAt`. */
function roundTrip(cachedAt: number, readAt: number, lookupStamp = stamp) {
  const dir = tempDir();
  const bank = tempDir();
  const first = new BankCache(join(dir, 'cache'), '1.0.0', () => cachedAt);
  first.forFolder(bank)!.store(file, stamp, parsed('What is dropout?'));
  first.save();
  const second = new BankCache(join(dir, 'cache'), '1.0.0', () => readAt);
  return second.forFolder(bank)!.lookup(file, lookupStamp);
}

describe('BankCache', () => {
  it('serves a parse for the very same stamp of a file that had settled before it was cached', () => {
    expect(roundTrip(stamp.mtimeMs + 5_000, stamp.mtimeMs + 60_000)?.question?.question).toBe('What is dropout?');
  });

  it('never serves an entry made within two seconds of the file changing: an edit in that second keeps the stamp', () => {
    expect(roundTrip(stamp.mtimeMs + 500, stamp.mtimeMs + 60_000)).toBeUndefined();
  });

  it('misses when any part of the stamp differs', () => {
    for (const changed of [{ size: 41 }, { mtimeMs: stamp.mtimeMs + 1 }, { ctimeMs: stamp.ctimeMs + 1 }, { ino: 8 }]) {
      expect(roundTrip(stamp.mtimeMs + 5_000, stamp.mtimeMs + 60_000, { ...stamp, ...changed })).toBeUndefined();
    }
  });

  it('ignores a cache written by another version', () => {
    const dir = tempDir();
    const bank = tempDir();
    const old = new BankCache(join(dir, 'cache'), '0.9.0', () => stamp.mtimeMs + 5_000);
    old.forFolder(bank)!.store(file, stamp, parsed('What is dropout?'));
    old.save();
    expect(new BankCache(join(dir, 'cache'), '1.0.0').forFolder(bank)!.lookup(file, stamp)).toBeUndefined();
  });
});

describe('BankCache with a bank on disk', () => {
  const later = () => Date.now() + 60_000;
  const file = (id: string, extra = '', body = `It is ${id}, which regularises a network.`) =>
    `---\nid: ${id}\nquestion: What is ${id}?\ntags: [t1, t2]\nkey_terms:\n  - term: ${id} idea\n    aliases: [${id} notion]\n  - regularises\nmisconceptions:\n  - claim: ${id} is magic\n    why: it is not\n${extra}---\n${body}\n`;

  function bankOf(files: Record<string, string>): string {
    const bank = tempDir();
    for (const [name, text] of Object.entries(files)) writeFileSync(join(bank, name), text);
    return bank;
  }
  /** Reads the bank through a cache in `data`, as one run of nnquiz does, and saves the cache. */
  function run(bank: string, data: string) {
    const cache = new BankCache(join(data, 'cache'), '1.0.0', later);
    const result = readBank([bank], { cacheFor: cache.forFolder });
    cache.save();
    return result;
  }
  const plain = (questions: Question[]) => questions.map((q) => withChanges(q, {}));
  const cacheFiles = (data: string) => readdirSync(join(data, 'cache')).sort();
  const manifestOf = (data: string) => join(data, 'cache', cacheFiles(data).find((f) => f.endsWith('.json'))!);
  /** The manifest's words (one a line) and where each one's postings stand (offset, length), as stored. */
  interface StoredWords {
    vocabulary: string;
    wordAt: Array<number | string>;
  }
  const positionOf = (manifest: StoredWords, word: string) => manifest.vocabulary.split('\n').indexOf(word);
  const storedAt = (manifest: StoredWords, word: string) => manifest.wordAt.slice(2 * positionOf(manifest, word), 2 * positionOf(manifest, word) + 2) as [number, number];
  const dataFileOf = (data: string) => join(data, 'cache', cacheFiles(data).find((f) => f.endsWith('.data'))!);

  it('gives back every field of every question, the body read only when first used', () => {
    const bank = bankOf({ 'a.md': file('alpha', 'difficulty: hard\nfollow_ups: [beta]\nanswer_style: long\n'), 'b.md': file('beta'), 'bad.md': 'no front matter\n' });
    const data = tempDir();
    const first = run(bank, data);
    const second = run(bank, data);
    expect(plain(second.questions)).toEqual(plain(first.questions));
    expect(second.problems).toEqual(first.problems);
    expect(JSON.parse(JSON.stringify(second.questions))).toEqual(JSON.parse(JSON.stringify(first.questions)));
    expect(second.questions[0]!.extra).toEqual({ answer_style: 'long' });
  });

  it('keeps of a file it parses only the short fields, reading the body back from the data file it is writing, before and after the save', () => {
    const bank = bankOf({ 'a.md': file('alpha', 'answer_style: long\n'), 'b.md': file('beta', '', `${'Ωμέγα text. '.repeat(40_000)}End.`), 'bad.md': 'no front matter\n' });
    const uncached = readBank([bank]);
    const data = tempDir();
    const cache = new BankCache(join(data, 'cache'), '1.0.0', later);
    const reparse = vi.fn(() => ({ problems: [] }));
    const stored = ['a.md', 'b.md', 'bad.md'].map((name) => {
      const path = join(bank, name);
      const s = statSync(path);
      const parse = parseQuestion(readFileSync(path, 'utf8'), { file: path, defaultId: name.replace('.md', '') }) as ParsedFile;
      const kept = cache.forFolder(bank)!.store(path, { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino }, parse, reparse);
      if (parse.question) expect(kept.question).not.toBe(parse.question);
      else expect(kept).toBe(parse);
      return kept;
    });
    // The second body (680 KB, 1.5 MB escaped) is larger than a write: read back before the data file is complete.
    expect(stored[1]!.question!.answer).toBe(uncached.questions[1]!.answer);
    // The first is still in the buffer of the next write.
    expect(stored[0]!.question!.extra).toEqual({ answer_style: 'long' });
    cache.save();
    expect(plain(stored.flatMap((r) => (r.question ? [r.question] : [])))).toEqual(plain(uncached.questions));
    expect(stored[2]!.problems).toEqual(uncached.problems);
    expect(reparse).not.toHaveBeenCalled();
    expect(cacheFiles(data)).toHaveLength(2);
  });

  describe('on a full disk', () => {
    // Every write to a data file fails, as on a full disk; the other files are written.
    const realWriteSync = fs.writeSync;
    const realOpenSync = fs.openSync;
    const dataFiles = new Set<number>();
    beforeEach(() => {
      fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
        const fd = (realOpenSync as (...args: unknown[]) => number)(path, ...rest);
        if (String(path).endsWith('.data')) dataFiles.add(fd);
        return fd;
      }) as typeof fs.openSync;
      fs.writeSync = ((fd: number, ...rest: unknown[]) => {
        if (dataFiles.has(fd)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return (realWriteSync as (...args: unknown[]) => number)(fd, ...rest);
      }) as typeof fs.writeSync;
      syncBuiltinESMExports();
    });
    afterEach(() => {
      fs.openSync = realOpenSync;
      fs.writeSync = realWriteSync;
      syncBuiltinESMExports();
    });

    function storeOne(body: string) {
      const bank = bankOf({ 'a.md': file('alpha', '', body) });
      const path = join(bank, 'a.md');
      const s = statSync(path);
      const parse = parseQuestion(readFileSync(path, 'utf8'), { file: path, defaultId: 'a' }) as ParsedFile;
      const reparse = vi.fn(() => parse);
      const data = tempDir();
      const cache = new BankCache(join(data, 'cache'), '1.0.0', later);
      const kept = cache.forFolder(bank)!.store(path, { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino }, parse, reparse);
      return { parse, kept, reparse, cache, data };
    }

    it('keeps a body it could not write in the question itself, and saves nothing', () => {
      // Larger than a write, so written at once: the failure is known when the file is stored.
      const { parse, kept, cache, data } = storeOne(`${'Ωμέγα text. '.repeat(40_000)}End.`);
      expect(kept).toBe(parse);
      cache.save();
      expect(cacheFiles(data)).toEqual([]);
    });

    it('reads a body it could not write from its file again, and saves nothing', () => {
      // Short, so kept in the buffer: the failure is known when the buffer is written, at the save.
      const { parse, kept, reparse, cache, data } = storeOne('A short answer.');
      expect(kept.question).not.toBe(parse.question);
      cache.save();
      expect(cacheFiles(data)).toEqual([]);
      expect(kept.question!.answer).toBe('A short answer.');
      expect(reparse).toHaveBeenCalledTimes(1);
    });
  });

  it('knows how many key terms a question has without reading its body, and reads it from the cache, not the file', () => {
    const bank = bankOf({ 'a.md': file('alpha') });
    const data = tempDir();
    run(bank, data);
    const cache = new BankCache(join(data, 'cache'), '1.0.0', later);
    const folder = cache.forFolder(bank)!;
    const stats = statSync(join(bank, 'a.md'));
    const stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
    const reparse = vi.fn(() => ({ problems: [] }));
    const question = folder.lookup(join(bank, 'a.md'), stamp, reparse)!.question!;
    expect(keyTermCount(question)).toBe(2);
    expect(question.keyTerms.map((k) => k.term)).toEqual(['alpha idea', 'regularises']);
    expect(question.misconceptions[0]!.claim).toBe('alpha is magic');
    expect(reparse).not.toHaveBeenCalled();
  });

  it('parses the file afresh when a body in the data file was tampered with', () => {
    const bank = bankOf({ 'a.md': file('alpha') });
    const data = tempDir();
    run(bank, data);
    const text = readFileSync(dataFileOf(data), 'utf8');
    // The same length in bytes (an escape sequence for a colour in place of ' which'), so that the body read is the edited one, whole.
    writeFileSync(dataFileOf(data), text.replace(' which regularises', '\\u001b[31m regular'));
    const [question] = run(bank, data).questions;
    expect(question!.answer).toBe('It is alpha, which regularises a network.');
  });

  it.each([
    ['an escaped control character', (text: string) => text.replace('What is alpha?', 'What is \\u001b]52;c;aGk=\\u0007alpha?')],
    ['a raw C1 control', (text: string) => text.replace('What is alpha?', 'What is \u009balpha?')],
    ['a bidi override', (text: string) => text.replace('What is alpha?', 'What is \u202ealpha?')],
    ['an escaped carriage return', (text: string) => text.replace('What is alpha?', 'What is\\ralpha?')],
  ])('ignores a manifest holding %s, and parses the files instead', (_, tamper) => {
    const bank = bankOf({ 'a.md': file('alpha') });
    const data = tempDir();
    run(bank, data);
    writeFileSync(manifestOf(data), tamper(readFileSync(manifestOf(data), 'utf8')));
    const cache = new BankCache(join(data, 'cache'), '1.0.0', later);
    const folder = cache.forFolder(bank)!;
    const stats = statSync(join(bank, 'a.md'));
    expect(folder.lookup(join(bank, 'a.md'), { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino })).toBeUndefined();
    expect(run(bank, data).questions[0]!.question).toBe('What is alpha?');
  });

  it('accepts text that only spells an escape: a backslash followed by u001b', () => {
    const bank = bankOf({ 'a.md': file('alpha', '', 'Colours start with \\u001b in C source.') });
    const data = tempDir();
    run(bank, data);
    const cache = new BankCache(join(data, 'cache'), '1.0.0', later);
    const folder = cache.forFolder(bank)!;
    const stats = statSync(join(bank, 'a.md'));
    const question = folder.lookup(join(bank, 'a.md'), { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino }, () => ({ problems: [] }))!.question!;
    expect(question.answer).toBe('Colours start with \\u001b in C source.');
  });

  it('writes its manifest and data file in ASCII alone and serves text in any script as it was parsed', () => {
    const bank = bankOf({ 'a.md': '---\nid: grec\nquestion: "Qu\'est-ce que β₁, 正则化 ou 🙂 ?"\ntopic: régularisation\ntags: [naïve, Ω]\nkey_terms: [{ term: "∇ loss", aliases: [gradient, градиент] }]\n---\nÉlan — ∇ loss, 🙂 градиент.\n' });
    const data = tempDir();
    const first = run(bank, data);
    expect(readFileSync(manifestOf(data), 'utf8')).toMatch(/^[\x20-\x7e]*$/);
    expect(readFileSync(dataFileOf(data), 'utf8')).toMatch(/^[\x20-\x7e]*$/);
    const second = run(bank, data);
    expect(plain(second.questions)).toEqual(plain(first.questions));
    expect(second.questions[0]!.question).toBe("Qu'est-ce que β₁, 正则化 ou 🙂 ?");
    expect(second.questions[0]!.tags).toEqual(['naïve', 'Ω']);
    expect(second.questions[0]!.answer).toBe('Élan — ∇ loss, 🙂 градиент.');
    expect(second.questions[0]!.keyTerms[0]!.aliases).toEqual(['gradient', 'градиент']);
  });

  it('parses the file afresh when its body in the data file was edited to hold raw UTF-8 that reads as a C1 control', () => {
    const bank = bankOf({ 'a.md': file('alpha') });
    const data = tempDir();
    run(bank, data);
    // Ā is bytes C4 80: read a byte a character, its second byte is the control U+0080. The edit keeps
    // the body's length in bytes, so that the body read is the edited one, whole.
    writeFileSync(dataFileOf(data), readFileSync(dataFileOf(data), 'utf8').replace('It is alpha', 'It is Āpha'));
    const again = run(bank, data);
    expect(again.questions[0]!.answer).toBe('It is alpha, which regularises a network.');
  });

  // A right-to-left override is refused however it is read; Ā (bytes C4 80) is refused because the manifest is read as
  // Latin-1, where its second byte is the C1 control U+0080: read as UTF-8 it would be served.
  it.each([['a right-to-left override', '\u202E'], ['Ā', 'Ā']])('refuses a manifest edited to hold raw UTF-8 that reads as a C1 control (%s) and serves the files as parsed', (_what, char) => {
    const bank = bankOf({ 'a.md': file('alpha') });
    const data = tempDir();
    run(bank, data);
    const manifest = manifestOf(data);
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('What is alpha?', `What is ${char}alpha?`));
    const again = run(bank, data);
    expect(again.questions[0]!.question).toBe('What is alpha?');
  });

  it.each([
    ['plain ASCII', { a: 'x', n: [1, 2] }, '{"a":"x","n":[1,2]}'],
    ['accents and symbols', 'é—∇', '"\\u00e9\\u2014\\u2207"'],
    ['a character outside the basic plane, as its surrogate pair', '🙂', '"\\ud83d\\ude42"'],
  ])('asciiJson escapes %s', (_what, value, text) => {
    expect(asciiJson(value)).toBe(text);
    expect(JSON.parse(asciiJson(value))).toEqual(value);
  });

  it('keeps a search index that finds what an index built from the questions finds', () => {
    const bank = bankOf({ 'a.md': file('alpha'), 'b.md': file('beta'), 'c.md': file('gamma', '', 'Dropout drops units; dropout again.') });
    const data = tempDir();
    run(bank, data);
    const loaded = run(bank, data);
    expect(loaded.termIndexes()).toHaveLength(1);
    const [stored] = loaded.termIndexes();
    const built = indexQuestions(loaded.questions);
    expect(stored!.size).toBe(3);
    expect(stored!.totalLengths).toEqual(built.totalLengths);
    expect(stored!.vocabulary().split('\n').sort()).toEqual(built.vocabulary().split('\n').sort());
    for (const word of ['dropout', 'alpha', 'regularises', 't1', 'what']) {
      const byId = (postings: readonly Posting[]) => postings.map((p) => [p.question.id, p.counts]).sort();
      expect(byId(stored!.postings(word))).toEqual(byId(built.postings(word)));
    }
    expect(searchQuestions(loaded.questions, 'dropout', 10, undefined, stored)).toEqual(searchQuestions(loaded.questions, 'dropout'));
  });

  it('updates the index where files changed, were added or removed, in that run and the next, keeping one data file', () => {
    const bank = bankOf({ 'a.md': file('alpha'), 'b.md': file('beta'), 'c.md': file('gamma') });
    const data = tempDir();
    run(bank, data);
    writeFileSync(join(bank, 'b.md'), file('beta', '', 'Now about attention heads.'));
    rmSync(join(bank, 'c.md'));
    writeFileSync(join(bank, 'd.md'), file('delta', '', 'Attention again.'));
    for (const loaded of [run(bank, data), run(bank, data)]) {
      expect(loaded.termIndexes()).toHaveLength(1);
      const ids = (word: string) => loaded.termIndexes()[0]!.postings(word).map((p) => p.question.id).sort();
      expect(ids('attention')).toEqual(['beta', 'delta']);
      expect(ids('gamma')).toEqual([]);
      expect(ids('alpha')).toEqual(['alpha']);
      expect(loaded.termIndexes()[0]!.size).toBe(3);
      expect(plain(loaded.questions).map((q) => q.answer)).toEqual(['It is alpha, which regularises a network.', 'Now about attention heads.', 'Attention again.']);
    }
    expect(cacheFiles(data).filter((f) => f.endsWith('.data'))).toHaveLength(1);
  });

  it('reads back every body and posting of a data file written in several pieces (over a megabyte)', () => {
    // Each answer is some 700 KB of distinct words, so the save writes the data file in several
    // writes; the non-ASCII words are escaped, so offsets count the escapes.
    const answerOf = (id: string) => `${Array.from({ length: 70_000 }, (_, i) => `${id}${i % 7_000}`).join(' ')} — naïve β₁`;
    // A 700 KB file of Chinese is a body of 1.3 MB once escaped into ASCII: larger than a write.
    const chinese = '正则 '.repeat(100_000).trim();
    const bank = bankOf({ 'a.md': file('alpha', '', answerOf('alpha')), 'b.md': file('beta', '', answerOf('beta')), 'c.md': file('gamma', '', answerOf('gamma')), 'd.md': file('delta', '', chinese) });
    const data = tempDir();
    run(bank, data);
    expect(statSync(dataFileOf(data)).size).toBeGreaterThan(3 * 1024 * 1024);
    const loaded = run(bank, data);
    expect(plain(loaded.questions).map((q) => q.answer)).toEqual([answerOf('alpha'), answerOf('beta'), answerOf('gamma'), chinese]);
    const [index] = loaded.termIndexes();
    for (const [id, word] of [['alpha', 'alpha6999'], ['beta', 'beta0'], ['gamma', 'gamma3500']] as const) {
      expect(index!.postings(word).map((p) => [p.question.id, p.counts[5]])).toEqual([[id, 10]]);
    }
  });

  it('rebuilds the index whole when stored postings were tampered with', () => {
    const bank = bankOf({ 'a.md': file('alpha'), 'b.md': file('beta') });
    const data = tempDir();
    run(bank, data);
    const manifest = JSON.parse(readFileSync(manifestOf(data), 'utf8')) as StoredWords;
    const [offset, length] = storedAt(manifest, 'alpha');
    expect(length).toBeGreaterThan(2);
    const bytes = readFileSync(dataFileOf(data));
    bytes.fill(' '.charCodeAt(0), offset, offset + length);
    bytes.write('"x"', offset);
    writeFileSync(dataFileOf(data), bytes);
    const tampered = run(bank, data);
    expect(tampered.termIndexes()[0]!.postings('alpha')).toEqual([]);
    writeFileSync(join(bank, 'b.md'), file('beta', '', 'Changed.'));
    run(bank, data);
    expect(run(bank, data).termIndexes()[0]!.postings('alpha').map((p) => p.question.id)).toEqual(['alpha']);
  });
  it('rewrites nothing in a run where nothing changed', () => {
    const bank = bankOf({ 'a.md': file('alpha') });
    const data = tempDir();
    run(bank, data);
    const before = cacheFiles(data);
    const manifest = readFileSync(manifestOf(data), 'utf8');
    run(bank, data);
    expect(cacheFiles(data)).toEqual(before);
    expect(readFileSync(manifestOf(data), 'utf8')).toBe(manifest);
  });

  it('serves a folder named another way (a link to it, a relative path, a trailing separator) from the same entries, with its files named as this run names them', () => {
    const bank = bankOf({ 'a.md': file('alpha'), 'b.md': file('beta') });
    mkdirSync(join(bank, 'deeper'));
    writeFileSync(join(bank, 'deeper', 'c.md'), file('gamma'));
    const data = tempDir();
    run(bank, data);
    const manifest = readFileSync(manifestOf(data), 'utf8');
    const link = join(tempDir(), 'link');
    symlinkSync(bank, link);
    for (const name of [link, relative(process.cwd(), bank), `${bank}${sep}`]) {
      const cache = new BankCache(join(data, 'cache'), '1.0.0', later);
      const folder = cache.forFolder(name)!;
      const stored = vi.spyOn(folder, 'store');
      const { questions, termIndexes } = readBank([name], { cacheFor: () => folder });
      cache.save();
      // Nothing parsed again, nothing rewritten: every file was found under its path within the folder.
      expect(stored).not.toHaveBeenCalled();
      expect(readFileSync(manifestOf(data), 'utf8')).toBe(manifest);
      expect(questions.map((q) => q.file)).toEqual([join(name, 'a.md'), join(name, 'b.md'), join(name, 'deeper', 'c.md')]);
      // The stored index maps its entries back to this run's questions.
      expect(termIndexes()[0]!.postings('gamma').map((p) => p.question.id)).toEqual(['gamma']);
    }
  });

  it('finds every entry whatever order its files are looked up in', () => {
    const bank = bankOf({ 'a.md': file('alpha'), 'b.md': file('beta'), 'c.md': file('gamma') });
    const data = tempDir();
    run(bank, data);
    const stampOf = (name: string) => {
      const s = statSync(join(bank, name));
      return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
    };
    for (const order of [['c.md', 'b.md', 'a.md'], ['b.md', 'c.md', 'a.md'], ['a.md', 'c.md', 'b.md', 'a.md']]) {
      const folder = new BankCache(join(data, 'cache'), '1.0.0', later).forFolder(bank)!;
      expect(order.map((name) => folder.lookup(join(bank, name), stampOf(name))?.question?.id)).toEqual(order.map((name) => ({ 'a.md': 'alpha', 'b.md': 'beta', 'c.md': 'gamma' })[name]));
    }
  });

  it('keeps the bodies and postings of unchanged files through an incremental save, read from the new data file', () => {
    const bank = bankOf({ 'a.md': file('alpha'), 'b.md': file('beta'), 'c.md': file('gamma') });
    const data = tempDir();
    run(bank, data);
    rmSync(join(bank, 'b.md'));
    writeFileSync(join(bank, 'd.md'), file('delta'));
    run(bank, data);
    const cache = new BankCache(join(data, 'cache'), '1.0.0', later);
    const loaded = readBank([bank], { cacheFor: cache.forFolder });
    const [index] = loaded.termIndexes();
    expect(index!.postings('what').map((p) => p.question.id).sort()).toEqual(['alpha', 'delta', 'gamma']);
    expect(index!.postings('beta')).toEqual([]);
    const folder = new BankCache(join(data, 'cache'), '1.0.0', later).forFolder(bank)!;
    const s = statSync(join(bank, 'a.md'));
    const reparse = vi.fn(() => ({ problems: [] }) as ParsedFile);
    expect(folder.lookup(join(bank, 'a.md'), { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino }, reparse)!.question!.answer).toBe('It is alpha, which regularises a network.');
    expect(reparse).not.toHaveBeenCalled();
  });

  it('trusts an entry made exactly two seconds after its file last changed, and not one made sooner', () => {
    const dir = tempDir();
    const bank = tempDir();
    const at = (cachedAt: number, readAt: number) => {
      const first = new BankCache(join(dir, `cache-${cachedAt}`), '1.0.0', () => cachedAt);
      first.forFolder(bank)!.store('q.md', stamp, parsed('What is dropout?'));
      first.save();
      return new BankCache(join(dir, `cache-${cachedAt}`), '1.0.0', () => readAt).forFolder(bank)!.lookup('q.md', stamp);
    };
    expect(at(stamp.mtimeMs + 2_000, stamp.mtimeMs + 9_000)).toBeDefined();
    expect(at(stamp.mtimeMs + 1_999, stamp.mtimeMs + 9_000)).toBeUndefined();
    expect(at(stamp.ctimeMs + 2_000, stamp.mtimeMs + 9_000)).toBeDefined();
  });

  it('keeps no index for a folder with a question whose key terms are derived, which the index does not hold', () => {
    const bank = bankOf({ 'a.md': file('alpha'), 'n.md': '---\nid: plain\nquestion: What is plain?\n---\nPlain words about dropout.\n' });
    const data = tempDir();
    run(bank, data);
    expect(run(bank, data).termIndexes()).toEqual([]);
  });

  it.each([
    ['an empty word at the end', (m: StoredWords) => ((m.vocabulary += '\n'), m.wordAt.push(...m.wordAt.slice(0, 2)))],
    ['an empty word at the start', (m: StoredWords) => ((m.vocabulary = `\n${m.vocabulary}`), m.wordAt.unshift(...m.wordAt.slice(0, 2)))],
    ['an empty word between two', (m: StoredWords) => ((m.vocabulary = m.vocabulary.replace('\n', '\n\n')), m.wordAt.push(...m.wordAt.slice(0, 2)))],
    ['a word more than it has offsets for', (m: StoredWords) => (m.vocabulary += '\nextra')],
    ['offsets for a word more than it has', (m: StoredWords) => m.wordAt.push(...m.wordAt.slice(0, 2))],
    ['an odd number of offsets', (m: StoredWords) => m.wordAt.push(0)],
  ])('keeps no index from a manifest with %s', (_, change) => {
    const bank = bankOf({ 'a.md': file('alpha') });
    const data = tempDir();
    run(bank, data);
    expect(run(bank, data).termIndexes()).toHaveLength(1);
    const manifest = JSON.parse(readFileSync(manifestOf(data), 'utf8')) as StoredWords;
    change(manifest);
    writeFileSync(manifestOf(data), JSON.stringify(manifest));
    const loaded = run(bank, data);
    expect(loaded.termIndexes()).toEqual([]);
    // The questions themselves are served: only the index is refused.
    expect(plain(loaded.questions).map((q) => q.answer)).toEqual(['It is alpha, which regularises a network.']);
  });

  it.each([
    ['a negative offset', -1],
    ['an offset that is no number', '0'],
    ['a fractional offset', 0.5],
  ])('finds no postings for a word stored at %s, and the postings of the others', (_, offset) => {
    const bank = bankOf({ 'a.md': file('alpha'), 'b.md': file('beta') });
    const data = tempDir();
    run(bank, data);
    const manifest = JSON.parse(readFileSync(manifestOf(data), 'utf8')) as StoredWords;
    manifest.wordAt[2 * positionOf(manifest, 'alpha')] = offset;
    writeFileSync(manifestOf(data), JSON.stringify(manifest));
    const [index] = run(bank, data).termIndexes();
    expect(index!.postings('alpha')).toEqual([]);
    expect(index!.postings('beta').map((p) => p.question.id)).toEqual(['beta']);
  });

  it.each([
    ['an odd number of values', '[0]'],
    ['a negative position', '[-1,1]'],
    ['a count that is no number', '[0,"1"]'],
    ['no list', '{"a":1}'],
  ])('finds no postings for a word whose stored postings hold %s', (_, postings) => {
    const bank = bankOf({ 'a.md': file('alpha'), 'b.md': file('beta') });
    const data = tempDir();
    run(bank, data);
    const manifest = JSON.parse(readFileSync(manifestOf(data), 'utf8')) as StoredWords;
    const offset = statSync(dataFileOf(data)).size;
    appendFileSync(dataFileOf(data), postings);
    manifest.wordAt.splice(2 * positionOf(manifest, 'alpha'), 2, offset, Buffer.byteLength(postings));
    writeFileSync(manifestOf(data), JSON.stringify(manifest));
    const [index] = run(bank, data).termIndexes();
    expect(index!.postings('alpha')).toEqual([]);
    expect(index!.postings('beta').map((p) => p.question.id)).toEqual(['beta']);
  });
});
