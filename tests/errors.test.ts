import { describe, expect, it } from 'vitest';
import { fromSystemError } from '../src/errors.js';

const systemError = (code: string, path?: string) => Object.assign(new Error(`${code}: something, open '${path}'`), { code, path, syscall: 'open' });

describe('fromSystemError', () => {
  it.each([
    ['ENOTDIR', 'a folder on the way is a file'],
    ['EACCES', 'permission denied'],
    ['EISDIR', 'a folder stands where a file was expected'],
    ['EEXIST', 'something already exists there'],
    ['ENOSPC', 'the disk is full'],
  ])('%s names the path, the cause and a hint, with exit code 1', (code, cause) => {
    const error = fromSystemError(systemError(code, '/data/attempts.jsonl'));
    expect(error?.message).toBe(`"/data/attempts.jsonl": ${cause} (${code})`);
    expect(error?.hint).toMatch(/\S/);
    expect(error?.exitCode).toBe(1);
  });

  it('says so when the error names no path', () => {
    expect(fromSystemError(systemError('EISDIR'))?.message).toBe('a file or folder nnquiz uses: a folder stands where a file was expected (EISDIR)');
  });

  it('leaves other errors to be reported as bugs', () => {
    expect(fromSystemError(new TypeError('x is undefined'))).toBeUndefined();
    expect(fromSystemError(systemError('EWHATEVER', '/x'))).toBeUndefined();
    expect(fromSystemError('a string')).toBeUndefined();
  });
});
