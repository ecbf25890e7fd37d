import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRecord, MAX_RECORD_BYTES, readRecords } from '../../src/store/log.js';
import { tempDir } from '../helpers.js';

function read(text: string | Buffer, chunkBytes?: number) {
  const file = join(tempDir(), 'log.jsonl');
  writeFileSync(file, text);
  const records: Array<{ line: number; value: object }> = [];
  const damaged = readRecords(file, (value, line) => records.push({ line, value }), chunkBytes);
  return { records, damaged: damaged.map((d) => d.line) };
}

describe('readRecords, a chunk at a time', () => {
  const text = '\uFEFF{"n":1,"s":"é—日本"}\r\n{"n":2}\n\nnot json\n[1]\n{"n":3,"s":"last, with no newline"}';
  const expected = {
    records: [
      { line: 1, value: { n: 1, s: 'é—日本' } },
      { line: 2, value: { n: 2 } },
      { line: 6, value: { n: 3, s: 'last, with no newline' } },
    ],
    damaged: [4, 5],
  };

  it.each([1, 2, 3, 7, 16, 1 << 20])('reads the same records whatever the chunk size (%i bytes), multi-byte letters split across chunks included', (chunkBytes) => {
    expect(read(text, chunkBytes)).toEqual(expected);
  });

  it('takes a line past the bound as damaged and goes on with the next', () => {
    const long = `{"s":"${'x'.repeat(MAX_RECORD_BYTES)}"}`;
    for (const chunkBytes of [1000, 1 << 20, 4 << 20]) expect(read(`{"n":1}\n${long}\n{"n":2}\n`, chunkBytes)).toEqual({ records: [{ line: 1, value: { n: 1 } }, { line: 3, value: { n: 2 } }], damaged: [2] });
  });

  it('reads a missing log as empty', () => {
    expect(readRecords(join(tempDir(), 'none.jsonl'), () => expect.unreachable())).toEqual([]);
  });
});

describe('readRecords, line by line', () => {
  it('skips blank and whitespace-only lines without reporting them', () => {
    expect(read('{"n":1}\n   \n\t\n{"n":2}\n')).toEqual({ records: [{ line: 1, value: { n: 1 } }, { line: 4, value: { n: 2 } }], damaged: [] });
  });

  it('strips a byte order mark from the first line only', () => {
    expect(read('{"n":1}\n\uFEFF{"n":2}\n')).toEqual({ records: [{ line: 1, value: { n: 1 } }], damaged: [2] });
  });

  it.each([
    ['exactly at the bound', 0, true],
    ['one byte past the bound', 1, false],
  ])('reads a line %s as a record only within the bound', (_, extra, readable) => {
    const line = `{"s":"${'x'.repeat(MAX_RECORD_BYTES - 8 + extra)}"}`;
    expect(Buffer.byteLength(line)).toBe(MAX_RECORD_BYTES + extra);
    for (const chunkBytes of [4096, MAX_RECORD_BYTES, 2 * MAX_RECORD_BYTES]) {
      expect(read(`${line}\n{"n":2}\n`, chunkBytes)).toEqual(readable ? { records: [{ line: 1, value: { s: 'x'.repeat(MAX_RECORD_BYTES - 8) } }, { line: 2, value: { n: 2 } }], damaged: [] } : { records: [{ line: 2, value: { n: 2 } }], damaged: [1] });
    }
  });

  it('reports an overlong line by its first 200 characters and the bound, whether or not it ends the file', () => {
    const long = `{"s":"${'y'.repeat(MAX_RECORD_BYTES)}"}`;
    for (const text of [`${long}\n`, long]) {
      const file = join(tempDir(), 'log.jsonl');
      writeFileSync(file, text);
      const damaged = readRecords(file, () => expect.unreachable(), 4096);
      expect(damaged).toEqual([{ line: 1, text: `{"s":"${'y'.repeat(194)}… (longer than ${MAX_RECORD_BYTES} bytes)` }]);
    }
  });

  it('names the log in the error when it cannot be read, such as a folder', () => {
    const dir = tempDir();
    let caught: NodeJS.ErrnoException | undefined;
    try {
      readRecords(dir, () => expect.unreachable());
    } catch (error) {
      caught = error as NodeJS.ErrnoException;
    }
    expect(caught?.code).toBe('EISDIR');
    expect(caught?.path).toBe(dir);
  });
});

describe('appendRecord', () => {
  it('writes one line per record, with no blank line between them and none before the first', () => {
    const file = join(tempDir(), 'log.jsonl');
    appendRecord(file, { n: 1 });
    appendRecord(file, { n: 2 });
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
  });

  it('starts a record on a new line after a torn last line, and only then', () => {
    const file = join(tempDir(), 'log.jsonl');
    writeFileSync(file, '{"n":1}\n{"n":');
    appendRecord(file, { n: 3 });
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":\n{"n":3}\n');
  });

  it('refuses Infinity and names the field that holds it', () => {
    const file = join(tempDir(), 'log.jsonl');
    expect(() => appendRecord(file, { ok: 1, deep: { seconds: Number.NEGATIVE_INFINITY } })).toThrow('a record may not hold the non-finite number -Infinity (at "seconds")');
    expect(() => appendRecord(file, { n: 1e308 * 10 })).toThrow(TypeError);
    expect(existsSync(file)).toBe(false);
  });
});
