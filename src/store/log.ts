import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
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

/** A record line longer than this is damaged: an answer is at most 20,000 characters, so no record nnquiz writes comes near it. */
export const MAX_RECORD_BYTES = 1 << 20;
const CHUNK_BYTES = 1 << 20;

/**
 * Reads every record of a log, handing each to `visit` with its line number, so no more than one
 * record is held at a time; lines that are not JSON objects are returned as damaged, never thrown. The file is read in chunks, a line at a time, so a log of any size can be read (one
 * string of it all would stop at 512 MiB), and an overlong line costs no more than its first bytes.
 */
export function readRecords(file: string, visit: (record: Record<string, unknown>, line: number) => void, chunkBytes = CHUNK_BYTES): DamagedLine[] {
  const damaged: DamagedLine[] = [];
  let lineNumber = 0;
  const take = (bytes: Buffer, overlong: boolean) => {
    lineNumber++;
    // A byte order mark (as Notepad saves) would make the first record unreadable.
    let line = bytes.toString('utf8');
    if (lineNumber === 1) line = line.replace(/^\uFEFF/, '');
    if (overlong) {
      damaged.push({ line: lineNumber, text: `${line.slice(0, 200)}… (longer than ${MAX_RECORD_BYTES} bytes)` });
      return;
    }
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      damaged.push({ line: lineNumber, text: line });
      return;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) visit(value as Record<string, unknown>, lineNumber);
    else damaged.push({ line: lineNumber, text: line });
  };
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(chunkBytes);
    // The line being read: its pieces so far, or (when overlong) only its start.
    let pieces: Buffer[] = [];
    let pieceBytes = 0;
    let overlong = false;
    const add = (piece: Buffer) => {
      if (overlong) return;
      pieceBytes += piece.length;
      if (pieceBytes > MAX_RECORD_BYTES) {
        overlong = true;
        pieces = [Buffer.concat([...pieces, piece]).subarray(0, 800)];
      } else pieces.push(Buffer.from(piece));
    };
    for (let read = readSync(fd, buffer, 0, chunkBytes, null); read > 0; read = readSync(fd, buffer, 0, chunkBytes, null)) {
      const chunk = buffer.subarray(0, read);
      let start = 0;
      for (let end = chunk.indexOf(0x0a, start); end !== -1; end = chunk.indexOf(0x0a, start)) {
        const piece = chunk.subarray(start, end);
        if (pieces.length === 0 && piece.length <= MAX_RECORD_BYTES) take(piece, false);
        else {
          add(piece);
          take(pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces), overlong);
        }
        pieces = [];
        pieceBytes = 0;
        overlong = false;
        start = end + 1;
      }
      if (start < read) add(chunk.subarray(start));
    }
    if (pieces.length > 0) take(Buffer.concat(pieces), overlong);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    // Node leaves the path out of some errors (EISDIR); the message must name the log.
    (error as NodeJS.ErrnoException).path ??= file;
    throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return damaged;
}
