// npm run build: src/ bundled by esbuild into dist/, one file for what every run needs (cli.js:
// the command line and commander) and one chunk per command, loaded only when that command runs.
// Dependencies are inlined too: Node then reads and compiles a handful of files instead of a
// few hundred, which is most of a cold start. Types are checked by `npm run typecheck` (tsc).
//
// The chunks are then turned into CommonJS (dist/package.json says so), each import a require():
// a program whose modules are all CommonJS never starts Node's ES module loader, which cost some
// 10% of a cold start. esbuild splits code into chunks only as ES modules, hence the two steps.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, transformSync } from 'esbuild';
import { lazySetup } from './lazy-setup.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The worker threads that parse a large bank's files on a first read run a script of their own.
  entryPoints: { cli: 'src/cli.ts', 'parse-worker': 'src/core/bank/parse-worker.ts' },
  outdir: 'dist',
  // Chunks beside cli.js, so that `new URL('../questions', import.meta.url)` means the same in each.
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  legalComments: 'none',
  plugins: [lazySetup],
  logLevel: 'warning',
});

for (const file of readdirSync(dist).filter((name) => name.endsWith('.js'))) {
  const source = readFileSync(`${dist}/${file}`, 'utf8');
  const { code } = transformSync(source, {
    format: 'cjs',
    platform: 'node',
    target: 'node20.17',
    // import() of a chunk becomes a require() too: one import() would start the ES module loader.
    supported: { 'dynamic-import': false },
    // What `new URL('../questions', import.meta.url)` needs, from the chunk's own path: only in the
    // few chunks that ask for it, as each one works it out when it loads.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: source.includes('import.meta.url') ? "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" : '',
    logLevel: 'warning',
  });
  writeFileSync(`${dist}/${file}`, code);
}
writeFileSync(`${dist}/package.json`, '{ "type": "commonjs" }\n');

// The top-level help, as the program prints it off a terminal (80 columns, no colour), for
// bin/nnquiz.cjs to print without loading the program.
const env = { ...process.env, NO_COLOR: '1' };
delete env.COLUMNS;
writeFileSync(`${dist}/help.txt`, execFileSync(process.execPath, [`${dist}/cli.js`, '--help'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] }));
