import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES, readRecords } from '../../src/store/log.js';
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
