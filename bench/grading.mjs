// npm run bench:grading [DATA_DIR]: grading quality on human-graded answers (Mohler; SciEntsBank),
// through the same code path as `nnquiz grade --batch`, beside a plain-overlap baseline in one run;
// then the bundled bank's rubrics on labelled interview answers (the grading-dev set beside the
// project, and the answers kept in tests/fixtures/interview-answers).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stem, tokenize } from '../src/core/normalize.ts';
import { isStopword } from '../src/core/stopwords.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = resolve(process.argv[2] ?? process.env.NNQUIZ_BENCH_DATA ?? join(root, '..', 'shared', 'bench'));
const bin = join(root, 'bin', 'nnquiz.cjs');

const readJsonl = (file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

function pearson(xs, ys) {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

/** RMSE of the best linear map from predicted scores onto the gold scale. */
function rmseAfterFit(xs, ys) {
  const mx = mean(xs);
  const my = mean(ys);
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const intercept = my - slope * mx;
  return Math.sqrt(mean(xs.map((x, i) => (intercept + slope * x - ys[i]) ** 2)));
}

function classification(predicted, gold) {
  const labels = [true, false];
  const stats = labels.map((label) => {
    const tp = predicted.filter((p, i) => p === label && gold[i] === label).length;
    const fp = predicted.filter((p, i) => p === label && gold[i] !== label).length;
    const fn = predicted.filter((p, i) => p !== label && gold[i] === label).length;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    return { f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support: gold.filter((g) => g === label).length };
  });
  return {
    accuracy: predicted.filter((p, i) => p === gold[i]).length / gold.length,
    macroF1: mean(stats.map((s) => s.f1)),
    weightedF1: stats.reduce((s, x) => s + x.f1 * x.support, 0) / gold.length,
  };
}

/** The baseline the issue names: the share of the reference's stemmed content words found in the answer. */
function overlap(reference, answer) {
  const content = (text) => new Set(tokenize(text).filter((t) => !isStopword(t.word)).map((t) => stem(t.word)));
  const ref = content(reference);
  const got = content(answer);
  return ref.size ? [...ref].filter((s) => got.has(s)).length / ref.size : 0;
}

/** Grades `{id, answer}` records against the bundled bank through `nnquiz grade --batch`. */
function gradeBundled(records) {
  const input = records.map((r) => JSON.stringify({ id: r.id, answer: r.answer })).join('\n');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, 'grade', '--batch', '-'], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NNQUIZ_BANK: '' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`nnquiz grade --batch failed (${result.status}): ${result.stderr}`);
  return { grades: result.stdout.trim().split('\n').map((line) => JSON.parse(line)), seconds };
}

const pct = (n, d) => (d ? `${(n / d).toFixed(3)}` : '  -  ').padStart(6);

/** Agreement with an interviewer's labels: pass/fail overall and by kind of answer, and the three-way confusion matrix. */
// The bundled questions as they read now, by id and by former id.
const bundledQuestions = await (async () => {
  const { readBank } = await import(pathToFileURL(join(root, 'src', 'core', 'bank', 'read.ts')).href);
  const { questionsById } = await import(pathToFileURL(join(root, 'src', 'core', 'bank', 'ids.ts')).href);
  return questionsById(readBank([join(root, 'questions')]).questions);
})();

/**
 * An answer is measured only against the question it answered: answers to a question since merged
 * or reworded (its text differs from the one the answer gives) are left out, and counted.
 */
function asAsked(records) {
  const kept = records.filter((r) => r.question === undefined || bundledQuestions.get(r.id)?.question === r.question);
  return { kept, left: records.length - kept.length };
}

function reportLabelled(title, all, grade = gradeBundled) {
  const { kept: records, left } = asAsked(all);
  if (left > 0) title += `; ${left} answers to questions since merged or reworded left out`;
  const { grades, seconds } = grade(records);
  const kinds = [...new Set(records.map((r) => r.kind))];
  const pass = grades.map((g) => g.verdict === 'correct');
  const gold = records.map((r) => r.label === 'correct');
  const agree = pass.filter((p, i) => p === gold[i]).length;
  const correctIdx = gold.flatMap((g, i) => (g ? [i] : []));
  const wrongIdx = gold.flatMap((g, i) => (g ? [] : [i]));
  console.log(`${title} (${records.length} answers to ${new Set(records.map((r) => r.id)).size} questions)`);
  console.log(`  pass/fail agreement ${pct(agree, records.length)}   correct answers accepted ${pct(correctIdx.filter((i) => pass[i]).length, correctIdx.length)}   not-correct answers passed ${pct(wrongIdx.filter((i) => pass[i]).length, wrongIdx.length)}`);
  console.log('  kind        n   agreement   accepted (of correct)   passed (of not correct)');
  for (const kind of kinds) {
    const idx = records.flatMap((r, i) => (r.kind === kind ? [i] : []));
    const ok = idx.filter((i) => pass[i] === gold[i]).length;
    const c = idx.filter((i) => gold[i]);
    const w = idx.filter((i) => !gold[i]);
    console.log(`  ${kind.padEnd(9)} ${String(idx.length).padStart(3)}   ${pct(ok, idx.length)}      ${pct(c.filter((i) => pass[i]).length, c.length)}                  ${pct(w.filter((i) => pass[i]).length, w.length)}`);
  }
  const verdicts = ['correct', 'partial', 'incorrect'];
  console.log('  confusion (rows: label, columns: verdict)   correct  partial  incorrect');
  for (const label of verdicts) {
    const row = verdicts.map((v) => grades.filter((g, i) => records[i].label === label && g.verdict === v).length);
    console.log(`    ${label.padEnd(40)} ${row.map((n) => String(n).padStart(7)).join('  ')}`);
  }
  console.log(`  throughput: ${Math.round(records.length / seconds)} answers/s (process start included)\n`);
}

