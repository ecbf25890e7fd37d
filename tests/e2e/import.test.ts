import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers.js';
import { runCli, type CliResult } from './run-cli.js';

const studyGuide = fixture('import/study-guide.md');
const fullDisk = fixture('import/full-disk-on-third-question.mjs');
// Any escape, bell, C1 control or bidi override reaching the terminal or a file is a failure.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** What the study guide's nine questions become: ids the bundled bank holds get a number. */
const STUDY_GUIDE_FILES = [
  'general/backpropagation-2.md',
  'general/batch-normalization-2.md',
  'general/dropout-2.md',
  'general/dropout-reduce-overfitting.md',
  'general/gradient-clipping.md',
  'general/learning-rate-chosen.md',
  'general/need-non-linear-activations.md',
  'general/neuron-compute.md',
  'general/walk-backpropagation.md',
];

interface Workspace {
  dir: string;
  bank: string;
  /** Runs nnquiz in `dir` with `bank` as the only bank in use, so only its questions count as already held. */
  run(args: string[], options?: { input?: string; env?: Record<string, string> }): CliResult;
}

/** A temporary folder (removed after the test) to import into `<dir>/bank` from. */
function workspace(bank = 'bank'): Workspace {
  const dir = tempDir();
  const bankFolder = join(dir, bank);
  return {
    dir,
    bank: bankFolder,
    run: (args, options = {}) => runCli(args, { cwd: dir, input: options.input, env: { NNQUIZ_BANK: bankFolder, ...options.env } }),
  };
}

