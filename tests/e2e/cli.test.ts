import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('prints, without loading the program, the very help and version the program prints', () => {
    const program = join(BIN, '..', '..', 'dist', 'cli.js');
    const full = (args: string[]) => spawnSync(process.execPath, [program, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '' } }).stdout;
    expect(readFileSync(join(BIN, '..', '..', 'dist', 'help.txt'), 'utf8')).toBe(full(['--help']));
    for (const args of [['--help'], ['-h'], []]) expect(runCli(args)).toMatchObject({ status: 0, stdout: full(['--help']) });
    for (const args of [['--version'], ['-V']]) expect(runCli(args)).toMatchObject({ status: 0, stdout: full(['--version']) });
  });

  it.each(['list', 'show', 'search', 'validate'])('%s --help shows options and examples', (command) => {
    const { status, stdout } = runCli([command, '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain(`Usage: nnquiz ${command}`);
    expect(stdout).toContain('Examples:');
  });

  it('exits 2 with a hint on an unknown command or option', () => {
    expect(runCli(['quzi'])).toMatchObject({ status: 2, stdout: '', stderr: "nnquiz: unknown command \"quzi\"\nhint: did you mean quiz? ('nnquiz --help' lists the commands)\n" });
    expect(runCli(['zzqxv']).stderr).toBe("nnquiz: unknown command \"zzqxv\"\nhint: 'nnquiz --help' lists the commands\n");
    expect(runCli(['list', '--colour'])).toMatchObject({ status: 2, stderr: "nnquiz: unknown option \"--colour\" for nnquiz list\nhint: 'nnquiz list --help' lists its options\n" });
    expect(runCli(['list', '--topc', 'x']).stderr).toBe("nnquiz: unknown option \"--topc\" for nnquiz list\nhint: did you mean --topic? ('nnquiz list --help' lists its options)\n");
  });

  it('puts every usage error of the command line in one line of cause and one of hint, with exit code 2', () => {
    const cases: Array<[string[], string]> = [
      [['show'], "nnquiz: missing the argument <id>: the question's id (see 'nnquiz list')\nhint: usage: nnquiz show [options] <id> ('nnquiz show --help' has examples)\n"],
      [['show', 'dropout', 'extra'], "nnquiz: too many arguments: nnquiz show takes 1, got 2\nhint: usage: nnquiz show [options] <id>; quote text that holds spaces\n"],
      [['export', '--format', 'pdf'], 'nnquiz: --format: expected md, html, anki or json, got "pdf"\nhint: \'nnquiz export --help\' shows its options and examples\n'],
      [['quiz', '--count'], 'nnquiz: --count needs a value\nhint: -n, --count <n>: how many questions (default: quizCount in the settings, else 10)\n'],
      [['search', 'x', '--limit', '0'], 'nnquiz: --limit: expected a whole number of 1 or more, got "0"\nhint: \'nnquiz search --help\' shows its options and examples\n'],
      [['--bank', 'x', 'list'], 'nnquiz: unknown option "--bank"\nhint: --bank is an option of commands: put it after the command, e.g. nnquiz list --bank ...\n'],
      [['completion'], 'nnquiz: missing the argument <shell>: bash, zsh or fish\nhint: usage: nnquiz completion [options] <shell> (\'nnquiz completion --help\' has examples)\n'],
    ];
    for (const [args, stderr] of cases) expect(runCli(args), args.join(' ')).toMatchObject({ status: 2, stdout: '', stderr });
  });

  it('treats help for an unknown command as an unknown command, and shows help for a known one', () => {
    expect(runCli(['help', 'nope'])).toMatchObject({ status: 2, stdout: '', stderr: "nnquiz: unknown command \"nope\"\nhint: 'nnquiz --help' lists the commands\n" });
    expect(runCli(['help', 'qiz']).stderr).toBe("nnquiz: unknown command \"qiz\"\nhint: did you mean quiz? ('nnquiz --help' lists the commands)\n");
    const quiz = runCli(['help', 'quiz']);
    expect(quiz).toMatchObject({ status: 0, stderr: '' });
    expect(quiz.stdout).toMatch(/^Usage: nnquiz quiz \[options\]\n/);
    expect(runCli(['help']).stdout).toMatch(/^Usage: nnquiz \[options\] \[command\]\n/);
  });

  it('prints the help on stdout and exits 0 when run with no command', () => {
    for (const args of [[], ['--no-color']]) {
      const { status, stdout, stderr } = runCli(args);
      expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
      expect(stdout).toMatch(/^Usage: nnquiz \[options\] \[command\]\n[\s\S]*Commands:/);
    }
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
      rubric_proposed: false,
      misconceptions: [],
      pass_mark: 0.6,
      follow_ups: [],
      former_ids: [],
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

  it('gives a question the same score with and without --topic, --tag or --difficulty', () => {
    const scores = (args: string[]) => new Map((JSON.parse(runCli(['search', ...args, '--json', '--limit', '500']).stdout) as Array<{ id: string; score: number }>).map((r) => [r.id, r.score]));
    const all = scores(['gradient']);
    const training = scores(['gradient', '--topic', 'training']);
    expect(training.size).toBeGreaterThan(1);
    expect(training.size).toBeLessThan(all.size);
    for (const [id, score] of training) expect(score, id).toBe(all.get(id));
    const small_ = scores(['dropout', '--bank', small]);
    for (const filter of [['--topic', 'regularization'], ['--tag', 'overfitting'], ['--difficulty', 'easy']]) {
      const filtered = scores(['dropout', '--bank', small, ...filter]);
      expect(filtered.get('dropout'), filter.join(' ')).toBe(small_.get('dropout'));
    }
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
    expect(relaxed.stdout).toContain('⚠ 2 questions loaded; 0 errors, 8 warnings');
    const strict = runCli(['validate', lint, '--strict', '--json']);
    expect(strict.status).toBe(1);
    const report = JSON.parse(strict.stdout);
    expect(report).toMatchObject({ folders: [lint], questions: 2, errors: 8, warnings: 0 });
    expect(report.problems[0]).toEqual({ file: join(lint, 'training', 'weak.md'), severity: 'error', message: expect.any(String) });
  });

  it('exits 2 for a folder that does not exist', () => {
    expect(runCli(['validate', '/no/such/bank']).status).toBe(2);
  });
});

describe('nnquiz validate: --bank, its checks, and the hint after a skipped file', () => {
  it('takes folders with --bank (repeatable) as well as positionally', () => {
    const lint = fixture('lint-bank');
    const flag = runCli(['validate', '--bank', lint, '--bank', small, '--json']);
    expect(JSON.parse(flag.stdout)).toMatchObject({ folders: [lint, small], errors: 0 });
    expect(runCli(['validate', lint, small, '--json'])).toEqual(flag);
  });

  it('says in --help what it checks by default and what --strict adds', () => {
    const { stdout } = runCli(['validate', '--help']);
    expect(stdout).toContain('--bank <dir>');
    expect(stdout).toMatch(/errors {4}unusable files: bad YAML/);
    expect(stdout).toMatch(/warnings {2}weak grading: no core idea/);
    expect(stdout).toContain('Warnings exit 0, unless --strict counts them as errors.');
  });

  it('warns at its line about a bold heading run into the paragraph above', () => {
    const bank = tempDir();
    writeFileSync(join(bank, 'q.md'), '---\nquestion: Why do ReLU units die?\ntopic: t\ndifficulty: easy\n---\nThey stop getting gradient.\n**Causes**\n- a large learning rate\n');
    const { status, stdout } = runCli(['validate', '--bank', bank]);
    expect(status).toBe(0);
    expect(stdout).toContain(`${join(bank, 'q.md')}:7: warning: the bold heading "**Causes**" stands directly under a line of text`);
  });

  it('names the folder to validate after another command skips a bad file', () => {
    const bank = tempDir();
    writeFileSync(join(bank, 'broken.md'), 'no front matter here\n');
    const { status, stderr } = runCli(['list', '--bank', bank, '--bank', small]);
    expect(status).toBe(0);
    expect(stderr).toContain(`1 bank file skipped; for details run: nnquiz validate --bank ${bank}\n`);
    // A folder whose name needs quoting is quoted, so the command can be pasted as it is.
    const spaced = join(tempDir(), "Bob's bank");
    mkdirSync(spaced);
    writeFileSync(join(spaced, 'broken.md'), '');
    expect(runCli(['list', '--bank', spaced]).stderr).toContain(`for details run: nnquiz validate --bank '${spaced.replace("'", "'\\''")}'\n`);
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
    expect(stderr).toBe('nnquiz: 2 of 4 input lines could not be graded (1 blank line skipped); see their "error" fields\n');
  });

  it('skips blank lines in a batch without counting them as failures', () => {
    const input = ['', '{"id":"dropout","answer":"no idea"}', '   ', '\t', '{"id":"nope","answer":"x"}', '', ''].join('\n');
    const { status, stdout, stderr } = runCli(['grade', '--batch', '-', '--bank', small], { input });
    expect(status).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect(stderr).toBe('nnquiz: 1 of 2 input lines could not be graded (4 blank lines skipped); see their "error" fields\n');
    expect(runCli(['grade', '--batch', '-', '--bank', small], { input: '\n{"id":"dropout","answer":"x"}\n\n' })).toMatchObject({ status: 0, stderr: '' });
  });

  it('says in --help how it is called: an id and an answer, stdin, or --batch with JSON lines', () => {
    const { status, stdout } = runCli(['grade', '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: nnquiz grade \[options\] <id> \[answer\.\.\.\]\n +nnquiz grade \[options\] --batch <file>\n/);
    expect(stdout).toMatch(/answer +the answer, quoted or not; read from stdin when left out/);
    expect(stdout).toMatch(/--batch <file> +grade a file of JSON lines, \{"id": "\.\.\.", "answer": "\.\.\."\}/);
    expect(stdout).toMatch(/--json +print the grade as one JSON object \(--batch always prints JSON\s+lines\)/);
    expect(stdout).not.toMatch(/as JSON\s+as JSON|JSON object as JSON/);
    expect(stdout).toContain('$ nnquiz grade --batch answers.jsonl > grades.jsonl');
  });

  it('reads a batch from a file (with a byte-order mark and CRLF) and exits 0 when every line is graded', () => {
    const file = join(tempDir(), 'answers.jsonl');
    writeFileSync(file, '\uFEFF{"id":"attention","answer":"a weighted sum of encoder states via softmax"}\r\n');
    const { status, stdout } = runCli(['grade', '--batch', file, '--bank', small]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'attention', score: 0.667, verdict: 'correct' });
  });

  it('explains what is wrong with its arguments', () => {
    expect(runCli(['grade', 'nope', 'x'])).toMatchObject({ status: 2, stderr: expect.stringContaining('no question with id "nope"') });
    expect(runCli(['grade'])).toMatchObject({ status: 2, stderr: expect.stringContaining('missing the question id') });
    expect(runCli(['grade', '--batch', '/no/such/file.jsonl'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^nnquiz: --batch "\/no\/such\/file\.jsonl" cannot be read: no such file \(ENOENT\)\nhint: /) });
    expect(runCli(['grade', '--batch', tempDir()])).toMatchObject({ status: 2, stderr: expect.stringContaining('cannot be read: it is a folder, not a file (EISDIR)') });
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