/** Writes the data set's questions as a bank with no key terms, then grades every answer with `nnquiz grade --batch`. */
function gradeThroughCli(name, questions, answers) {
  const bank = mkdtempSync(join(tmpdir(), `nnquiz-bench-${name}-`));
  try {
    mkdirSync(join(bank, name));
    for (const q of questions) {
      writeFileSync(join(bank, name, `${q.id}.md`), `---\nid: ${JSON.stringify(q.id)}\nquestion: ${JSON.stringify(q.question)}\ndifficulty: medium\n---\n${q.reference}\n`);
    }
    const input = answers.map((a) => JSON.stringify({ id: a.qid, answer: a.answer })).join('\n');
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, 'grade', '--batch', '-', '--bank', bank], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) throw new Error(`nnquiz grade --batch failed (${result.status}): ${result.stderr}`);
    return { grades: result.stdout.trim().split('\n').map((line) => JSON.parse(line)), seconds };
  } finally {
    rmSync(bank, { recursive: true, force: true });
  }
}

const fmt = (x) => x.toFixed(3);

const csvField = (text) => `"${String(text).replace(/"/g, '""')}"`;

/**
 * Imports questions given as `{id, question, answer}` with `nnquiz import` (a CSV of question and
 * answer only, so every rubric is proposed from the answer), then grades `{id, answer}` records
 * against that bank with `grade --batch`: the path a user's own imported questions take.
 */
function importThenGrade(name, questions, records) {
  const dir = mkdtempSync(join(tmpdir(), `nnquiz-bench-import-${name}-`));
  try {
    const bank = join(dir, 'bank');
    const csv = join(dir, `${name}.csv`);
    const key = new Map(questions.map((q, i) => [q.id, `q-${i + 1}`]));
    // A data set may ask one question twice with two references; import would skip the second, so it is numbered.
    const texts = new Map();
    for (const q of questions) texts.set(q.question, (texts.get(q.question) ?? 0) + 1);
    const text = (q) => (texts.get(q.question) > 1 ? `${q.question} (${key.get(q.id)})` : q.question);
    writeFileSync(csv, `id,question,answer\n${questions.map((q) => [key.get(q.id), text(q), q.answer].map(csvField).join(',')).join('\n')}\n`);
    const env = { ...process.env, NNQUIZ_BANK: bank, NNQUIZ_CONFIG: join(dir, 'config.json') };
    const imported = spawnSync(process.execPath, [bin, 'import', csv, '--bank', bank, '--format', 'csv', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28, env });
    if (imported.status !== 0) throw new Error(`nnquiz import failed (${imported.status}): ${imported.stderr}`);
    const written = JSON.parse(imported.stdout).questions.filter((q) => q.written).length;
    if (written !== questions.length) throw new Error(`nnquiz import wrote ${written} of ${questions.length} questions`);
    const input = records.map((r) => JSON.stringify({ id: key.get(r.id), answer: r.answer })).join('\n');
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, 'grade', '--batch', '-', '--bank', bank], { input, encoding: 'utf8', maxBuffer: 1 << 28, env });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) throw new Error(`nnquiz grade --batch failed (${result.status}): ${result.stderr}`);
    return { grades: result.stdout.trim().split('\n').map((line) => JSON.parse(line)), seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!existsSync(join(dataDir, 'mohler')) && !existsSync(join(dataDir, 'scientsbank'))) {
  console.log(`No benchmark data in ${dataDir}; give its folder as an argument or in NNQUIZ_BENCH_DATA. Mohler and SciEntsBank skipped.\n`);
}
console.log(`nnquiz grading benchmark — data from ${dataDir}\n`);