/** Every file (or link) under a folder, relative to it, sorted. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

interface ShownQuestion {
  id: string;
  question: string;
  topic: string;
  tags: string[];
  difficulty: string;
  key_terms: Array<{ term: string }>;
  rubric_proposed: boolean;
  answer: string;
}

function show(ws: Workspace, id: string, bank = ws.bank): ShownQuestion {
  const shown = ws.run(['show', id, '--json', '--bank', bank]);
  expect(shown).toMatchObject({ status: 0, stderr: '' });
  return JSON.parse(shown.stdout) as ShownQuestion;
}

function importStudyGuide(ws: Workspace, ...flags: string[]): CliResult {
  return ws.run(['import', studyGuide, '--bank', ws.bank, ...flags]);
}

describe('nnquiz import: a Markdown study guide', () => {
  it('writes its 9 questions to <bank>/general/, naming the 2 unanswered and the 2 groups of near-duplicates', () => {
    const ws = workspace();
    const { status, stdout, stderr } = importStudyGuide(ws);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`Read ${studyGuide} as a Markdown or text Q&A document: 9 questions.`);
    expect(lines[1]).toBe(`✔ Wrote 9 questions to ${ws.bank}.`);
    expect(filesUnder(ws.bank)).toEqual(STUDY_GUIDE_FILES);
    expect(stdout).toContain(
      '2 questions have no answer in the file, so they cannot be graded until one is written:\n' +
        `  learning-rate-chosen "How should the learning rate be chosen?" (${studyGuide}:21)\n` +
        `  batch-normalization-2 "What does batch normalization do during training?" (${studyGuide}:22)\n`,
    );
    expect(stdout).toContain(
      '2 groups of near-duplicates (ask the same thing in other words; --merge-duplicates merges each into its first):\n' +
        `  • "What is backpropagation?" (${studyGuide}:11)\n` +
        `  ≈ "Can you walk through backpropagation and why it matters for training?" (${studyGuide}:20)\n` +
        `  • "How does dropout reduce overfitting?" (${studyGuide}:19)\n` +
        `  ≈ "What is dropout in a neural network?" (${studyGuide}:34)\n`,
    );
  });

  it('gives a question whose id the bundled bank uses another, and says so', () => {
    const ws = workspace();
    const { status, stdout } = importStudyGuide(ws);
    expect(status).toBe(0);
    expect(stdout).toContain(
      '3 ids already taken in the banks, so the question got another:\n' +
        `  backpropagation → backpropagation-2 (${studyGuide}:11)\n` +
        `  batch-normalization → batch-normalization-2 (${studyGuide}:22)\n` +
        `  dropout → dropout-2 (${studyGuide}:34)\n`,
    );
    expect(readFileSync(join(ws.bank, 'general', 'dropout-2.md'), 'utf8')).toMatch(/^---\nid: dropout-2\nquestion: What is dropout in a neural network\?\n/);
  });

  it('writes files that validate, with proposed rubrics and empty answers flagged as warnings', () => {
    const ws = workspace();
    expect(importStudyGuide(ws).status).toBe(0);
    const { status, stdout } = ws.run(['validate', '--bank', ws.bank]);
    expect(status).toBe(0);
    const proposed = "warning: its rubric is still a proposal (rubric: proposed): review its key terms (mark the 2–4 an interviewer must hear 'core: true', add the plain words people say), then delete the 'rubric:' line";
    const empty = 'warning: the model answer is empty, so answers cannot be graded; write it after the closing --- line';
    const unanswered = ['general/batch-normalization-2.md', 'general/learning-rate-chosen.md'];
    expect(stdout).toBe(
      STUDY_GUIDE_FILES.map((file) => `${join(ws.bank, file)}: ${unanswered.includes(file) ? empty : proposed}\n`).join('') + '⚠ 9 questions loaded; 0 errors, 9 warnings\n',
    );
  });

  it('writes a question file with its answer, `rubric: proposed` and key terms from the answer', () => {
    const ws = workspace();
    expect(importStudyGuide(ws).status).toBe(0);
    const text = readFileSync(join(ws.bank, 'general', 'neuron-compute.md'), 'utf8');
    expect(text).toMatch(/^---\nid: neuron-compute\nquestion: What does a neuron in a network compute\?\ntopic: general\ndifficulty: medium\nrubric: proposed\nkey_terms:\n {2}- /);
    expect(text).toMatch(/\n---\nIt multiplies each input by a weight, adds the results and a bias, and passes the sum through an activation function such as ReLU.\n$/);
    const shown = show(ws, 'neuron-compute');
    expect(shown.rubric_proposed).toBe(true);
    expect(shown.key_terms.map((t) => t.term)).toEqual(expect.arrayContaining(['bias', 'relu']));
  });
});

describe('nnquiz import: the imported bank is ready to practise', () => {
  function gradeNeuron(ws: Workspace, answer: string): string {
    const graded = ws.run(['grade', 'neuron-compute', answer, '--bank', ws.bank, '--json']);
    expect(graded.status).toBe(0);
    return (JSON.parse(graded.stdout) as { verdict: string }).verdict;
  }

  it('grades a correct answer in plain words as correct', () => {
    const ws = workspace();
    expect(importStudyGuide(ws).status).toBe(0);
    expect(gradeNeuron(ws, 'It weighs each of its inputs, sums them up with a bias, then applies a nonlinearity such as ReLU to that sum.')).toBe('correct');
  });

  it('does not pass a bare list of the proposed key terms, nor the question restated', () => {
    const ws = workspace();
    expect(importStudyGuide(ws).status).toBe(0);
    const terms = show(ws, 'neuron-compute').key_terms.map((t) => t.term);
    expect(terms.length).toBeGreaterThan(3);
    expect(gradeNeuron(ws, terms.join(', '))).not.toBe('correct');
    expect(gradeNeuron(ws, 'What does a neuron in a network compute?')).not.toBe('correct');
  });

  it('quizzes from the imported bank, leaving out the questions without an answer, and says so', () => {
    const ws = workspace();
    expect(importStudyGuide(ws).status).toBe(0);
    const quiz = ws.run(['quiz', '--bank', ws.bank, '--count', '9', '--order', 'bank', '--data-dir', join(ws.dir, 'data')], { input: 'an answer\n'.repeat(9) });
    expect(quiz.status).toBe(0);
    expect(quiz.stderr).toBe("2 questions have no model answer yet and are left out ('nnquiz validate' lists them).\n");
    expect(quiz.stdout).toContain('Only 7 questions match; asking all 7.');
    expect(quiz.stdout).toContain('Question 7/7');
    expect(quiz.stdout).not.toContain('How is the learning rate chosen');
  });

  it('refuses to quiz, review or grade only questions without an answer, rather than score answers against nothing', () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'list.md'), '1. What is a learning-rate schedule?\n2. What is weight decay?\n');
    expect(ws.run(['import', 'list.md', '--bank', ws.bank]).status).toBe(0);
    const data = ['--data-dir', join(ws.dir, 'data')];
    const hint = "hint: write the answers after each file's closing --- line ('nnquiz validate' lists them)\n";
    expect(ws.run(['quiz', '--bank', ws.bank, ...data], { input: 'x\n' })).toMatchObject({ status: 2, stdout: '', stderr: `nnquiz: none of the 2 questions chosen has a model answer to grade against\n${hint}` });
    expect(ws.run(['review', '--bank', ws.bank, ...data], { input: 'x\n' })).toMatchObject({ status: 2, stdout: '' });
    expect(ws.run(['grade', 'weight-decay', 'it shrinks the weights', '--bank', ws.bank])).toEqual({
      status: 1,
      stdout: '',
      stderr: `nnquiz: weight-decay has no model answer or key terms yet, so there is nothing to grade against\nhint: write its answer after the closing --- line of ${join(ws.bank, 'general', 'weight-decay.md')}\n`,
    });
    const batch = ws.run(['grade', '--batch', '-', '--bank', ws.bank], { input: '{"id": "weight-decay", "answer": "it shrinks the weights"}\n' });
    expect(batch.status).toBe(1);
    expect(JSON.parse(batch.stdout)).toMatchObject({ id: 'weight-decay', line: 1, error: expect.stringContaining('nothing to grade against') });
  });
});

// The four kinds of file people bring, each as its tool writes it: every one becomes a bank that
// validates (proposed rubrics and empty answers are warnings) and that quiz can ask from at once.
describe('nnquiz import: each format gives a bank to practise at once', () => {
  const seed = fixture('../../../shared/seed/000_52aa9df503d68a44.txt');
  const ankiExport =
    '#separator:tab\n#html:true\n#tags column:3\n' +
    'What does <b>dropout</b> do while training?\tIt zeroes a random share of the units at each step,<br>so that no unit can rely on another:<ul><li>a fresh mask every step</li><li>turned off at inference</li></ul>\tregularization\n' +
    '"Why does a ""residual"" connection help deep nets train?"\tThe identity path lets the <i>gradient</i> flow straight back to early layers.\tarchitectures\n';
  const quizletExport = 'Learning rate\tThe size of each step along the negative gradient.\nEpoch\tOne full pass over the training data.\n';
  const csv = 'topic,question,answer\nnormalization,What does batch normalization normalize?,"Each feature over the mini-batch:\nsubtract the batch mean, divide by the batch standard deviation, then scale and shift."\n';

  it.each([
    ['the seed study guide', 'seed.md', existsSync(seed) ? readFileSync(seed, 'utf8') : undefined, 'a Markdown or text Q&A document: 40 questions'],
    ['an Anki text export with HTML', 'deck.txt', ankiExport, 'an Anki text export: 2 questions'],
    ['a Quizlet export', 'set.txt', quizletExport, 'a Quizlet export: 2 questions'],
    ['a CSV with a header', 'cards.csv', csv, 'CSV/TSV with a header: 1 question'],
  ])('%s', (_name, file, content, read) => {
    if (content === undefined) return; // the seed lives beside the project on the team's machines only
    const ws = workspace();
    writeFileSync(join(ws.dir, file), content);
    const imported = ws.run(['import', file, '--bank', ws.bank]);
    expect(imported).toMatchObject({ status: 0, stderr: '' });
    expect(imported.stdout).toContain(`Read ${file} as ${read}.\n`);

    const validated = ws.run(['validate', '--bank', ws.bank]);
    expect(validated.status).toBe(0);
    expect(validated.stdout).toMatch(/; 0 errors, \d+ warnings?\n$/);

    const quiz = ws.run(['quiz', '--bank', ws.bank, '--count', '1', '--data-dir', join(ws.dir, 'data')], { input: 'an answer\n' });
    expect(quiz.status).toBe(0);
    expect(quiz.stdout).toContain('Question 1/1');
  });
});

describe('nnquiz import --merge-duplicates', () => {
  it('writes 7 questions, each group merged into its first, the other answers added to it', () => {
    const ws = workspace();
    const { status, stdout } = importStudyGuide(ws, '--merge-duplicates');
    expect(status).toBe(0);
    expect(stdout).toContain(`✔ Wrote 7 questions to ${ws.bank}.`);
    expect(filesUnder(ws.bank)).toEqual(STUDY_GUIDE_FILES.filter((f) => f !== 'general/dropout-2.md' && f !== 'general/walk-backpropagation.md'));
    const dropout = show(ws, 'dropout-reduce-overfitting').answer;
    expect(dropout).toContain('During training it switches off a random subset of units at every step');
    expect(dropout).toContain('**Dropout** zeroes random activations while training.');
    expect(dropout).toContain('it keeps units from co-adapting, which curbs overfitting.');
    expect(stdout).toContain(
      'Merged 2 groups of near-duplicates, each into its first question:\n' +
        `  • "What is backpropagation?" (${studyGuide}:11)\n` +
        `  ≈ "Can you walk through backpropagation and why it matters for training?" (${studyGuide}:20)\n` +
        `  • "How does dropout reduce overfitting?" (${studyGuide}:19)\n` +
        `  ≈ "What is dropout in a neural network?" (${studyGuide}:34)\n`,
    );
  });
});

describe('nnquiz import --dry-run and --json', () => {
  it('--dry-run lists the files it would write and writes nothing, not even the bank folder', () => {
    const ws = workspace();
    const { status, stdout, stderr } = importStudyGuide(ws, '--dry-run');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const lines = [3, 6, 11, 19, 20, 21, 22, 34, 38];
    const order = ['neuron-compute', 'need-non-linear-activations', 'backpropagation-2', 'dropout-reduce-overfitting', 'walk-backpropagation', 'learning-rate-chosen', 'batch-normalization-2', 'dropout-2', 'gradient-clipping'];
    expect(stdout).toContain(`Would write 9 questions to ${ws.bank}.\n${order.map((id, i) => `  general/${id}.md  ← ${studyGuide}:${lines[i]}\n`).join('')}`);
    expect(stdout).toMatch(/Nothing was written \(--dry-run\)\.\n$/);
    expect(readdirSync(ws.dir)).toEqual([]);
  });

  it('--json prints one document of the documented shape', () => {
    const ws = workspace();
    const { status, stdout, stderr } = importStudyGuide(ws, '--dry-run', '--json');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['bank', 'dry_run', 'files', 'failed', 'questions', 'skipped', 'near_duplicates', 'problems']);
    expect(report).toMatchObject({ bank: ws.bank, dry_run: true, files: [{ file: studyGuide, format: 'markdown', questions: 9 }], failed: [], skipped: [], problems: [] });
    expect(report.questions).toHaveLength(9);
    for (const q of report.questions) {
      expect(Object.keys(q).filter((key) => key !== 'wanted_id')).toEqual(['id', 'question', 'topic', 'difficulty', 'file', 'written', 'source', 'answer_empty', 'rubric_proposed', 'merged']);
    }
    expect(report.questions.find((q: { id: string }) => q.id === 'dropout-2')).toEqual({
      id: 'dropout-2',
      question: 'What is dropout in a neural network?',
      topic: 'general',
      difficulty: 'medium',
      file: join(ws.bank, 'general', 'dropout-2.md'),
      written: false,
      source: { file: studyGuide, line: 34 },
      answer_empty: false,
      rubric_proposed: true,
      wanted_id: 'dropout',
      merged: [],
    });
    expect(report.questions.filter((q: { answer_empty: boolean }) => q.answer_empty).map((q: { id: string }) => q.id)).toEqual(['learning-rate-chosen', 'batch-normalization-2']);
    expect(report.near_duplicates).toEqual([
      {
        merged: false,
        questions: [
          { file: studyGuide, line: 11, question: 'What is backpropagation?', id: 'backpropagation-2' },
          { file: studyGuide, line: 20, question: 'Can you walk through backpropagation and why it matters for training?', id: 'walk-backpropagation' },
        ],
      },
      {
        merged: false,
        questions: [
          { file: studyGuide, line: 19, question: 'How does dropout reduce overfitting?', id: 'dropout-reduce-overfitting' },
          { file: studyGuide, line: 34, question: 'What is dropout in a neural network?', id: 'dropout-2' },
        ],
      },
    ]);
    expect(readdirSync(ws.dir)).toEqual([]);
  });
});

describe('nnquiz import: running it again', () => {
  function snapshot(bank: string) {
    return filesUnder(bank).map((file) => ({ file, bytes: readFileSync(join(bank, file), 'utf8'), mtime: statSync(join(bank, file)).mtimeMs }));
  }

  it('writes nothing the second time, skips all 9 as already in the bank, and changes no file', () => {
    const ws = workspace();
    expect(importStudyGuide(ws).status).toBe(0);
    const before = snapshot(ws.bank);
    const { status, stdout } = importStudyGuide(ws);
    expect(status).toBe(0);
    expect(stdout).toContain(`Wrote 0 questions to ${ws.bank}.\n`);
    expect(stdout).toContain('Skipped 9 questions the banks or this import already hold:\n');
    expect(stdout).toContain(`  "What is dropout in a neural network?" (${studyGuide}:34) is in ${join('bank', 'general', 'dropout-2.md')}\n`);
    expect(snapshot(ws.bank)).toEqual(before);
  });

  // BUG: the questions --merge-duplicates folded into another are not in the bank as questions, so
  // a second run writes them as new ones (walk-backpropagation.md, dropout-2.md), though the README
  // says running an import twice adds nothing the second time.
  it('writes nothing the second time with --merge-duplicates either', () => {
    const ws = workspace();
    expect(importStudyGuide(ws, '--merge-duplicates').status).toBe(0);
    const before = filesUnder(ws.bank);
    const { status, stdout } = importStudyGuide(ws, '--merge-duplicates');
    expect(status).toBe(0);
    expect(stdout).toContain(`Wrote 0 questions to ${ws.bank}.\n`);
    expect(filesUnder(ws.bank)).toEqual(before);
  });
});

describe('nnquiz import: an Anki round trip', () => {
  const clipping = `---
id: my-clipping
question: How does gradient clipping by norm keep training stable?
topic: optimization
tags: [gradients, stability]
difficulty: hard
key_terms:
  - term: rescales the gradient
    core: true
---
When the **global norm** of the gradient passes a threshold, the whole gradient is *rescaled* so its norm equals the threshold:

\`\`\`python
torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
\`\`\`

- The direction is kept.
- Only the step size shrinks.
`;
  const warmup = `---
id: my-warmup
question: What is a learning-rate warmup?
topic: basics
difficulty: easy
key_terms:
  - raises the learning rate
---
Warmup **raises the learning rate** gradually over the first steps, which avoids early instability.
`;

  /** Markdown with emphasis written one way (`_a_` as `*a*`) and blanks collapsed, to compare answers as text. */
  const asText = (markdown: string) => markdown.replace(/(^|[^\w_])_([^_\n]+)_(?![\w_])/g, '$1*$2*').replace(/\s+/g, ' ').trim();

  it('export --format anki, then import, gives back the same ids, questions, topics, tags, difficulties and answers', () => {
    const ws = workspace('imported');
    const source = join(ws.dir, 'source');
    mkdirSync(join(source, 'optimization'), { recursive: true });
    mkdirSync(join(source, 'basics'));
    writeFileSync(join(source, 'optimization', 'my-clipping.md'), clipping);
    writeFileSync(join(source, 'basics', 'my-warmup.md'), warmup);

    expect(ws.run(['export', '--format', 'anki', '--bank', source, '--out', 'deck.txt']).status).toBe(0);
    const imported = ws.run(['import', 'deck.txt', '--bank', ws.bank]);
    expect(imported).toMatchObject({ status: 0, stderr: '' });
    expect(imported.stdout).toContain('Read deck.txt as an Anki text export: 2 questions.\n✔ Wrote 2 questions to');
    expect(filesUnder(ws.bank)).toEqual(['basics/my-warmup.md', 'optimization/my-clipping.md']);

    for (const id of ['my-clipping', 'my-warmup']) {
      const before = show(ws, id, source);
      const after = show(ws, id);
      expect({ id: after.id, question: after.question, topic: after.topic, tags: after.tags, difficulty: after.difficulty }).toEqual({
        id: before.id,
        question: before.question,
        topic: before.topic,
        tags: before.tags,
        difficulty: before.difficulty,
      });
      expect(asText(after.answer)).toBe(asText(before.answer));
    }
    expect(show(ws, 'my-clipping').answer).toContain('```python\ntorch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)\n```');
    expect(show(ws, 'my-clipping').tags).toEqual(['gradients', 'stability']);
  });
});

