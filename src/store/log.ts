import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

/** A line of the log that could not be read: torn by a crash, or edited by hand. */
export interface DamagedLine {
  line: number;
  text: string;
}

/**
 * Appends one record as one JSON line. The file is opened in append mode and the record written
 * with a single write, so records of concurrent writers never interleave within a line; it is
 * flushed to disk before returning. If a crash left the last line torn, the record starts on a
 * new line, so that it is never glued to the damaged one.
 */
export function appendRecord(file: string, record: object): void {
  const fd = openSync(file, 'a+');
  try {
    const size = fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    writeSync(fd, `${prefix}${JSON.stringify(record)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads every record of a log; lines that are not JSON objects are returned as damaged, never thrown. */
export function readRecords(file: string): { records: Array<{ line: number; value: Record<string, unknown> }>; damaged: DamagedLine[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], damaged: [] };
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
