// npm run build: src/ bundled by esbuild into dist/, one file for what every run needs (cli.js:
// the command line and commander) and one chunk per command, loaded only when that command runs.
// Dependencies are inlined too: Node then reads and compiles a handful of files instead of a
// few hundred, which is most of a cold start. Types are checked by `npm run typecheck` (tsc).
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { lazySetup } from './lazy-setup.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  // Chunks beside cli.js, so that `new URL('../questions', import.meta.url)` means the same in each.
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  // Inlined CommonJS packages call require() for Node's own modules: give each file one.
  banner: { js: "import { createRequire as __nnquizCreateRequire } from 'node:module'; const require = __nnquizCreateRequire(import.meta.url);" },
  legalComments: 'none',
  plugins: [lazySetup],
  logLevel: 'warning',
});

// The top-level help, as the program prints it off a terminal (80 columns, no colour), for
// bin/nnquiz.js to print without loading the program.
const env = { ...process.env, NO_COLOR: '1' };
delete env.COLUMNS;
writeFileSync(`${dist}/help.txt`, execFileSync(process.execPath, [`${dist}/cli.js`, '--help'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] }));
