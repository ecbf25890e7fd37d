// npm run bench: cold start against the floor of `node -e 0`, and load, list, search and grade
// over generated banks of growing size, without and with the parsed-bank cache. Every figure is
// a median of runs made side by side in this one run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBank, generateCards } from './generate-bank.mjs';
import { generateLog } from './generate-log.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'nnquiz.cjs');
const rssHook = join(root, 'bench', 'report-rss.cjs');
const runs = Number(process.env.NNQUIZ_BENCH_RUNS ?? 15);
const sizes = (process.env.NNQUIZ_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const logSizes = (process.env.NNQUIZ_BENCH_LOG_SIZES ?? '20000,200000').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'nnquiz-bench-'));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

let fresh = 0;
/** A data folder: `warm` is shared, so its cache is filled; otherwise a new, empty one each run. */
const dataDir = (warm) => (warm ? join(work, 'data-warm') : join(work, `data-cold-${fresh++}`));

/** Runs a command once; returns wall time in ms and peak memory in MB. */
function measure(args, warm, data = dataDir(warm)) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', rssHook, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', NNQUIZ_DATA_DIR: data },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const rss = Number(/nnquiz-bench-max-rss-kb=(\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
  return { ms, rss };
}

/** Measures several commands in turn, interleaved so that machine noise falls on all of them alike. */
function compare(commands, count) {
  const samples = commands.map(() => []);
  for (let i = 0; i < count; i++) commands.forEach(({ args, warm, data }, c) => samples[c].push(measure(args, warm, data)));
  return samples.map((list) => ({ ms: median(list.map((s) => s.ms)), rss: median(list.map((s) => s.rss)) }));
}

const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;
const mb = (value) => `${value.toFixed(0).padStart(4)} MB`;
/** Waits out the cache's two seconds: it trusts only files that had settled before it was made. */
const settle = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_100);
const seconds = (value) => `${(value / 1000).toFixed(2)} s`;

/** The table: figure, measured, goal, met. */
const goals = [];

