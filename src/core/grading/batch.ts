import { gradeAnswer } from './grade.js';
import { toGradeJson } from './grade-json.js';
import { canBeGraded, type Question } from '../bank/question.js';
import { groupDigits } from '../locale-free.js';

/** The longest answer graded: past this, grading time and memory grow with nothing to gain. */
export const MAX_ANSWER_CHARS = 20_000;

/** Why an answer is too long to grade, or undefined when its length is fine. */
export function answerTooLong(answer: string): string | undefined {
  return answer.length > MAX_ANSWER_CHARS
    ? `the answer is ${groupDigits(answer.length)} characters long; expected at most ${groupDigits(MAX_ANSWER_CHARS)}`
    : undefined;
}

/** Extra input fields are written back as they came; deeper than this, JSON.stringify would overflow. */
const MAX_NESTING = 100;

/** Whether a parsed JSON value nests arrays or objects more than `max` levels deep (iteratively: no recursion to overflow). */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [next, depth] = stack.pop()!;
    if (next === null || typeof next !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(next)) stack.push([child, depth + 1]);
  }
  return false;
}

export type BatchResult = { ok: true; output: Record<string, unknown> } | { ok: false; output: Record<string, unknown> };

/**
 * Grades one line of `grade --batch` input, `{"id": "...", "answer": "..."}`. The output is the
 * input object with the grade added, or with an `error` saying what was wrong with the line.
 */
export function gradeBatchLine(line: string, lineNumber: number, findQuestion: (id: string) => Question | undefined): BatchResult {
  const fail = (input: Record<string, unknown>, error: string): BatchResult => ({ ok: false, output: { ...input, line: lineNumber, error } });
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (error) {
    return fail({}, `not JSON (${(error as Error).message}); expected {"id": "...", "answer": "..."}`);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail({}, 'expected a JSON object {"id": "...", "answer": "..."}');
  }
  const record = input as Record<string, unknown>;
  if (nestedDeeperThan(record, MAX_NESTING)) {
    const { id, answer } = record;
    return fail({ id: typeof id === 'string' ? id : undefined, answer: typeof answer === 'string' ? answer : undefined }, `the object is nested more than ${MAX_NESTING} levels deep; expected {"id": "...", "answer": "..."} with flat extra fields`);
  }
  if (typeof record.id !== 'string' || record.id === '') return fail(record, 'missing "id": expected the id of a question in the loaded banks');
  if (typeof record.answer !== 'string') return fail(record, 'missing "answer": expected the answer text as a string');
  const tooLong = answerTooLong(record.answer);
  if (tooLong) return fail({ ...record, answer: undefined }, `${tooLong}; shorten it`);
  const question = findQuestion(record.id);
  if (!question) return fail(record, `unknown id ${JSON.stringify(record.id)}: no such question in the loaded banks`);
  if (!canBeGraded(question)) return fail(record, `question ${JSON.stringify(question.id)} has no model answer or key terms yet, so there is nothing to grade against`);
  // An "error" the input carried would read as this line having failed.
  const { error: _ignored, ...kept } = record;
  return { ok: true, output: { ...kept, ...toGradeJson(gradeAnswer(question, record.answer)) } };
}

/**
 * The output line of one batch result. Input fields that cannot be written back (nested too deeply
 * for JSON.stringify) are dropped, and the line says so instead of ending the run.
 */
export function formatBatchOutput(result: BatchResult, lineNumber: number): string {
  try {
    return JSON.stringify(result.output);
  } catch {
    const { id, answer } = result.output;
    const error = 'the input object is nested too deeply to be written back; expected {"id": "...", "answer": "..."} with flat extra fields';
    return JSON.stringify({ id: typeof id === 'string' ? id : undefined, answer: typeof answer === 'string' ? answer : undefined, line: lineNumber, error });
  }
}

/** The output line for an input line that is too long to read. */
export function tooLongBatchLine(lineNumber: number, maxChars: number): BatchResult {
  return { ok: false, output: { line: lineNumber, error: `the line is longer than ${groupDigits(maxChars)} characters; expected one JSON object per line` } };
}

/** What a `grade --batch` run did with its input lines. */
export interface BatchCounts {
  /** Lines that were graded. */
  graded: number;
  /** Lines that got an `error` instead. */
  failed: number;
  /** Blank lines, skipped: they are neither answers nor failures. */
  skipped: number;
}

/**
 * The summary of a batch run for stderr, or undefined when every line was graded. Blank lines are
 * not answers: they count neither as lines graded nor as failures, and are mentioned apart.
 */
export function batchSummary({ graded, failed, skipped }: BatchCounts): string | undefined {
  if (failed === 0) return undefined;
  const blank = skipped > 0 ? ` (${skipped} blank line${skipped === 1 ? '' : 's'} skipped)` : '';
  return `${failed} of ${graded + failed} input line${graded + failed === 1 ? '' : 's'} could not be graded${blank}; see their "error" fields`;
}
