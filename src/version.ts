import { readFileSync } from 'node:fs';

let version: string | undefined;

/** nnquiz's own version, from the package.json it was installed with (read once: --version and the cache both ask). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
