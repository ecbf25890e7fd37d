import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers.js';
import { BIN, runCli } from './run-cli.js';

const small = fixture('small-bank');
const hostile = fixture('hostile-bank');
const ESCAPE = /[\u001b\u009b\u0007]/;

describe('nnquiz (global behaviour)', () => {
  it('prints its version from package.json', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(runCli(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('lists every command in --help, with examples', () => {
    const { status, stdout } = runCli(['--help']);
    expect(status).toBe(0);
    for (const line of ['Usage: nnquiz [options] [command]', 'list [options]', 'show [options] <id>', 'search [options] <words...>', 'validate [options] [dirs...]', '$ nnquiz search dropuot']) {
      expect(stdout).toContain(line);
    }
  });

  it.each(['list', 'show', 'search', 'validate'])('%s --help shows options and examples', (command) => {
    const { status, stdout } = runCli([command, '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain(`Usage: nnquiz ${command}`);
    expect(stdout).toContain('Examples:');
  });

  it('exits 2 with a hint on an unknown command or option', () => {
    const command = runCli(['lst']);
    expect(command.status).toBe(2);
    expect(command.stderr).toContain("nnquiz: unknown command 'lst'");
    expect(command.stderr).toContain('Did you mean list?');
    const option = runCli(['list', '--colour']);
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/unknown option '--colour'/);
    expect(option.stderr).toContain('hint: add --help');
  });

  it('exits 2 when --bank names a folder that does not exist', () => {
    const { status, stderr } = runCli(['list', '--bank', '/no/such/bank']);
    expect(status).toBe(2);
    expect(stderr).toBe('nnquiz: bank folder "/no/such/bank" does not exist\nhint: give a folder that holds question .md files (--bank, NNQUIZ_BANK or \'nnquiz config set banks\')\n');
  });

  it('exits 0 quietly when the reader of its output goes away (EPIPE)', () => {
    const result = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} list | head -1`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^ID +TOPIC/);
    expect(result.status).toBe(0);
  });
});

describe('nnquiz list', () => {
  it('prints a table of the bundled bank when run from another folder', () => {
    const { status, stdout, stderr } = runCli(['list'], { cwd: tempDir() });
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toMatch(/^ID +TOPIC +DIFFICULTY +QUESTION$/);
    expect(stdout).toMatch(/^vanishing-gradient +training +\w+ +What is the vanishing gradient problem/m);
  });

  it('filters by topic, tag and difficulty and prints the documented JSON shape', () => {
    const { status, stdout } = runCli(['list', '--bank', small, '--topic', 'regularization', '--difficulty', 'easy', '--json']);
    expect(status).toBe(0);
    const entries = JSON.parse(stdout);
    expect(entries).toEqual([
      { id: 'dropout', question: 'What is dropout, and why does it reduce overfitting?', topic: 'regularization', tags: ['regularization', 'overfitting'], difficulty: 'easy', file: join(small, 'basics', 'dropout.md') },
      { id: 'early-stopping', question: 'How does early stopping work?', topic: 'regularization', tags: ['regularization'], difficulty: 'easy', file: join(small, 'basics', 'early-stopping.md') },
    ]);
    expect(JSON.parse(runCli(['list', '--bank', small, '--tag', 'transformers', '--json']).stdout).map((e: { id: string }) => e.id)).toEqual(['attention']);
  });

  it('rejects an unknown topic with the closest one as a hint', () => {
    const { status, stderr } = runCli(['list', '--topic', 'traning']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^nnquiz: --topic "traning" matches no question in the loaded banks\nhint: did you mean training\?/);
  });

  it('rejects an unknown difficulty', () => {
    const { status, stderr } = runCli(['list', '--difficulty', 'brutal']);
    expect(status).toBe(2);
    expect(stderr).toContain('expected easy, medium or hard, got "brutal"');
  });

  it('loads the good files of a hostile bank, reports each bad one on stderr, and never runs its code', () => {
    const marker = join(tempDir(), 'pwned');
    const { status, stdout, stderr } = runCli(['list', '--bank', hostile, '--json'], { env: { NNQUIZ_PWNED_FILE: marker } });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).map((e: { id: string }) => e.id)).toEqual(['bom-crlf', 'control-sequences', 'same-id', 'good-question']);
    expect(stderr).toMatch(/js-front-matter\.md:1: error: front matter in "js" is not allowed and was not run/);
    expect(stderr).toMatch(/sub\/dup-b\.md: error: duplicate id "same-id", already used by .*dup-a\.md/);
    expect(stderr).toContain('12 bank files skipped');
    expect(existsSync(marker)).toBe(false);
  });

  it('prints no control sequences from a bank, even with colour forced', () => {
    const { stdout, stderr } = runCli(['list', '--bank', hostile], { env: { NO_COLOR: undefined } });
    expect(stdout + stderr).not.toMatch(ESCAPE);
    expect(stdout).toContain('Clear  the screen?');
  });
});

describe('nnquiz show', () => {
  it('renders the question, the answer from Markdown and the key terms', () => {
    const { status, stdout } = runCli(['show', 'dropout', '--bank', small]);
    expect(status).toBe(0);
    expect(stdout).toContain('dropout  ·  regularization  ·  easy  ·  tags: regularization, overfitting');
    expect(stdout).toContain('What is dropout, and why does it reduce overfitting?');
    expect(stdout).toContain('• it stops units from relying on each other (co-adaptation);');
    expect(stdout).not.toContain('**');
    expect(stdout).toContain('Key terms (pass mark 60%)');
    expect(stdout).toContain('  • randomly zeroes units (also: drops neurons at random, randomly drops units)  weight 2');
    expect(stdout).toContain('Follow-ups: early-stopping');
  });

  it('prints the whole parsed question as JSON', () => {
    const question = JSON.parse(runCli(['show', 'early-stopping', '--bank', small, '--json']).stdout);
    expect(question).toEqual({
      id: 'early-stopping',
      question: 'How does early stopping work?',
      topic: 'regularization',
      tags: ['regularization'],
      difficulty: 'easy',
      key_terms: [
        { term: 'validation loss', aliases: ['validation error'], weight: 1, core: false },
        { term: 'patience', aliases: [], weight: 1, core: false },
        { term: 'best weights', aliases: ['best checkpoint'], weight: 1, core: false },
      ],
      key_terms_derived: false,
      misconceptions: [],
      pass_mark: 0.6,
      follow_ups: [],
      answer: expect.stringMatching(/^Training stops once the \*\*validation loss\*\*/),
      file: join(small, 'basics', 'early-stopping.md'),
      extra: {},
    });
  });

  it('exits 2 for an unknown id and suggests the closest', () => {
    const { status, stdout, stderr } = runCli(['show', 'dropuot']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe("nnquiz: no question with id \"dropuot\"\nhint: did you mean dropout? ('nnquiz list' shows every id)\n");
  });

  it('shows a hostile question without any control sequence', () => {
    const { status, stdout } = runCli(['show', 'control-sequences', '--bank', hostile], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(status).toBe(0);
    const visible = stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(visible).not.toMatch(ESCAPE);
    expect(visible).toContain('hyperlink');
  });
});

describe('nnquiz search', () => {
  it('finds dropout despite a typo, best first, with the match marked', () => {
    const { status, stdout } = runCli(['search', 'dropuot']);
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^ 1\. dropout  regularization · \w+ · score 0\.\d\d$/);
    expect(stdout.split('\n')[1]).toContain('**dropout**');
  });

  it('highlights matches in colour on request', () => {
    const { stdout } = runCli(['search', 'dropout', '--limit', '1'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(stdout).toContain('\u001b[1m\u001b[33mdropout\u001b[39m\u001b[22m');
  });

  it('prints [{id, question, score}] as JSON and honours --limit', () => {
    const results = JSON.parse(runCli(['search', 'vanishing', 'gradeint', '--limit', '3', '--json']).stdout);
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({ id: 'vanishing-gradient', question: expect.stringContaining('vanishing gradient'), score: expect.any(Number) });
    expect(Object.keys(results[1]).sort()).toEqual(['id', 'question', 'score']);
  });

  it('says so on stderr when nothing matches', () => {
    expect(runCli(['search', 'zzqxv'])).toMatchObject({ status: 0, stdout: '', stderr: expect.stringContaining('No questions match "zzqxv"') });
    expect(runCli(['search', 'zzqxv', '--json']).stdout).toBe('[]\n');
  });

  it('rejects a limit that is not a positive whole number', () => {
    expect(runCli(['search', 'x', '--limit', '0']).status).toBe(2);
  });
});

describe('nnquiz validate', () => {
  it('passes the bundled bank in strict mode', () => {
    const { status, stdout } = runCli(['validate', '--strict']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^✔ \d+ questions loaded; 0 errors, 0 warnings\n$/);
  });

  it('lists every problem of a hostile bank with a count and exits 1', () => {
    const { status, stdout } = runCli(['validate', hostile]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/bad-yaml\.md:4: error: invalid YAML front matter/);
    expect(stdout).toMatch(/not-utf8\.md: error: is not valid UTF-8 text/);
    expect(stdout).toMatch(/empty\.md: error: the file is empty/);
    expect(stdout.trim().split('\n').at(-1)).toBe('✖ 4 questions loaded; 12 errors, 8 warnings');
  });

  it('warns with exit 0, and fails with --strict', () => {
    const lint = fixture('lint-bank');
    const relaxed = runCli(['validate', lint]);
    expect(relaxed.status).toBe(0);
    expect(relaxed.stdout).toContain('⚠ 2 questions loaded; 0 errors, 9 warnings');
    const strict = runCli(['validate', lint, '--strict', '--json']);
    expect(strict.status).toBe(1);
    const report = JSON.parse(strict.stdout);
    expect(report).toMatchObject({ folders: [lint], questions: 2, errors: 9, warnings: 0 });
    expect(report.problems[0]).toEqual({ file: join(lint, 'training', 'weak.md'), severity: 'error', message: expect.any(String) });
  });

  it('exits 2 for a folder that does not exist', () => {
    expect(runCli(['validate', '/no/such/bank']).status).toBe(2);
  });
});

describe('nnquiz grade', () => {
  it('grades an answer given as arguments, showing typos beside their terms', () => {
    const { status, stdout } = runCli(['grade', 'dropout', '--bank', small, 'it', 'randomly', 'drops', 'units,', 'which', 'prevents', 'co-adaptaton']);
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe('✔ correct  score 75% (pass mark 60%)');
    expect(stdout).toContain('✔ randomly zeroes units  ← "randomly drops units" (alias: randomly drops units)');
    expect(stdout).toContain('✔ co-adaptation          ← "co-adaptaton" (typo)');
    expect(stdout).toContain('✘ inverted dropout');
  });

  it('does not count a key term said under a negation, and notes it', () => {
    const { stdout } = runCli(['grade', 'dropout', '--bank', small, 'it randomly drops units, but we do not use inverted dropout']);
    expect(stdout).toContain('✘ inverted dropout');
    expect(stdout).toContain('note: "inverted dropout" appears only under a negation ("not use inverted dropout"), so it does not count');
  });

  it('reads the answer from stdin and prints the grade as one JSON object', () => {
    const { status, stdout } = runCli(['grade', 'early-stopping', '--bank', small, '--json'], { input: 'stop when the validation loss stops improving, after some patience\n' });
    expect(status).toBe(0);
    const grade = JSON.parse(stdout);
    expect(grade).toMatchObject({ id: 'early-stopping', score: 0.667, verdict: 'correct', pass_mark: 0.6, derived_terms: false, notes: [] });
    expect(grade.matched.map((m: { term: string }) => m.term)).toEqual(['validation loss', 'patience']);
    expect(grade.missing).toEqual([{ term: 'best weights', weight: 1, core: false }]);
    expect(grade.misconceptions).toEqual([]);
  });

  it('grades a batch of JSON lines in order, with an error line for each bad input, and exits 1', () => {
    const input = [
      '{"id":"dropout","answer":"no idea"}',
      'this is not json',
      '',
      '{"id":"missing-id","answer":"x"}',
      '{"id":"early-stopping","answer":"restore the best weights once validation loss stops improving"}',
    ].join('\n');
    const { status, stdout, stderr } = runCli(['grade', '--batch', '-', '--bank', small], { input });
    expect(status).toBe(1);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => l.verdict ?? l.error.split(' ')[0])).toEqual(['incorrect', 'not', 'unknown', 'correct']);
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(lines[2]).toMatchObject({ id: 'missing-id', answer: 'x', line: 4 });
    expect(stderr).toContain('2 of 5 input lines could not be graded');
  });

  it('reads a batch from a file and exits 0 when every line is graded', () => {
    const file = join(tempDir(), 'answers.jsonl');
    writeFileSync(file, '{"id":"attention","answer":"a weighted sum of encoder states via softmax"}\r\n');
    const { status, stdout } = runCli(['grade', '--batch', file, '--bank', small]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'attention', score: 0.667, verdict: 'correct' });
  });

  it('explains what is wrong with its arguments', () => {
    expect(runCli(['grade', 'nope', 'x'])).toMatchObject({ status: 2, stderr: expect.stringContaining('no question with id "nope"') });
    expect(runCli(['grade'])).toMatchObject({ status: 2, stderr: expect.stringContaining('missing the question id') });
    expect(runCli(['grade', '--batch', '/no/such/file.jsonl'])).toMatchObject({ status: 2, stderr: expect.stringContaining('cannot be read (ENOENT)') });
  });

  it('derives key terms for a question that lists none, and says so', () => {
    const bank = fixture('derived-bank');
    const show = runCli(['show', 'constructors', '--bank', bank]);
    expect(show.stdout).toContain('Key terms (derived from the model answer, as the file lists none; pass mark 60%)');
    const grade = JSON.parse(runCli(['grade', 'constructors', '--bank', bank, '--json', "a constructor can't return anything; it initializes the object's fields"]).stdout);
    expect(grade.derived_terms).toBe(true);
    expect(grade.verdict).toBe('correct');
    expect(grade.notes).toContain('key terms were derived from the model answer, as the question lists none');
  });
});
