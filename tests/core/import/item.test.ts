import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, parseImport } from '../../../src/core/import/detect.js';
import { IMPORT_FORMATS, ImportFileError } from '../../../src/core/import/item.js';

describe('IMPORT_FORMATS', () => {
  it('lists every format that has a name for people, each once', () => {
    expect([...IMPORT_FORMATS].sort()).toEqual(Object.keys(FORMAT_NAMES).sort());
    expect(new Set(IMPORT_FORMATS).size).toBe(4);
  });

  it.each(IMPORT_FORMATS.map((f) => [f]))('lists %s as a format parseImport reads', (format) => {
    const parsed = parseImport('question\tanswer\nWhat is a tensor?\tAn array.\n', format);
    expect(parsed).toEqual({ items: expect.any(Array), problems: expect.any(Array) });
  });
});

describe('ImportFileError', () => {
  it('carries the message, the hint and the line, and is an Error', () => {
    const error = new ImportFileError('a quote is never closed', 'close the quote', 7);
    expect(error).toBeInstanceOf(Error);
    expect([error.message, error.hint, error.line]).toEqual(['a quote is never closed', 'close the quote', 7]);
  });

  it('has no line when none is given', () => {
    expect(new ImportFileError('is empty', 'give a file with questions').line).toBeUndefined();
  });
});
