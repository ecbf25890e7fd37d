import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { packageVersion } from './version.js';

// Only commander is imported up front: each command loads its own modules when it runs,
// so `--help` and `--version` stay fast. Completion reads this structure too.

const DIFFICULTIES = ['easy', 'medium', 'hard'];

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

function collectDifficulty(value: string, previous: string[] = []): string[] {
  const values = collect(value.toLowerCase());
  const bad = values.find((v) => !DIFFICULTIES.includes(v));
  if (bad !== undefined) throw new InvalidArgumentError(`expected easy, medium or hard, got ${JSON.stringify(bad)}.`);
  return [...previous, ...values];
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError(`expected a whole number of 1 or more, got ${JSON.stringify(value)}.`);
  return number;
}

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError(`expected a whole number, got ${JSON.stringify(value)}.`);
  return number;
}

const dataDirOption = () => new Option('--data-dir <dir>', 'where progress is kept (default: NNQUIZ_DATA_DIR, else the platform data folder)');
const bankOption = () => new Option('--bank <dir>', 'load questions from this folder instead of the banks in use (repeatable)').argParser(collect);
const withBundledOption = () => new Option('--with-bundled', 'load the bundled bank too, beside --bank or NNQUIZ_BANK');

const jsonOption = (what: string) => new Option('--json', `print ${what} as JSON`);

