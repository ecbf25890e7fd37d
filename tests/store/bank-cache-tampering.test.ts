import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readBank, type ParsedFile } from '../../src/core/bank/read.js';
import { parseQuestion } from '../../src/core/bank/question.js';
import { BankCache } from '../../src/store/bank-cache.js';
import { tempDir } from '../helpers.js';

// A cache file is data on disk that anyone could have edited: every part of its shape is checked.

const later = () => Date.now() + 60_000;
const text = `---\nid: alpha\nquestion: What is alpha?\ntags: [t1]\nkey_terms:\n  - term: alpha idea\n    aliases: [alpha notion]\nmisconceptions:\n  - claim: alpha is magic\n    why: it is not\n    aliases: [magic alpha]\n---\nIt is alpha.\n`;

type Manifest = Record<string, unknown> & { entries: unknown[][] };
type Change = (manifest: Manifest, entryOf: (name: string) => unknown[]) => void;

/** A bank of one good file and one unusable one, cached once. */
function cached() {
  const bank = tempDir();
  writeFileSync(join(bank, 'a.md'), text);
  writeFileSync(join(bank, 'b.md'), 'no front matter\n');
  const dir = join(tempDir(), 'cache');
  const cache = new BankCache(dir, '1.0.0', later);
  readBank([bank], { cacheFor: cache.forFolder });
  cache.save();
  const manifestFile = join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!);
  const dataFile = join(dir, readdirSync(dir).find((f) => f.endsWith('.data'))!);
  const lookup = (name: string, reparse?: () => ParsedFile) => {
    const s = statSync(join(bank, name));
    return new BankCache(dir, '1.0.0', later).forFolder(bank)!.lookup(join(bank, name), { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino }, reparse);
  };
  const edit = (change: Change) => {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    change(manifest, (name) => manifest.entries.find((e) => e[0] === name)!);
    writeFileSync(manifestFile, JSON.stringify(manifest));
  };
  /** Writes a body at the end of the data file and points the good file's entry to it. */
  const moveBody = (body: unknown) => {
    const bytes = Buffer.from(JSON.stringify(body));
    const offset = statSync(dataFile).size;
    appendFileSync(dataFile, bytes);
    edit((_, entryOf) => {
      entryOf('a.md')[8] = offset;
      entryOf('a.md')[9] = bytes.length;
    });
  };
  return { lookup, edit, moveBody };
}

const entry = (at: number, value: unknown): Change => (_, entryOf) => (entryOf('a.md')[at] = value);
const head = (at: number, value: unknown): Change => (_, entryOf) => ((entryOf('a.md')[6] as unknown[])[at] = value);
const problem = (key: string, value: unknown): Change => (_, entryOf) => ((entryOf('b.md')[6] as { problems: Array<Record<string, unknown>> }).problems[0]![key] = value);

describe('BankCache manifest', () => {
  it('serves both files when nothing was changed: a good question and an unusable file, with its line', () => {
    const { lookup } = cached();
    expect(lookup('a.md')?.question?.id).toBe('alpha');
    expect(lookup('b.md')?.problems[0]).toMatchObject({ severity: 'error', line: 1 });
  });

  it.each<[string, Change]>([
    ['another format', (m) => (m.format = 7)],
    ['another version', (m) => (m.version = '0.9.0')],
    ['another folder', (m) => (m.folder = '/elsewhere')],
    ['a data file outside the cache folder', (m) => (m.data = `../${String(m.data)}`)],
    ['a data file named for another folder', (m) => (m.data = String(m.data).replace(/^bank-[0-9a-f]+/, 'bank-0000000000000000'))],
    ['a data file that is not there', (m) => (m.data = String(m.data).replace('.data', 'x.data'))],
    ['no list of entries', (m) => (m.entries = {} as never)],
    ['a vocabulary that is no string', (m) => (m.vocabulary = ['alpha'])],
    ['no list of word offsets', (m) => (m.wordAt = {})],
    ['an entry that is no list', (m) => (m.entries[0] = 'x' as never)],
    ['an entry one field short', (_, entryOf) => entryOf('a.md').pop()],
    ['a path that is no string', entry(0, 7)],
    ['a size that is no number', entry(1, '40')],
    ['a modification time that is no number', entry(2, '1')],
    ['a change time that is no number', entry(3, null)],
    ['an inode that is no number', entry(4, '7')],
    ['a cache time that is no number', entry(5, '7')],
    ['field lengths that are no list', entry(7, 'x')],
    ['five field lengths', entry(7, [1, 2, 3, 4, 5])],
    ['a negative field length', entry(7, [1, 2, 3, 4, 5, -1])],
    ['a fractional field length', entry(7, [1, 2, 3, 4, 5, 1.5])],
    ['a body offset that is no count', entry(8, -1)],
    ['a body length that is no count', entry(9, 'x')],
    ['a head one field short', (_, entryOf) => (entryOf('a.md')[6] as unknown[]).pop()],
    ['an empty id', head(0, '')],
    ['an id that is no string', head(0, 5)],
    ['an empty question', head(1, '')],
    ['an empty topic', head(2, '')],
    ['tags that are no list', head(3, 't1')],
    ['a tag that is no string', head(3, [1])],
    ['an unknown difficulty', head(4, 'extreme')],
    ['a pass mark that is no number', head(5, '0.6')],
    ['a pass mark of 0', head(5, 0)],
    ['a pass mark above 1', head(5, 1.01)],
    ['follow-ups that are no list of strings', head(6, [1])],
    ['former ids that are no list', head(7, 'x')],
    ['a negative answer line', head(8, -1)],
    ['an answer line that is no number', head(8, '3')],
    ['a rubric flag that is no boolean', head(9, 'yes')],
    ['defaults that are no list', head(10, 'id')],
    ['a default no field takes', head(10, ['question'])],
    ['a negative count of key terms', head(11, -1)],
    ['a fractional count of key terms', head(11, 1.5)],
    ['problems that are no list', (_, entryOf) => (entryOf('b.md')[6] = { problems: 'x' })],
    ['an empty list of problems', (_, entryOf) => (entryOf('b.md')[6] = { problems: [] })],
    ['a problem that is no object', (_, entryOf) => (entryOf('b.md')[6] = { problems: ['x'] })],
    ['a problem message that is no string', problem('message', 5)],
    ['an unknown severity', problem('severity', 'info')],
    ['a negative problem line', problem('line', -1)],
    ['a problem line that is no number', problem('line', '1')],
  ])('is ignored whole for %s', (_, change) => {
    const { lookup, edit } = cached();
    edit(change);
    expect(lookup('a.md')).toBeUndefined();
    expect(lookup('b.md')).toBeUndefined();
  });

  it.each<[string, Change]>([
    ['a pass mark of exactly 1', head(5, 1)],
    ['no answer line', head(8, null)],
    ['a problem with no line', problem('line', undefined)],
    ['a warning', problem('severity', 'warning')],
  ])('accepts %s', (_, change) => {
    const { lookup, edit } = cached();
    edit(change);
    expect(lookup('a.md')?.question?.id).toBe('alpha');
    expect(lookup('b.md')?.problems).toHaveLength(1);
  });
});

