import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { gradeAnswer, gradeBatchLine, toGradeJson } from '../core/grading/index.js';
import { UsageError } from '../errors.js';
import { renderGrade } from '../ui/grade-report.js';
import { findQuestion, loadQuestions, type BankOptions } from './bank-options.js';

export interface GradeOptions extends BankOptions {
  json?: boolean;
  batch?: string;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Grades one answer, given as arguments or read from stdin. */
export async function runGrade(id: string | undefined, words: string[], options: GradeOptions): Promise<number> {
  if (options.batch !== undefined) {
    if (id !== undefined) throw new UsageError('--batch takes its ids from the input lines, not from the arguments', 'run: nnquiz grade --batch answers.jsonl');
    return runBatch(options.batch, options);
  }
  if (id === undefined) throw new UsageError('missing the question id', "run: nnquiz grade <id> [answer...], or nnquiz grade --batch FILE; 'nnquiz list' shows the ids");
  const question = findQuestion(loadQuestions(options), id);
  let answer = words.join(' ');
  if (words.length === 0) {
    if (process.stdin.isTTY) process.stderr.write(`${question.question}\nType your answer, then press Ctrl+D on a new line:\n`);
    answer = await readAll(process.stdin);
  }
  const grade = gradeAnswer(question, answer);
  if (options.json) process.stdout.write(`${JSON.stringify({ id: question.id, answer, ...toGradeJson(grade) })}\n`);
  else process.stdout.write(`${renderGrade(grade)}\n`);
  return 0;
}

/** One JSON line in, one JSON line out, in order; a bad line gets an `error` and the run goes on. */
async function runBatch(source: string, options: GradeOptions): Promise<number> {
  const questions = new Map(loadQuestions(options).map((q) => [q.id, q]));
  let input: NodeJS.ReadableStream;
  if (source === '-') input = process.stdin;
  else {
    input = createReadStream(source);
    await new Promise<void>((resolve, reject) => {
      input.once('readable', resolve);
      input.once('error', (error: NodeJS.ErrnoException) =>
        reject(new UsageError(`--batch ${JSON.stringify(source)}: cannot be read (${error.code ?? error.message})`, "give a file of JSON lines such as {\"id\": \"dropout\", \"answer\": \"...\"}, or '-' for stdin")),
      );
    });
  }
  let failures = 0;
  let lineNumber = 0;
  let pending = '';
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const result = gradeBatchLine(line, lineNumber, (id) => questions.get(id));
    if (!result.ok) failures++;
    pending += `${JSON.stringify(result.output)}\n`;
    // Write in chunks: one write per line costs more than grading it.
    if (pending.length > 64 * 1024) {
      process.stdout.write(pending);
      pending = '';
    }
  }
  process.stdout.write(pending);
  if (failures > 0) process.stderr.write(`nnquiz: ${failures} of ${lineNumber} input lines could not be graded; see their "error" fields\n`);
  return failures > 0 ? 1 : 0;
}
