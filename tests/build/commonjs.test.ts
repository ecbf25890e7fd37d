import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];

describe('the built program is CommonJS, so that a run never starts Node\'s ES module loader', () => {
  it('marks dist/ as CommonJS and leaves no import or export statement, nor import(), in any chunk', () => {
    expect(JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    const chunks = readdirSync(dist).filter((name) => name.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(10);
    for (const name of chunks) {
      const code = readFileSync(join(dist, name), 'utf8');
      expect(code, name).not.toMatch(/^(?:import|export)\s/m);
      expect(code, name).not.toMatch(/\bimport\(/);
      expect(code, name).not.toMatch(/\bimport\.meta\b/);
      // A chunk that needs its own URL defines it first; the others do not work it out for nothing.
      expect(code.startsWith('const __importMetaUrl = '), name).toBe(code.includes('__importMetaUrl'));
    }
  });

  // On Node 22.1 and later the shim loads node:module to turn the compile cache on, which brings two of that loader's
  // modules with it: a cost worth paying there. The saving this test keeps was measured on Node 20.
  it.skipIf(!(major < 22 || (major === 22 && minor < 1))).each([['list'], ['search', 'dropout'], ['grade', 'dropout', 'randomly zeroes units so they cannot co-adapt'], ['show', 'dropout']])('loads none of the ES module loader when it runs %s on a cached bank', (...args) => {
    // A hook loaded before the program notes which of Node's own modules load after it.
    const hook = join(tempDir(), 'modules.cjs');
    writeFileSync(
      hook,
      [
        'const before = new Set(process.moduleLoadList);',
        "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m) && m.includes('modules/esm/')))));",
      ].join('\n'),
    );
    const env = { ...process.env, NO_COLOR: '1', NNQUIZ_DATA_DIR: tempDir() };
    const run = () => spawnSync(process.execPath, ['--require', hook, join(root, 'bin', 'nnquiz.cjs'), ...args], { encoding: 'utf8', env });
    // The first run parses the bank: requiring the YAML parsers from node_modules reads their
    // package.json exports with some of that loader's code. The runs after it, served by the cache, need none.
    expect(run().status).toBe(0);
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(50);
    expect(JSON.parse(result.stderr)).toEqual([]);
  });

  // The shim turns on Node's compile cache where Node has one (22.1 and later; checked with 22.23.3, as the machines
  // that run this suite have Node 20). It lands in the temporary folder, under node-compile-cache.
  it.skipIf(major < 22 || (major === 22 && minor < 1))('keeps compiled code between runs on a Node that can', () => {
    const tmp = tempDir();
    const result = spawnSync(process.execPath, [join(root, 'bin', 'nnquiz.cjs'), 'list'], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, NODE_COMPILE_CACHE: '', NNQUIZ_DATA_DIR: tempDir() } });
    expect(result.status).toBe(0);
    expect(existsSync(join(tmp, 'node-compile-cache'))).toBe(true);
  });
});