describe('nnquiz import: Quizlet, CSV and TSV', () => {
  it('reads Quizlet cards split by a tab, and by a comma with --format quizlet', () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'tab.txt'), 'Weight decay\tShrinks every weight toward zero at each step, a penalty on large weights.\nNesterov momentum\tTakes the gradient at the point momentum is about to carry the weights to.\n');
    writeFileSync(join(ws.dir, 'comma.txt'), 'Epoch,One full pass over the training data, every example seen once.\nMini-batch,A small subset of the examples, used for one gradient step.\n');

    const tab = ws.run(['import', 'tab.txt', '--bank', ws.bank, '--topic', 'optimization', '--difficulty', 'easy']);
    expect(tab).toMatchObject({ status: 0, stderr: '' });
    expect(tab.stdout).toContain('Read tab.txt as a Quizlet export: 2 questions.\n');
    const comma = ws.run(['import', 'comma.txt', '--bank', ws.bank, '--format', 'quizlet']);
    expect(comma).toMatchObject({ status: 0, stderr: '' });
    expect(comma.stdout).toContain('Read comma.txt as a Quizlet export: 2 questions.\n');

    expect(filesUnder(ws.bank)).toEqual(['general/epoch.md', 'general/mini-batch.md', 'optimization/nesterov-momentum.md', 'optimization/weight-decay.md']);
    expect(show(ws, 'weight-decay')).toMatchObject({ question: 'Weight decay', topic: 'optimization', difficulty: 'easy', answer: 'Shrinks every weight toward zero at each step, a penalty on large weights.' });
    // Only the first comma splits: a definition often holds more.
    expect(show(ws, 'mini-batch')).toMatchObject({ question: 'Mini-batch', topic: 'general', difficulty: 'medium', answer: 'A small subset of the examples, used for one gradient step.' });
    expect(ws.run(['validate', '--bank', ws.bank]).status).toBe(0);
  });

  it('reads a CSV whose header lists the columns in another order, with a quoted multi-line answer', () => {
    const ws = workspace();
    writeFileSync(
      join(ws.dir, 'cards.csv'),
      'difficulty,tags,answer,topic,question\n' +
        'hard,"transformers, heads","Each head attends in its own subspace:\n\n- queries and keys are projected per head\n- the outputs are concatenated, then projected",attention,"Why use several attention heads (rather than one, as a single large head), say in a transformer?"\n' +
        'easy,,"A vector pointing uphill: the direction in which the loss grows fastest.",fundamentals,What does the gradient of the loss point to?\n',
    );
    const { status, stdout, stderr } = ws.run(['import', 'cards.csv', '--bank', ws.bank]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toContain('Read cards.csv as CSV/TSV with a header: 2 questions.\n');
    expect(filesUnder(ws.bank)).toEqual(['attention/several-attention-heads.md', 'fundamentals/gradient-loss-point.md']);
    expect(show(ws, 'several-attention-heads')).toMatchObject({
      question: 'Why use several attention heads (rather than one, as a single large head), say in a transformer?',
      topic: 'attention',
      tags: ['transformers', 'heads'],
      difficulty: 'hard',
      answer: 'Each head attends in its own subspace:\n\n- queries and keys are projected per head\n- the outputs are concatenated, then projected',
    });
    expect(show(ws, 'gradient-loss-point')).toMatchObject({ topic: 'fundamentals', tags: [], difficulty: 'easy' });
    expect(ws.run(['validate', '--bank', ws.bank]).status).toBe(0);
  });

  it('reads a TSV with a header', () => {
    const ws = workspace();
    writeFileSync(
      join(ws.dir, 'cards.tsv'),
      'question\tanswer\ttopic\tdifficulty\ttags\nWhat does a convolution share across positions?\tThe same small filter slides over the input, so its weights are reused everywhere.\tcnn\thard\tconvolution weight-sharing\n',
    );
    const { status, stdout, stderr } = ws.run(['import', 'cards.tsv', '--bank', ws.bank]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toContain('Read cards.tsv as CSV/TSV with a header: 1 question.\n');
    expect(filesUnder(ws.bank)).toEqual(['cnn/convolution-share-positions.md']);
    expect(show(ws, 'convolution-share-positions')).toMatchObject({
      topic: 'cnn',
      tags: ['convolution', 'weight-sharing'],
      difficulty: 'hard',
      answer: 'The same small filter slides over the input, so its weights are reused everywhere.',
    });
    expect(ws.run(['validate', '--bank', ws.bank]).status).toBe(0);
  });
});