function withSelection(command: Command): Command {
  return command
    .addOption(new Option('--topic <topic>', 'only questions of this topic (repeatable, or comma-separated)').argParser(collect))
    .addOption(new Option('--tag <tag>', 'only questions with this tag (repeatable, or comma-separated)').argParser(collect))
    .addOption(new Option('--difficulty <level>', 'only easy, medium or hard questions (repeatable)').argParser(collectDifficulty));
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** The settings' colour switch; a settings file with a problem is reported by the commands that need it. */
async function colorSetting(): Promise<boolean> {
  try {
    const { loadSettings } = await import('./commands/settings.js');
    return loadSettings().color;
  } catch {
    return true;
  }
}

/** A usage error of commander's, with the command that refused the line, for cli.ts to put in words. */
export class CommandLineError extends CommanderError {
  constructor(
    error: CommanderError,
    readonly command: Command,
  ) {
    super(error.exitCode, error.code, error.message);
  }
}

/** Makes each command throw its usage errors, with itself attached, instead of exiting. */
function usageErrorsThrown(command: Command): void {
  command.exitOverride((error) => {
    throw error.exitCode === 0 ? error : new CommandLineError(error, command);
  });
  for (const subcommand of command.commands) usageErrorsThrown(subcommand);
}

export function buildProgram(): Command {
  const program = new Command('nnquiz')
    .description('Practise neural-network interview questions in the terminal.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--debug', 'print stack traces of unexpected errors')
    // Commander's errors are not printed here but thrown (see usageErrorsThrown) and put in
    // nnquiz's words by cli.ts: one line of cause, one of hint.
    .configureOutput({ outputError: () => {} })
    .showSuggestionAfterError()
    // Its help command shows the program's help with exit code 1 for a name it does not know.
    .helpCommand(false)
    .hook('preAction', async (command) => {
      const { configureColor } = await import('./ui/style.js');
      configureColor(command.opts().color !== false && (await colorSetting()));
    })
    .addHelpText('after', examples('nnquiz quiz --count 5', 'nnquiz review', 'nnquiz search dropuot', 'nnquiz show vanishing-gradient', 'nnquiz export --format html --out sheet.html', 'nnquiz config set banks ~/my-questions'));

  withSelection(program.command('quiz').description('answer questions in the terminal and get each graded'))
    .addOption(new Option('-n, --count <n>', 'how many questions (default: quizCount in the settings, else 10)').argParser(positiveInteger))
    .addOption(new Option('--order <order>', 'random (dealt one topic at a time) or bank order').choices(['random', 'bank']).default('random'))
    .addOption(new Option('--seed <n>', 'make the random order reproducible').argParser(wholeNumber))
    .addOption(new Option('--time-limit <seconds>', 'interview mode: seconds per question; late answers are graded but marked late').argParser(positiveInteger))
    .option('--multiline', 'write each answer in $EDITOR, under the question as # comments')
    .option('--no-follow-ups', 'ask no follow-ups (by default a correct answer brings its follow-ups next: one in a quiz of 5 or fewer, else up to a third)')
    .option('--exam', 'mock interview: no feedback until the end, then a full report')
    .addOption(bankOption())
    .addOption(withBundledOption())
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      examples('nnquiz quiz', 'nnquiz quiz --topic optimization --count 5', 'nnquiz quiz --exam --time-limit 90 --count 6', 'printf "answer one\\nanswer two\\n" | nnquiz quiz --count 2 --order bank'),
    )
    .action(async (options) => {
      const { runQuiz } = await import('./commands/quiz.js');
      process.exitCode = await runQuiz(options);
    });

  withSelection(program.command('review').description('spaced repetition: bring back due and weak questions'))
    .addOption(new Option('-n, --limit <n>', 'at most this many questions').argParser(positiveInteger).default(20))
    .option('--cram', 'practise the weakest questions now, whatever their schedule')
    .option('--multiline', 'write each answer in $EDITOR, under the question as # comments')
    .addOption(bankOption())
    .addOption(withBundledOption())
    .addOption(dataDirOption())
    .addHelpText('after', examples('nnquiz review', 'nnquiz review --topic attention --limit 5', 'nnquiz review --cram'))
    .action(async (options) => {
      const { runReview } = await import('./commands/review.js');
      process.exitCode = await runReview(options);
    });

  program
    .command('stats')
    .description('show progress: accuracy, streak, what is due, weak topics and missed ideas')
    .option('--flagged', 'list the questions flagged for a fix')
    .addOption(bankOption())
    .addOption(withBundledOption())
    .addOption(dataDirOption())
    .addOption(jsonOption('the same figures'))
    .addHelpText('after', examples('nnquiz stats', 'nnquiz stats --flagged', 'nnquiz stats --json'))
    .action(async (options) => {
      const { runStats } = await import('./commands/stats.js');
      process.exitCode = runStats(options);
    });

  withSelection(program.command('list').description('list the questions in the bank'))
    .addOption(bankOption())
    .addOption(withBundledOption())
    .addOption(jsonOption('an array of {id, question, topic, tags, difficulty, file}'))
    .addHelpText('after', examples('nnquiz list', 'nnquiz list --topic optimization --difficulty hard', 'nnquiz list --tag cnn --json'))
    .action(async (options) => {
      const { runList } = await import('./commands/list.js');
      process.exitCode = runList(options);
    });

  program
    .command('show')
    .description('show a question, its model answer and its key terms')
    .argument('<id>', "the question's id (see 'nnquiz list')")
    .addOption(bankOption())
    .addOption(withBundledOption())
    .addOption(jsonOption('the whole parsed question, with key_terms and answer,'))
    .addHelpText('after', examples('nnquiz show dropout', 'nnquiz show dropout --json'))
    .action(async (id: string, options) => {
      const { runShow } = await import('./commands/show.js');
      process.exitCode = runShow(id, options);
    });

  withSelection(program.command('search').description('find questions by keyword; typos are forgiven'))
    .argument('<words...>', 'words to look for in questions, key terms, tags and answers')
    .addOption(new Option('-n, --limit <n>', 'show at most this many results').argParser(positiveInteger).default(10))
    .addOption(bankOption())
    .addOption(withBundledOption())
    .addOption(jsonOption('an array of {id, question, score}, best first,'))
    .addHelpText('after', examples('nnquiz search dropout', 'nnquiz search vanishing gradeint --limit 3', 'nnquiz search attention --topic attention --json'))
    .action(async (words: string[], options) => {
      const { runSearch } = await import('./commands/search.js');
      process.exitCode = runSearch(words, options);
    });

  program
    .command('grade')
    .description("grade an answer against a question's key terms, or a file of answers with --batch")
    // Without --batch the id is required; commander cannot say "one or the other".
    .usage('[options] <id> [answer...]\n       nnquiz grade [options] --batch <file>')
    .argument('[id]', "the question's id (see 'nnquiz list'); left out with --batch")
    .argument('[answer...]', 'the answer, quoted or not; read from stdin when left out')
    .option('--batch <file>', 'grade a file of JSON lines, {"id": "...", "answer": "..."} each (\'-\' for stdin); prints one JSON line per answer, with the grade or an "error" (then the exit code is 1); blank lines are skipped')
    .addOption(bankOption())
    .addOption(withBundledOption())
    .addOption(new Option('--json', 'print the grade as one JSON object (--batch always prints JSON lines)'))
    .addHelpText(
      'after',
      examples(
        'nnquiz grade dropout "randomly zeroes units during training, which stops co-adaptation"',
        'echo "gradients shrink through sigmoid layers; use ReLU" | nnquiz grade vanishing-gradient --json',
        'nnquiz grade --batch answers.jsonl > grades.jsonl',
        "cat answers.jsonl | nnquiz grade --batch - --bank ./my-questions",
      ),
    )
    .action(async (id: string | undefined, answer: string[], options) => {
      const { runGrade } = await import('./commands/grade.js');
      process.exitCode = await runGrade(id, answer, options);
    });

  withSelection(program.command('export').description('write a study sheet: Markdown, HTML (prints well), Anki or JSON'))
    .addOption(new Option('-f, --format <format>', 'md, html, anki or json').choices(['md', 'html', 'anki', 'json']).default('md'))
    .option('-o, --out <file>', "where to write ('-' for stdout); default: stdout for md and json, nnquiz-study-sheet.html / .txt here for html and anki")
    .addOption(new Option('--ids <ids>', 'only these question ids (comma-separated)').argParser(collect))
    .option('--weak', 'only questions whose latest attempt was not correct, or that are due, with your last answer and what it missed')
    .option('--no-answers', 'leave out the answers: a practice sheet')
    .option('--terms', "show each answer's key terms")
    .option('--title <title>', 'the title of the sheet')
    .option('--force', 'replace a file at the default path that nnquiz did not write')
    .addOption(bankOption())
    .addOption(withBundledOption())
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      examples('nnquiz export > sheet.md', 'nnquiz export --format html --out sheet.html --topic attention', 'nnquiz export --format anki --weak', 'nnquiz export --format md --no-answers --difficulty hard'),
    )
    .action(async (options) => {
      const { runExport } = await import('./commands/export.js');
      process.exitCode = runExport(options);
    });

  program
    .command('new')
    .description('add a question to a bank: asks for each field, or takes them as flags')
    .option('--bank <dir>', 'the bank to add to (default: ./questions)')
    .option('--id <id>', 'the id, unique across this bank, the banks in use and the bundled bank (default: from the question, numbered when taken)')
    .option('--question <text>', 'the question; with it, nothing is asked')
    .option('--topic <topic>', 'the topic, also its folder (default: general)')
    .addOption(new Option('--tags <tags>', 'comma-separated tags').argParser(collect))
    .addOption(new Option('--difficulty <level>', 'easy, medium or hard').choices(['easy', 'medium', 'hard']))
    .option('--terms <spec>', 'key terms: commas between terms, | before aliases, * before a core idea, e.g. "*a, b|alias, c"')
    .option('--answer-file <file>', "the model answer, a Markdown file ('-' for stdin)")
    .addHelpText(
      'after',
      examples('nnquiz new --bank ./my-questions', 'nnquiz new --bank ./my-questions --question "What is label smoothing?" --topic regularization --terms "*softened targets|soft targets, *less overconfident|overconfidence, calibration" --answer-file answer.md'),
    )
    .action(async (options) => {
      const { runNew } = await import('./commands/new.js');
      process.exitCode = await runNew(options);
    });

  program
    .command('import')
    .description('turn question lists into bank files: Markdown or text Q&A, Anki and Quizlet exports, CSV/TSV')
    .argument('<files...>', 'the files to import')
    .option('--bank <dir>', 'the bank folder to write to (created if missing)')
    .addOption(new Option('--format <format>', 'read the files as this format instead of detecting it').choices(['markdown', 'anki', 'quizlet', 'csv']))
    .option('--topic <topic>', "the topic of every question (default: the file's headings, topic column or deck, else general)")
    .addOption(new Option('--difficulty <level>', 'the difficulty of every question (default: a difficulty column or tag, else medium)').choices(['easy', 'medium', 'hard']))
    .option('--merge-duplicates', 'merge questions that ask the same thing in other words into the first of them')
    .option('--dry-run', 'show what would be written, and write nothing')
    .addOption(jsonOption('what was found, written, skipped and merged'))
    .addHelpText(
      'after',
      `\nFormats (detected from the content, or named with --format):\n  markdown  numbered questions (1. **What is …?**), question headings (### What is …?) or Q:/A: pairs,\n            each followed by its answer; prose around them is ignored\n  anki      Anki's 'Notes in Plain Text' export, and nnquiz export --format anki (HTML becomes Markdown)\n  quizlet   one card a line: term, a tab (or a comma), definition\n  csv       CSV or TSV with a header: question,answer and optionally topic,tags,difficulty,id\n\nEach question gets a file <bank>/<topic>/<id>.md with key terms proposed from its answer (marked\n'rubric: proposed' until you review them). Existing files are never overwritten; an id taken in the\nbanks gets a number; a question the banks already hold is skipped.\n${examples('nnquiz import interview-notes.md --bank ./my-questions --topic fundamentals', 'nnquiz import deck.txt --bank ./anki-deck --dry-run', 'nnquiz import cards.csv --bank ./my-questions --json')}`,
    )
    .action(async (files: string[], options) => {
      const { runImport } = await import('./commands/import.js');
      process.exitCode = await runImport(files, options);
    });

  program
    .command('config')
    .description('read and change the settings: banks to load, defaults, colour')
    .argument('<action>', 'path, list, get, set or unset')
    .argument('[args...]', 'the setting, and for set its value')
    .addOption(jsonOption('the settings (list) or the value (get)'))
    .addHelpText(
      'after',
      `\nSettings:\n  banks           bank folders to load, e.g. ~/my-questions,~/more (relative paths are relative to the file)\n  includeBundled  load the bundled bank beside them (default true)\n  quizCount       questions per quiz (default 10)\n  passMark        pass mark of questions that set none (default 0.6)\n  color           colour on a terminal (default true; NO_COLOR always wins)\n\nOn/off settings take true or false (yes/no, on/off and 1/0 work too, in any case). A bank folder\nthat does not exist is saved with a warning.\nThe file is JSON: NNQUIZ_CONFIG if set, else config.json in the platform config folder ('nnquiz config path').\n${examples('nnquiz config path', 'nnquiz config list', 'nnquiz config set banks ~/my-questions', 'nnquiz config set quizCount 15', 'nnquiz config set color off', 'nnquiz config unset banks')}`,
    )
    .action(async (action: string, args: string[], options) => {
      const { runConfig } = await import('./commands/config.js');
      process.exitCode = runConfig(action, args, options);
    });

  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      `\nInstall:\n  bash  echo 'source <(nnquiz completion bash)' >> ~/.bashrc\n  zsh   echo 'source <(nnquiz completion zsh)' >> ~/.zshrc\n  fish  nnquiz completion fish > ~/.config/fish/completions/nnquiz.fish\n`,
    )
    .action(async (shell: string) => {
      const { runCompletion } = await import('./commands/completion.js');
      process.exitCode = runCompletion(shell);
    });

  // Asked by the completion scripts on every Tab: `nnquiz __complete -- <words so far>`.
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .allowUnknownOption()
    .action(async (words: string[]) => {
      const { runComplete } = await import('./commands/completion.js');
      process.exitCode = await runComplete(words);
    });

  program
    .command('validate')
    .description('check question banks for errors and for what makes grading weak')
    .argument('[dirs...]', 'bank folders to check, like --bank')
    .addOption(new Option('--bank <dir>', 'a bank folder to check instead of the banks in use (repeatable)').argParser(collect))
    .option('--strict', 'treat warnings as errors too, so any warning exits 1')
    .addOption(withBundledOption())
    .addOption(jsonOption('{folders, questions, errors, warnings, problems}'))
    .addHelpText(
      'after',
      `\nChecks (the banks in use, unless folders are given):\n` +
        `  errors    unusable files: bad YAML, no question, a field of the wrong type,\n` +
        `            a duplicate id, not UTF-8, over 1 MB; a rubric too large to check\n` +
        `  warnings  weak grading: no core idea or more than 4; a key term the model\n` +
        `            answer does not say, or a misconception it states; a form that\n` +
        `            only repeats the question or is one common word; a term most\n` +
        `            answers hold; overlapping terms; a bold heading run into the line\n` +
        `            above; deep nesting; look-alike ids; unknown follow_ups; no\n` +
        `            difficulty, or no topic in a file at the bank's root\n` +
        `Errors exit 1. Warnings exit 0, unless --strict counts them as errors.\n` +
        examples('nnquiz validate', 'nnquiz validate --bank ./my-questions --strict', 'nnquiz validate --bank ./a --bank ./b --json'),
    )
    .action(async (dirs: string[], options) => {
      const { runValidate } = await import('./commands/validate.js');
      process.exitCode = runValidate(dirs, options);
    });

  program
    .command('help')
    .description('show help for a command')
    .argument('[command]', 'the command to explain (default: nnquiz itself)')
    .action(async (name: string | undefined) => {
      const command = name === undefined ? program : program.commands.find((c) => c.name() === name || c.aliases().includes(name));
      if (command) return command.outputHelp();
      const [{ unknownCommandError }, { closestWords }] = await Promise.all([import('./errors.js'), import('./core/suggest.js')]);
      const names = program.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden).map((c) => c.name());
      throw unknownCommandError(name!, 'nnquiz', closestWords(name!, names).join(' or ') || undefined);
    });

  usageErrorsThrown(program);
  return program;
}
