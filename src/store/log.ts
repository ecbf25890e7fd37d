import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { CliError } from '../errors.js';

/** A line of the log that could not be read: torn by a crash, or edited by hand. */
export interface DamagedLine {
  line: number;
  text: string;
}

/** The file system is full: the record was not written, and the log is as it was before. */
export class DiskFullError extends CliError {
  constructor(readonly file: string) {
    super(`disk full: nothing could be written to ${JSON.stringify(file)}`, 'free some space on that disk, or choose another data folder with --data-dir DIR or NNQUIZ_DATA_DIR');
  }
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * Appends one record as one JSON line. The file is opened in append mode and the record written
 * with a single write, so records of concurrent writers never interleave within a line; it is
 * flushed to disk before returning. If a crash left the last line torn, the record starts on a
 * new line, so that it is never glued to the damaged one. A write that stores only part of the
 * line (a full disk) is undone, so the log ends where it ended before, and DiskFullError is thrown.
 */
export function appendRecord(file: string, record: object): void {
  const line = JSON.stringify(record, refuseNonFinite);
  const fd = openSync(file, 'a+');
  try {
    const size = fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    const bytes = Buffer.from(`${prefix}${line}\n`);
    let written = 0;
    try {
      // Retrying the rest of a short write could interleave with another writer's record, so
      // a short write is taken for what it almost always is: no space left.
      written = writeSync(fd, bytes);
      if (written < bytes.length) throw Object.assign(new Error(`short write: ${written} of ${bytes.length} bytes`), { code: 'ENOSPC' });
      fsyncSync(fd);
    } catch (error) {
      undo(fd, bytes.subarray(0, written));
      if (DISK_FULL.has((error as NodeJS.ErrnoException).code ?? '')) throw new DiskFullError(file);
      throw error;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Cuts the bytes of a failed write off the end of the log, so no part of the record stays. Only
 * when the log still ends with them: bytes another writer appended since are never cut.
 */
function undo(fd: number, written: Buffer): void {
  if (written.length === 0) return;
  try {
    const end = fstatSync(fd).size;
    const tail = Buffer.alloc(written.length);
    if (end < written.length || readSync(fd, tail, 0, tail.length, end - written.length) !== tail.length || !tail.equals(written)) return;
    ftruncateSync(fd, end - written.length);
    fsyncSync(fd);
  } catch {
    // Nothing more can be done: a torn last line is skipped on reading, and the next record starts a line of its own.
  }
}

/** JSON has no NaN or Infinity (they would be written as null and make the record unreadable). */
function refuseNonFinite(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`a record may not hold the non-finite number ${value} (at ${JSON.stringify(key)})`);
  return value;
}

/** Reads every record of a log; lines that are not JSON objects are returned as damaged, never thrown. */
export function readRecords(file: string): { records: Array<{ line: number; value: Record<string, unknown> }>; damaged: DamagedLine[] } {
  let text: string;
  try {
    // A byte order mark (as Notepad saves) would make the first record unreadable.
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], damaged: [] };
    // Node leaves the path out of some errors (EISDIR); the message must name the log.
    (error as NodeJS.ErrnoException).path ??= file;
    throw error;
  }
  const records: Array<{ line: number; value: Record<string, unknown> }> = [];
  const damaged: DamagedLine[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) records.push({ line: index + 1, value: value as Record<string, unknown> });
      else damaged.push({ line: index + 1, text: line });
    } catch {
      damaged.push({ line: index + 1, text: line });
    }
  });
  return { records, damaged };
}