describe('nnquiz import: files it cannot read', () => {
  const good = 'Q: What does a bias term add to a neuron?\nA: A constant shift, so the unit can fire even when every input is zero.\n';

  it.each([
    ['an empty file', 'empty.md', '', 'empty.md: is empty', 'give a file that holds questions'],
    ['a binary file', 'data.bin', Buffer.from('Q: What?\u0000\u0000\u0001\u0002A: no', 'latin1'), 'data.bin: is not a text file: it holds binary data', 'give a Markdown, CSV/TSV, Anki or Quizlet text file'],
    ['a file that is not UTF-8', 'photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), 'photo.jpg: is not a text file: it holds bytes that are not UTF-8 text', 'save it as UTF-8 text (Markdown, CSV, or an Anki or Quizlet text export)'],
    [
      'an Anki package (a zip)',
      'deck.apkg',
      Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(64, 1)]),
      'deck.apkg: is a zip archive (an Anki .apkg package, a spreadsheet?), not a text file',
      "in Anki, export as 'Notes in Plain Text (.txt)'; from a spreadsheet, save as CSV",
    ],
    [
      'a CSV with a quote never closed',
      'cards.csv',
      'question,answer\nWhat is a tensor?,"An array\nof numbers"\nWhat is a scalar?,A number\n"What is a vector?,A list\nWhat is a matrix?,A grid\n',
      'cards.csv:5: a quoted field opened on line 5 is never closed',
      'close the quote, or double a quote inside a quoted field ("")',
    ],
    [
      'a CSV with text after a closing quote',
      'cards.csv',
      'question,answer\nWhat is a tensor?,An array\n"What is a scalar?"x,A number\n',
      'cards.csv:3: a quoted field on line 3 goes on after its closing quote',
      'double a quote inside a quoted field (""), or put the delimiter right after the closing quote',
    ],
    [
      'a document with no questions',
      'notes.md',
      '# Notes\n\nSay each answer out loud, then compare it with the notes.\n',
      'notes.md: no questions found: expected numbered questions (1. **What is …?**), question headings, or Q:/A: pairs',
      'if it is a CSV, Anki or Quizlet file, say so with --format csv, anki or quizlet',
    ],
    ['a folder', 'notes', null, 'notes: is a folder', 'give the files to import; a bank folder is loaded with --bank, not imported'],
    ['a missing file', 'missing.md', undefined, 'missing.md: cannot be read: no such file (ENOENT)', 'check the path'],
  ])('%s: one line naming it and a hint, exit 1, and the other file is still imported', (_name, file, content, error, hint) => {
    const ws = workspace();
    if (content === null) mkdirSync(join(ws.dir, file));
    else if (content !== undefined) writeFileSync(join(ws.dir, file), content);
    writeFileSync(join(ws.dir, 'good.md'), good);

    const { status, stdout, stderr } = ws.run(['import', file, 'good.md', '--bank', ws.bank]);
    expect(stderr).toBe(`nnquiz: ${error}\nhint: ${hint}\n`);
    expect(status).toBe(1);
    expect(stdout).toContain(`Read good.md as a Markdown or text Q&A document: 1 question.\n✔ Wrote 1 question to ${ws.bank}.\n`);
    expect(filesUnder(ws.bank)).toEqual(['general/bias-term-add-neuron.md']);
  });

  it('needs --bank (exit 2)', () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'good.md'), good);
    expect(ws.run(['import', 'good.md'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'nnquiz: --bank DIR is needed: the folder to write the questions to\nhint: e.g. nnquiz import notes.md --bank ./my-questions (the folder is created if missing)\n',
    });
    expect(readdirSync(ws.dir)).toEqual(['good.md']);
  });

  it('refuses an unknown --format (exit 2) and writes nothing', () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'good.md'), good);
    expect(ws.run(['import', 'good.md', '--bank', ws.bank, '--format', 'pdf'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'nnquiz: --format: expected markdown, anki, quizlet or csv, got "pdf"\nhint: \'nnquiz import --help\' shows its options and examples\n',
    });
    expect(readdirSync(ws.dir)).toEqual(['good.md']);
  });
});

