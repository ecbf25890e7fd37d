import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledBank, tempDir } from '../../helpers.js';

/** The bundled bank `copies` times over, in folders copy-0, copy-1, …, each question with its own id (`copy-<n>-<i>`): a bank too large to read in an instant. */
export function bundledBankCopies(copies: number): string {
  const dir = tempDir();
  const files = readdirSync(bundledBank, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
  for (let copy = 0; copy < copies; copy++) {
    mkdirSync(join(dir, `copy-${copy}`));
    files.forEach((name, i) => {
      const text = readFileSync(join(bundledBank, name), 'utf8')
        .replace(/^id: .*$/m, `id: copy-${copy}-${i}`)
        .replace(/^(follow_ups|former_ids): .*$/gm, '');
      writeFileSync(join(dir, `copy-${copy}`, `${i}.md`), text);
    });
  }
  return dir;
}
