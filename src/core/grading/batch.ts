import { gradeAnswer } from './grade.js';
import { toGradeJson } from './grade-json.js';
import type { Question } from '../bank/question.js';

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
  if (typeof record.id !== 'string' || record.id === '') return fail(record, 'missing "id": expected the id of a question in the loaded banks');
  if (typeof record.answer !== 'string') return fail(record, 'missing "answer": expected the answer text as a string');
  const question = findQuestion(record.id);
  if (!question) return fail(record, `unknown id ${JSON.stringify(record.id)}: no such question in the loaded banks`);
  return { ok: true, output: { ...record, ...toGradeJson(gradeAnswer(question, record.answer)) } };
}