describe('nnquiz import: hostile files', () => {
  const hostileCsv =
    'question,answer,topic,tags\n' +
    '"What is \u001b]52;c;cHduZWQ=\u0007a clipboard \u001b[31mred\u001b[0m trap?","It \u001b[2Jclears the screen and \u001b]8;;https://evil.example\u0007links\u001b]8;;\u0007 away.",../../outside,"\u001b[1mbold, ../up"\n';

  it('writes a topic of ../../outside inside the bank, and no escape sequence reaches the terminal or the file', () => {
    const ws = workspace(join('a', 'b', 'bank'));
    writeFileSync(join(ws.dir, 'hostile.csv'), hostileCsv);
    const { status, stdout, stderr } = ws.run(['import', 'hostile.csv', '--bank', ws.bank]);
    expect(status).toBe(0);
    expect(stdout + stderr).not.toMatch(CONTROL);
    expect(filesUnder(ws.dir)).toEqual(['a/b/bank/outside/clipboard-red-trap.md', 'hostile.csv']);
    const written = readFileSync(join(ws.bank, 'outside', 'clipboard-red-trap.md'), 'utf8');
    expect(written).not.toMatch(CONTROL);
    expect(written).toContain('question: What is a clipboard red trap?\ntopic: outside\ntags:\n  - bold\n  - up\n');
    expect(written).toMatch(/\n---\nIt clears the screen and links away\.\n$/);

    const other = join(ws.dir, 'other');
    const json = ws.run(['import', 'hostile.csv', '--bank', other, '--dry-run', '--json'], { env: { NNQUIZ_BANK: other } });
    expect(json.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(json.stdout).questions[0].question).toBe('What is a clipboard red trap?');
  });

  // JSON escapes C0 controls itself, but a C1 CSI (U+009B) or a bidi override (U+202E) would reach stdout as they are.
  it('keeps control characters of a file out of the --json problems', () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'cards.txt'), 'Weight decay\tShrinks weights toward zero.\nno tab here \u009b31m \u202e reversed\n');
    const { status, stdout } = ws.run(['import', 'cards.txt', '--bank', ws.bank, '--format', 'quizlet', '--dry-run', '--json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).problems).toHaveLength(1);
    expect(stdout).not.toMatch(CONTROL);
  });

  it('refuses a topic folder that is a link to a folder outside the bank, naming it, writes the other questions and nothing outside', () => {
    const ws = workspace();
    const outside = join(ws.dir, 'outside');
    mkdirSync(outside);
    mkdirSync(ws.bank);
    symlinkSync(outside, join(ws.bank, 'optimization'));
    writeFileSync(join(ws.dir, 'cards.csv'), 'question,answer,topic\nWhat is an epoch?,One pass over the training data.,basics\nWhat does momentum keep?,A running average of past gradients.,optimization\n');

    const { status, stdout, stderr } = ws.run(['import', 'cards.csv', '--bank', ws.bank]);
    expect(status).toBe(1);
    expect(stdout).toContain(`✔ Wrote 1 question to ${ws.bank}.`);
    expect(stderr).toBe(
      `nnquiz: cards.csv:3: ${join(ws.bank, 'optimization')} leads outside the bank, to ${realpathSync(outside)}; this question was not written\n` +
        `hint: nnquiz writes only inside ${ws.bank}: choose another topic, or replace it with a folder\n`,
    );
    expect(filesUnder(ws.bank)).toEqual(['basics/epoch.md', 'optimization']);
    expect(readdirSync(outside)).toEqual([]);

    const json = JSON.parse(ws.run(['import', 'cards.csv', '--bank', ws.bank, '--json']).stdout);
    expect(json.failed).toEqual([expect.objectContaining({ file: 'cards.csv', line: 3 })]);
    expect(json.questions).toEqual([expect.objectContaining({ id: 'momentum-keep', written: false })]);
  });

  it('says when every question was refused, without a check mark', () => {
    const ws = workspace();
    mkdirSync(join(ws.dir, 'outside'));
    mkdirSync(ws.bank);
    symlinkSync(join(ws.dir, 'outside'), join(ws.bank, 'optimization'));
    writeFileSync(join(ws.dir, 'cards.csv'), 'question,answer,topic\nWhat does momentum keep?,A running average of past gradients.,optimization\n');
    const { status, stdout } = ws.run(['import', 'cards.csv', '--bank', ws.bank]);
    expect(status).toBe(1);
    expect(stdout).toContain(`\nWrote 0 questions to ${ws.bank}.\n`);
    expect(stdout).not.toContain('Try it');
  });
});

