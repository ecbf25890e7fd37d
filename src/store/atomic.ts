import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes a file so that readers see the old content or the new, never a half-written one. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
