import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { bundledBankCopies } from './helpers/large-bank.js';
import { runCli } from './run-cli.js';

const probe = fileURLToPath(new URL('./helpers/parse-worker-probe.mjs', import.meta.url));

/** The bundled bank thirteen times over (some 2,100 files, enough for a worker), with one unusable file and one duplicate id among them. */
function largeBank(): string {
  const dir = bundledBankCopies(13);
  writeFileSync(join(dir, 'copy-2', 'broken.md'), '---\nquestion: [unclosed\n---\nAnswer.\n');
  writeFileSync(join(dir, 'copy-3', 'twin.md'), '---\nid: copy-1-7\nquestion: Which file keeps this id?\n---\nThe first one read.\n');
  return dir;
}

/** A first read of the bank (an empty data folder), with `cores` as the machine's; its output, and how many batches a worker sent. */
function firstRead(bank: string, args: string[], cores: number, failAt?: number, data = tempDir()) {
  const result = runCli([...args, '--bank', bank], {
    env: { NNQUIZ_DATA_DIR: data, NODE_OPTIONS: `--import ${probe}`, NNQUIZ_PROBE_CORES: String(cores), NNQUIZ_PROBE_FAIL_AT: failAt === undefined ? undefined : String(failAt) },
  });
  const batches = Number(/nnquiz-probe: batches=(\d+)/.exec(result.stderr)?.[1]);
  return { ...result, stderr: result.stderr.replace(/nnquiz-probe: .*\n/, ''), batches };
}

/** The data file a first read saved in its data folder (the manifest differs in when each entry was made). */
const dataFileOf = (data: string) => readFileSync(join(data, 'cache', readdirSync(join(data, 'cache')).find((name) => name.endsWith('.data'))!), 'latin1');

describe('a first read of a large bank, parsed in a worker thread', () => {
  it.each([
    ['list --json', ['list', '--json']],
    // A question near the end of the bank: one the worker parsed.
    ['show --json', ['show', 'copy-12-150', '--json']],
    ['search', ['search', 'dropout', 'overfitting', '--json']],
  ])('%s prints what a read on one core prints, with the same problems in the same order', (_, args) => {
    const bank = largeBank();
    const oneCore = firstRead(bank, args, 1);
    const twoCores = firstRead(bank, args, 2);
    expect(oneCore.batches).toBe(0);
    // Some 2,100 files in batches of 64.
    expect(twoCores.batches).toBeGreaterThan(30);
    expect(twoCores).toEqual({ ...oneCore, batches: twoCores.batches });
    expect(twoCores.status).toBe(0);
    expect(twoCores.stdout).toMatch(/copy-/);
    expect(twoCores.stderr).toMatch(/broken\.md:3: error: invalid YAML front matter/);
    expect(twoCores.stderr).toMatch(/twin\.md: error: duplicate id "copy-1-7", already used by .*copy-1.7\.md/);
  });

  it('saves the data file a read on one core saves', () => {
    const bank = largeBank();
    const [one, two] = [tempDir(), tempDir()];
    firstRead(bank, ['list'], 1, undefined, one);
    expect(firstRead(bank, ['list'], 2, undefined, two).batches).toBeGreaterThan(30);
    expect(dataFileOf(two)).toBe(dataFileOf(one));
  });

  it('parses here the files a worker failed at, and prints the same', () => {
    const bank = largeBank();
    const oneCore = firstRead(bank, ['list', '--json'], 1);
    const failing = firstRead(bank, ['list', '--json'], 2, 4);
    expect(failing.batches).toBe(3);
    expect(failing).toEqual({ ...oneCore, batches: 3 });
  });
});