describe('nnquiz import on a full disk', () => {
  it('stops where it is, says how many were written and that a second run skips them, and leaves only whole files', () => {
    const ws = workspace();
    const { status, stdout, stderr } = ws.run(['import', studyGuide, '--bank', ws.bank], { env: { NODE_OPTIONS: `--import ${fullDisk}` } });
    expect(stderr).toBe(
      `nnquiz: ${join(ws.bank, 'general', 'backpropagation-2.md')} cannot be written: the disk is full (ENOSPC)\n` +
        'hint: 2 of 9 questions were written before it; free some space, or check that the bank folder is writable; running the import again skips those written\n',
    );
    expect(status).toBe(1);
    expect(stdout).toContain(`✔ Wrote 2 questions to ${ws.bank}.\n`);
    // No half-written third file, and no temporary file left behind.
    const written = filesUnder(ws.bank);
    expect(written).toEqual(['general/need-non-linear-activations.md', 'general/neuron-compute.md']);
    const roomy = workspace();
    expect(importStudyGuide(roomy).status).toBe(0);
    for (const file of written) expect(readFileSync(join(ws.bank, file), 'utf8')).toBe(readFileSync(join(roomy.bank, file), 'utf8'));

    const again = importStudyGuide(ws);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`✔ Wrote 7 questions to ${ws.bank}.\n`);
    expect(again.stdout).toContain('Skipped 2 questions the banks or this import already hold:\n');
    expect(filesUnder(ws.bank)).toEqual(STUDY_GUIDE_FILES);
    expect(ws.run(['validate', '--bank', ws.bank]).status).toBe(0);
  });
});
