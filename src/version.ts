import { readFileSync } from 'node:fs';

/** nnquiz's own version, from the package.json it was installed with. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
