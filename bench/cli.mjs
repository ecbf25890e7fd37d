// npm run bench: cold start against the floor of `node -e 0`, and search over generated banks
// of 1,000 and 10,000 files. Every figure is a median of runs made side by side in this one run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBank } from './generate-bank.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'nnquiz.js');
const rssHook = join(root, 'bench', 'report-rss.cjs');
const runs = Number(process.env.NNQUIZ_BENCH_RUNS ?? 15);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs a command once; returns wall time in ms and peak memory in MB. */
function measure(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', rssHook, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const rss = Number(/nnquiz-bench-max-rss-kb=(\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
  return { ms, rss };
}

/** Measures several commands in turn, interleaved so that machine noise falls on all of them alike. */
function compare(commands, count) {
  const samples = commands.map(() => []);
  for (let i = 0; i < count; i++) commands.forEach((args, c) => samples[c].push(measure(args)));
  return samples.map((list) => ({ ms: median(list.map((s) => s.ms)), rss: median(list.map((s) => s.rss)) }));
}

const format = (ms) => `${ms.toFixed(0).padStart(6)} ms`;

console.log(`nnquiz benchmark — Node ${process.version}, medians of ${runs} runs\n`);
const [floor, cold] = compare([['-e', '0'], [bin, 'search', 'dropout']], runs);
console.log('Cold start');
console.log(`  node -e 0                      ${format(floor.ms)}`);
console.log(`  nnquiz search dropout          ${format(cold.ms)}   ${(cold.ms / floor.ms).toFixed(2)}x the floor (aim: within 2x)`);

const work = mkdtempSync(join(tmpdir(), 'nnquiz-bench-'));
try {
  const sizes = [1_000, 10_000];
  for (const size of sizes) generateBank(join(work, String(size)), size, join(root, 'questions'));
  const bankRuns = Math.max(3, Math.round(runs / 3));
  const results = compare(
    sizes.flatMap((size) => [
      [bin, 'list', '--bank', join(work, String(size))],
      [bin, 'search', 'dropout', '--bank', join(work, String(size))],
    ]),
    bankRuns,
  );
  console.log(`\nGenerated banks (medians of ${bankRuns} runs; a cold process each time)`);
  console.log('  files     list (load)        search dropout     peak memory (search)');
  sizes.forEach((size, i) => {
    const [list, search] = [results[2 * i], results[2 * i + 1]];
    console.log(`  ${String(size).padStart(6)}  ${format(list.ms)}          ${format(search.ms)}          ${search.rss.toFixed(0).padStart(5)} MB`);
  });
  const [small, large] = [results[1], results[3]];
  console.log(`\n  10,000 vs 1,000 files: search time ${(large.ms / small.ms).toFixed(1)}x, memory ${(large.rss / small.rss).toFixed(1)}x (10x would be linear)`);
  console.log(`  10,000 files searched in ${(large.ms / 1000).toFixed(2)} s (aim: under 1 s)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