try {
  console.log(`nnquiz benchmark — Node ${process.version}, medians of ${runs} runs\n`);
  measure([bin, 'search', 'dropout'], true); // fills the warm cache for the bundled bank
  const [floor, cold, uncached, version, help] = compare(
    [
      { args: ['-e', '0'], warm: true },
      { args: [bin, 'search', 'dropout'], warm: true },
      { args: [bin, 'search', 'dropout'], warm: false },
      { args: [bin, '--version'], warm: true },
      { args: [bin, '--help'], warm: true },
    ],
    runs,
  );
  console.log('Cold start (bundled bank, 160 questions)');
  console.log(`  node -e 0                                  ${ms(floor.ms)}`);
  console.log(`  nnquiz search dropout                      ${ms(cold.ms)}   ${(cold.ms / floor.ms).toFixed(2)}x the floor`);
  console.log(`  nnquiz search dropout, no cache yet        ${ms(uncached.ms)}   ${(uncached.ms / floor.ms).toFixed(2)}x the floor`);
  console.log(`  nnquiz --version                           ${ms(version.ms)}   ${(version.ms / floor.ms).toFixed(2)}x the floor`);
  console.log(`  nnquiz --help                              ${ms(help.ms)}   ${(help.ms / floor.ms).toFixed(2)}x the floor`);
  goals.push(['cold search dropout, bundled bank, cache warm', `${(cold.ms / floor.ms).toFixed(2)}x node -e 0`, '<= 1.5x', cold.ms / floor.ms <= 1.5]);
  goals.push(['nnquiz --version', `${(version.ms / floor.ms).toFixed(2)}x node -e 0`, '<= 1.2x', version.ms / floor.ms <= 1.2]);
  goals.push(['nnquiz --help', `${(help.ms / floor.ms).toFixed(2)}x node -e 0`, '<= 1.2x', help.ms / floor.ms <= 1.2]);

  const bankRuns = Math.max(3, Math.round(runs / 5));
  const rows = [];
  for (const size of sizes) {
    const bank = join(work, `bank-${size}`);
    generateBank(bank, size, join(root, 'questions'));
    settle();
    measure([bin, 'list', '--bank', bank], true); // fills the warm cache for this bank
    const [listCold, listWarm, searchCold, searchWarm, grade] = compare(
      [
        { args: [bin, 'list', '--bank', bank], warm: false },
        { args: [bin, 'list', '--bank', bank], warm: true },
        { args: [bin, 'search', 'dropout', '--bank', bank], warm: false },
        { args: [bin, 'search', 'dropout', '--bank', bank], warm: true },
        { args: [bin, 'grade', 'generated-7', 'randomly zeroes units so they cannot co-adapt', '--bank', bank], warm: true },
      ],
      bankRuns,
    );
    rows.push({ size, listCold, listWarm, searchCold, searchWarm, grade });
    rmSync(bank, { recursive: true, force: true });
  }
  console.log(`\nGenerated banks (medians of ${bankRuns} runs, a new process each; "no cache": an empty data folder each run)`);
  console.log('   files   list: no cache   cached     search: no cache   cached     grade one answer   peak memory (search, cached)');
  for (const r of rows) {
    console.log(
      `  ${String(r.size).padStart(6)}  ${ms(r.listCold.ms)}   ${ms(r.listWarm.ms)}    ${ms(r.searchCold.ms)}      ${ms(r.searchWarm.ms)}   ${ms(r.grade.ms)}          ${mb(r.searchWarm.rss)}`,
    );
  }
  console.log('\n  Growth between sizes (time and memory ratios; linear growth equals the size ratio):');
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    const ratio = (f) => (f(b) / f(a)).toFixed(1);
    console.log(
      `  ${a.size} → ${b.size} (${(b.size / a.size).toFixed(0)}x files): search cached ${ratio((r) => r.searchWarm.ms)}x, list cached ${ratio((r) => r.listWarm.ms)}x, search no cache ${ratio((r) => r.searchCold.ms)}x, memory ${ratio((r) => r.searchWarm.rss)}x`,
    );
  }
  const ten = rows.find((r) => r.size === 10_000);
  if (ten) {
    goals.push(['10,000 files: search, cache warm', seconds(ten.searchWarm.ms), '<= 0.4 s', ten.searchWarm.ms <= 400]);
    goals.push(['10,000 files: search, no cache', seconds(ten.searchCold.ms), '<= 1.5 s', ten.searchCold.ms <= 1500]);
    goals.push(['10,000 files: grade one answer, cache warm', seconds(ten.grade.ms), '<= 0.3 s', ten.grade.ms <= 300]);
  }
  const fifty = rows.find((r) => r.size === 50_000);
  if (fifty) {
    goals.push(['50,000 files: search, cache warm', seconds(fifty.searchWarm.ms), '<= 2 s', fifty.searchWarm.ms <= 2000]);
    goals.push(['50,000 files: peak memory while searching', mb(fifty.searchWarm.rss).trim(), '<= 400 MB', fifty.searchWarm.rss <= 400]);
  }

  // grade --batch over a public set of graded answers, process start and bank load included.
  const mohler = join(root, '..', 'shared', 'bench', 'mohler');
  if (existsSync(join(mohler, 'answers.jsonl'))) {
    const readJsonl = (file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
    const questions = readJsonl(join(mohler, 'questions.jsonl'));
    const answers = readJsonl(join(mohler, 'answers.jsonl'));
    const bank = join(work, 'bank-mohler');
    mkdirSync(join(bank, 'mohler'), { recursive: true });
    for (const q of questions) writeFileSync(join(bank, 'mohler', `${q.id}.md`), `---\nid: ${JSON.stringify(q.id)}\nquestion: ${JSON.stringify(q.question)}\n---\n${q.reference}\n`);
    settle();
    const input = answers.map((a) => JSON.stringify({ id: a.qid, answer: a.answer })).join('\n');
    const batch = (data) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [bin, 'grade', '--batch', '-', '--bank', bank], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NNQUIZ_DATA_DIR: data } });
      if (result.status !== 0) throw new Error(`grade --batch exited ${result.status}: ${result.stderr}`);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    batch(dataDir(true));
    const times = Array.from({ length: bankRuns }, () => batch(dataDir(true)));
    const rate = answers.length / (median(times) / 1000);
    console.log(`\ngrade --batch, Mohler (${answers.length} answers, bank cached; medians of ${bankRuns} runs): ${ms(median(times))}, ${Math.round(rate)} answers/s, process start included`);
    goals.push([`grade --batch on Mohler (${answers.length} answers)`, `${Math.round(rate)} answers/s`, '>= 10,000 answers/s', rate >= 10_000]);
  }

  // nnquiz import: a deck of cards becomes a bank, which then searches and grades like any other.
  const importRows = [];
  for (const size of (process.env.NNQUIZ_BENCH_IMPORT_SIZES ?? '10000').split(',').map(Number)) {
    const cards = join(work, `cards-${size}.csv`);
    generateCards(cards, size, join(root, 'questions'));
    const banks = Array.from({ length: bankRuns }, (_, i) => join(work, `imported-${size}-${i}`));
    let next = 0;
    const imports = [];
    for (const bank of banks) imports.push(measure([bin, 'import', cards, '--bank', bank, '--format', 'csv'], false, join(work, `import-data-${next++}`)));
    const bank = banks[0];
    measure([bin, 'list', '--bank', bank], true);
    const [search, grade] = compare(
      [
        { args: [bin, 'search', 'dropout', '--bank', bank], warm: true },
        { args: [bin, 'grade', 'card-7', 'randomly zeroes units so they cannot co-adapt', '--bank', bank], warm: true },
      ],
      bankRuns,
    );
    importRows.push({ size, import: { ms: median(imports.map((m) => m.ms)), rss: median(imports.map((m) => m.rss)) }, search, grade });
    for (const b of banks) rmSync(b, { recursive: true, force: true });
  }
  console.log(`\nnnquiz import (a CSV of cards into a new bank; medians of ${bankRuns} runs)`);
  console.log('   cards   import        peak memory   then: search (cached)   grade one answer');
  for (const r of importRows) console.log(`  ${String(r.size).padStart(6)}  ${ms(r.import.ms)}     ${mb(r.import.rss)}        ${ms(r.search.ms)}            ${ms(r.grade.ms)}`);

  // stats replays every attempt through the scheduler: a long log must cost time in proportion.
  const ids = JSON.parse(spawnSync(process.execPath, [bin, 'list', '--json'], { encoding: 'utf8', env: { ...process.env, NNQUIZ_DATA_DIR: dataDir(true) } }).stdout).map((q) => q.id);
  const logRows = [];
  for (const size of logSizes) {
    const folder = join(work, `log-${size}`);
    generateLog(folder, size, ids);
    const [stats] = compare([{ args: [bin, 'stats'], data: folder }], bankRuns);
    logRows.push({ size, stats });
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(`\nLong practice logs (bundled bank; medians of ${bankRuns} runs)`);
  console.log('  attempts   nnquiz stats    peak memory');
  for (const r of logRows) console.log(`  ${String(r.size).padStart(8)}  ${ms(r.stats.ms)}     ${mb(r.stats.rss)}`);
  for (let i = 1; i < logRows.length; i++) {
    const [a, b] = [logRows[i - 1], logRows[i]];
    console.log(`  ${a.size} → ${b.size} (${(b.size / a.size).toFixed(0)}x attempts): time ${(b.stats.ms / a.stats.ms).toFixed(1)}x, memory ${(b.stats.rss / a.stats.rss).toFixed(1)}x`);
  }
  console.log('\nThe goals (issue 16), measured in this run');
  for (const [figure, measured, goal, met] of goals) console.log(`  ${met ? 'met    ' : 'NOT met'}  ${figure.padEnd(48)} ${measured.padStart(18)}   goal ${goal}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