if (existsSync(join(dataDir, 'mohler'))) {
  const questions = readJsonl(join(dataDir, 'mohler', 'questions.jsonl'));
  const answers = readJsonl(join(dataDir, 'mohler', 'answers.jsonl'));
  const references = new Map(questions.map((q) => [q.id, q.reference]));
  const { grades, seconds } = gradeThroughCli('mohler', questions, answers);
  const gold = answers.map((a) => a.score);
  const ours = grades.map((g) => g.score);
  const baseline = answers.map((a) => overlap(references.get(a.qid), a.answer));
  console.log(`Mohler (${answers.length} answers to ${questions.length} questions, graded 0–5 by two people)`);
  console.log('                                   Pearson r   RMSE after linear fit');
  console.log(`  plain stemmed-word overlap        ${fmt(pearson(baseline, gold))}       ${fmt(rmseAfterFit(baseline, gold))}`);
  console.log(`  nnquiz (derived key terms)        ${fmt(pearson(ours, gold))}       ${fmt(rmseAfterFit(ours, gold))}`);
  const proposed = importThenGrade('mohler', questions.map((q) => ({ id: q.id, question: q.question, answer: q.reference })), answers.map((a) => ({ id: a.qid, answer: a.answer }))).grades.map((g) => g.score);
  console.log(`  nnquiz import (proposed rubric)   ${fmt(pearson(proposed, gold))}       ${fmt(rmseAfterFit(proposed, gold))}`);
  console.log('  for reference: best trained system of the paper ≈ 0.52; the two graders agree at ≈ 0.59');
  console.log(`  throughput: ${Math.round(answers.length / seconds)} answers/s (${seconds.toFixed(2)} s for the whole batch, process start and bank load included)\n`);
}

if (existsSync(join(dataDir, 'scientsbank'))) {
  const questions = readJsonl(join(dataDir, 'scientsbank', 'questions.jsonl'));
  const answers = readJsonl(join(dataDir, 'scientsbank', 'answers.jsonl'));
  const references = new Map(questions.map((q) => [q.id, q.reference]));
  const { grades, seconds } = gradeThroughCli('scientsbank', questions, answers);
  const gold = answers.map((a) => a.label === 'correct');
  const ours = classification(grades.map((g) => g.verdict === 'correct'), gold);
  const overlaps = answers.map((a) => overlap(references.get(a.qid), a.answer));
  // The baseline is given its best threshold after the fact, which flatters it.
  const best = [...new Set(overlaps)]
    .map((t) => ({ t, ...classification(overlaps.map((o) => o >= t), gold) }))
    .sort((a, b) => b.accuracy - a.accuracy)[0];
  console.log(`SciEntsBank, unseen answers (${answers.length} answers to ${questions.length} questions, labelled correct/incorrect)`);
  console.log('                                               accuracy   macro F1   weighted F1');
  console.log(`  plain overlap, best threshold (${best.t.toFixed(2)} chosen after)  ${fmt(best.accuracy)}      ${fmt(best.macroF1)}      ${fmt(best.weightedF1)}`);
  console.log(`  nnquiz, verdict "correct" at pass mark 0.6    ${fmt(ours.accuracy)}      ${fmt(ours.macroF1)}      ${fmt(ours.weightedF1)}`);
  const imported = importThenGrade('scientsbank', questions.map((q) => ({ id: q.id, question: q.question, answer: q.reference })), answers.map((a) => ({ id: a.qid, answer: a.answer })));
  const proposed = classification(imported.grades.map((g) => g.verdict === 'correct'), gold);
  console.log(`  nnquiz import (proposed rubric), same mark     ${fmt(proposed.accuracy)}      ${fmt(proposed.macroF1)}      ${fmt(proposed.weightedF1)}`);
  console.log('  for reference: majority class 0.569 accuracy; best trained systems of the shared task ≈ 0.77 weighted F1');
  console.log(`  throughput: ${Math.round(answers.length / seconds)} answers/s (${seconds.toFixed(2)} s, process start included)\n`);
}

const devSet = resolve(process.env.NNQUIZ_GRADING_DEV ?? join(root, '..', 'shared', 'grading-dev', 'answers.jsonl'));
if (existsSync(devSet)) {
  const dev = readJsonl(devSet);
  reportLabelled(`Interview answers, development set ${devSet}`, dev);
  // The same answers against the same questions imported with their model answers only, as a user's own list would come in.
  const asked = [...new Set(asAsked(dev).kept.map((r) => r.id))].map((id) => ({ id, question: bundledQuestions.get(id).question, answer: bundledQuestions.get(id).answer }));
  reportLabelled('The same answers, questions imported from their model answers alone (nnquiz import: proposed rubrics, no authored key terms)', dev, (records) => importThenGrade('dev', asked, records));
} else console.log(`No development set at ${devSet} (set NNQUIZ_GRADING_DEV to its answers.jsonl); skipped.\n`);
const answersDir = join(root, 'tests', 'fixtures', 'interview-answers');
reportLabelled('Interview answers no rubric was tuned on (tests/fixtures/interview-answers/held-out.jsonl)', readJsonl(join(answersDir, 'held-out.jsonl')));
reportLabelled('Interview answers rubrics were checked against (tests/fixtures/interview-answers/tuning.jsonl)', readJsonl(join(answersDir, 'tuning.jsonl')));
reportLabelled('Interview answers to the added questions, no rubric checked against them (tests/fixtures/interview-answers/additions-held-out.jsonl)', readJsonl(join(answersDir, 'additions-held-out.jsonl')));
reportLabelled('Interview answers to the added questions, rubrics checked against them (tests/fixtures/interview-answers/additions.jsonl)', readJsonl(join(answersDir, 'additions.jsonl')));
