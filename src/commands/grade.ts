import { questionsById } from '../core/bank/ids.js';
import { canBeGraded } from '../core/bank/question.js';
import { stripControlSequences } from '../core/safe-text.js';
import { createReadStream } from 'node:fs';
import { answerTooLong, type BatchCounts, batchSummary, type BatchResult, formatBatchOutput, MAX_ANSWER_CHARS, tooLongBatchLine } from '../core/grading/batch.js';
import { gradeAnswer, gradeBatchLine, toGradeJson } from '../core/grading/index.js';
import { CliError, systemCause, UsageError } from '../errors.js';
import { readBoundedLines } from '../ui/answer-source.js';
import { renderGrade } from '../ui/grade-report.js';
import { findQuestion, loadQuestions, type BankOptions } from './bank-options.js';
import { groupDigits } from '../core/locale-free.js';

export interface GradeOptions extends BankOptions {
  json?: boolean;
  batch?: string;
}

/** A batch line holds the answer as JSON, where escapes can make each character six. */
const MAX_BATCH_LINE_CHARS = 8 * MAX_ANSWER_CHARS;

const ANSWER_HINT = `shorten the answer to at most ${groupDigits(MAX_ANSWER_CHARS)} characters`;

/** Reads stdin whole, but stops once it holds more than an answer may: `< /dev/zero` never ends. */
async function readAnswer(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    bytes += buffer.length;
    // A character takes at most four bytes of UTF-8, so past this many bytes the answer is too long whatever it holds.
    if (bytes > 4 * (MAX_ANSWER_CHARS + 1)) {
      (stream as { destroy?: () => void }).destroy?.();
      throw new CliError(`the answer on stdin is longer than ${groupDigits(MAX_ANSWER_CHARS)} characters`, ANSWER_HINT);
    }
  }
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
  if (!canBeGraded(question)) {
    throw new CliError(`${question.id} has no model answer or key terms yet, so there is nothing to grade against`, `write its answer after the closing --- line of ${stripControlSequences(question.file)}`);
  }
  let answer = words.join(' ');
  if (words.length === 0) {
    if (process.stdin.isTTY) process.stderr.write(`${question.question}\nType your answer, then press Ctrl+D on a new line:\n`);
    answer = await readAnswer(process.stdin);
  }
  const tooLong = answerTooLong(answer);
  if (tooLong) throw new CliError(tooLong, ANSWER_HINT);
  const grade = gradeAnswer(question, answer);
  if (options.json) process.stdout.write(`${JSON.stringify({ id: question.id, answer, ...toGradeJson(grade) })}\n`);
  else process.stdout.write(`${renderGrade(grade)}\n`);
  return 0;
}

/** One JSON line in, one JSON line out, in order; a bad line gets an `error` and the run goes on. */
async function runBatch(source: string, options: GradeOptions): Promise<number> {
  const loaded = loadQuestions(options);
  const questions = questionsById(loaded);
  let input: NodeJS.ReadableStream;
  if (source === '-') input = process.stdin;
  else {
    input = createReadStream(source);
    await new Promise<void>((resolve, reject) => {
      input.once('readable', resolve);
      input.once('error', (error: NodeJS.ErrnoException) =>
        reject(new UsageError(`--batch ${JSON.stringify(source)} cannot be read: ${systemCause(error)}`, "give a file of JSON lines such as {\"id\": \"dropout\", \"answer\": \"...\"}, or '-' for stdin")),
      );
    });
  }
  const counts: BatchCounts = { graded: 0, failed: 0, skipped: 0 };
  let lineNumber = 0;
  let pending = '';
  const emit = (text: string) => {
    pending += `${text}\n`;
    // Write in chunks: one write per line costs more than grading it.
    if (pending.length > 64 * 1024) {
      process.stdout.write(pending);
      pending = '';
    }
  };
  try {
    for await (const line of readBoundedLines(input, MAX_BATCH_LINE_CHARS)) {
      lineNumber++;
      if (line.tooLong) {
        counts.failed++;
        emit(formatBatchOutput(tooLongBatchLine(lineNumber, MAX_BATCH_LINE_CHARS), lineNumber));
        throw new CliError(
          `--batch ${JSON.stringify(source)}: line ${lineNumber} is longer than ${groupDigits(MAX_BATCH_LINE_CHARS)} characters, so the run stopped there`,
          'give one JSON object per line, such as {"id": "dropout", "answer": "..."}',
        );
      }
      if (line.text.trim() === '') {
        counts.skipped++;
        continue;
      }
      let result: BatchResult;
      try {
        // A file saved with a byte-order mark (Notepad does) would make its first line not JSON.
        result = gradeBatchLine(lineNumber === 1 ? line.text.replace(/^\uFEFF/, '') : line.text, lineNumber, (id) => questions.get(id));
      } catch (error) {
        // One line the grader cannot take must not cost the lines after it.
        result = { ok: false, output: { line: lineNumber, error: `could not be graded (${error instanceof Error ? error.message : String(error)})` } };
      }
      counts[result.ok ? 'graded' : 'failed']++;
      emit(formatBatchOutput(result, lineNumber));
    }
  } finally {
    // Lines already graded are written whatever ends the run.
    process.stdout.write(pending);
  }
  const summary = batchSummary(counts);
  if (summary) process.stderr.write(`nnquiz: ${summary}\n`);
  return counts.failed > 0 ? 1 : 0;
}