describe('BankCache bodies', () => {
  const good = () => ({
    answer: 'Moved.',
    keyTerms: [{ term: 'alpha idea', aliases: ['alpha notion'], weight: 1, core: true }] as Array<Record<string, unknown>>,
    misconceptions: [{ claim: 'alpha is magic', why: 'it is not', aliases: ['magic alpha'] }] as Array<Record<string, unknown>>,
    extra: {} as unknown,
  });
  const reparsed = () => vi.fn(() => parseQuestion(text.replace('It is alpha.', 'Parsed afresh.'), { file: 'a.md', defaultId: 'a' }) as ParsedFile);

  it('serves a body from wherever its entry says it stands', () => {
    const { lookup, moveBody } = cached();
    moveBody(good());
    const reparse = reparsed();
    const question = lookup('a.md', reparse)!.question!;
    expect(question.answer).toBe('Moved.');
    expect(question.misconceptions[0]!.aliases).toEqual(['magic alpha']);
    expect(reparse).not.toHaveBeenCalled();
  });

  it.each<[string, (body: ReturnType<typeof good>) => void]>([
    ['an answer that is no string', (b) => ((b as Record<string, unknown>).answer = 5)],
    ['unknown fields that are a list', (b) => (b.extra = [])],
    ['no unknown fields', (b) => (b.extra = null)],
    ['key terms that are no list', (b) => (b.keyTerms = {} as never)],
    ['fewer key terms than the head counts', (b) => b.keyTerms.pop()],
    ['a key term that is no object', (b) => (b.keyTerms[0] = 'x' as never)],
    ['a term that is no string', (b) => (b.keyTerms[0]!.term = 1)],
    ['aliases that are no list of strings', (b) => (b.keyTerms[0]!.aliases = [1])],
    ['a weight of 0', (b) => (b.keyTerms[0]!.weight = 0)],
    ['a weight beyond the largest', (b) => (b.keyTerms[0]!.weight = 1_000)],
    ['a weight that is no number', (b) => (b.keyTerms[0]!.weight = '1')],
    ['a core flag that is no boolean', (b) => (b.keyTerms[0]!.core = 'yes')],
    ['misconceptions that are no list', (b) => (b.misconceptions = 'x' as never)],
    ['a misconception that is no object', (b) => (b.misconceptions[0] = 5 as never)],
    ['a claim that is no string', (b) => (b.misconceptions[0]!.claim = 5)],
    ['a correction that is no string', (b) => (b.misconceptions[0]!.why = null)],
    ['misconception aliases that are no list', (b) => (b.misconceptions[0]!.aliases = 'x')],
    ['an escaped control character', (b) => (b.answer = 'It is \u001b[2Jalpha.')],
  ])('is read from the file afresh for a body with %s', (_, change) => {
    const { lookup, moveBody } = cached();
    const body = good();
    change(body);
    moveBody(body);
    const reparse = reparsed();
    expect(lookup('a.md', reparse)!.question!.answer).toBe('Parsed afresh.');
    expect(reparse).toHaveBeenCalledTimes(1);
  });
});

describe('BankCache names', () => {
  it("names each folder's cache after the folder itself, so that two banks used in turn keep their caches", () => {
    const dir = join(tempDir(), 'cache');
    const banks = [tempDir(), tempDir()];
    banks.forEach((bank, i) => writeFileSync(join(bank, 'a.md'), text.replace('id: alpha', `id: alpha${i}`)));
    const hits: boolean[] = [];
    for (const bank of [...banks, ...banks]) {
      const cache = new BankCache(dir, '1.0.0', later);
      const folder = cache.forFolder(bank)!;
      const s = statSync(join(bank, 'a.md'));
      hits.push(folder.lookup(join(bank, 'a.md'), { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino }) !== undefined);
      readBank([bank], { cacheFor: () => folder });
      cache.save();
    }
    expect(hits).toEqual([false, false, true, true]);
    expect(readdirSync(dir).filter((f) => /^bank-[0-9a-f]{16}\.json$/.test(f))).toHaveLength(2);
  });
});
