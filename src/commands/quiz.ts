import { orderQuestions, QuestionQueue, seededRandom, summarizeSession, type SessionResult } from '../core/practice/session.js';
import { UsageError } from '../errors.js';
import { reportDamage } from '../ui/problems.js';
import type { Verdict } from '../core/grading/index.js';
import type { ProgressStore } from '../store/progress.js';
import type { AnswerSource } from '../ui/answer-source.js';
import { renderVerdict } from '../ui/grade-report.js';
import { fitToTerminal } from '../ui/layout.js';
import { renderExamReport, renderFeedback, renderQuestion, renderSummary } from '../ui/session-view.js';
import { style } from '../ui/style.js';
import { canBeGraded } from '../core/bank/question.js';
import { applySelection, loadQuestions, practicable, type BankOptions, type SelectionOptions } from './bank-options.js';
import { answerSource, askAndRecord, openStore, type StoreOptions } from './practice.js';
import { loadSettings } from './settings.js';

export interface QuizOptions extends BankOptions, SelectionOptions, StoreOptions {
  count?: number;
  order: 'random' | 'bank';
  seed?: number;
  timeLimit?: number;
  multiline?: boolean;
  followUps: boolean;
  exam?: boolean;
}

export async function runQuiz(options: QuizOptions): Promise<number> {
  const loaded = loadQuestions(options);
  const selected = applySelection(loaded, options);
  if (selected.length === 0) throw new UsageError('no questions match these filters', "run 'nnquiz list' to see the topics, tags and difficulties");
  const questions = practicable(selected);
  const all = loaded.filter(canBeGraded); // follow-ups are asked from every bank loaded
  const store = openStore(options);
  reportDamage(store.load().damaged, store.file);
  const random = seededRandom(options.seed ?? Date.now());
  const wanted = options.count ?? loadSettings().quizCount;
  const size = Math.min(wanted, questions.length);
  const queue = new QuestionQueue(orderQuestions(questions, options.order, random), size, all, options.followUps);
  const source = answerSource();
  const results: SessionResult[] = [];
  const out = (text: string) => process.stdout.write(`${fitToTerminal(text)}\n`);
  const started = Date.now();
  if (wanted > size) out(style.dim(`Only ${size} question${size === 1 ? '' : 's'} match${size === 1 ? 'es' : ''}; asking ${size === 1 ? 'it' : `all ${size}`}.`));
  if (options.exam) out(style.dim(`Mock interview: ${size} questions, no feedback until the end${options.timeLimit ? `, ${options.timeLimit}s each` : ''}.`));
  try {
    for (let question = queue.next(); question; question = queue.next()) {
      const timing = [options.timeLimit ? `${options.timeLimit}s` : '', queue.isFollowUp(question) ? 'follow-up' : ''].filter(Boolean).join(' · ');
      out(renderQuestion('Question', queue.askedCount, size, question, timing));
      const answered = await askAndRecord(question, source, store, { mode: 'quiz', multiline: options.multiline ?? false, timeLimit: options.timeLimit });
      if (!answered) break;
      const { result, grade, attemptId } = answered;
      results.push(result);
      if (!options.exam) {
        process.stdout.write(renderFeedback(grade, question, result));
        if (await reactToFeedback(source, store, result, grade.verdict, attemptId) === 'quit') break;
      }
      queue.answered(question, result.verdict);
    }
  } finally {
    source.close();
  }
  if (options.exam && results.length > 0) out(renderExamReport(results));
  out(renderSummary(results, summarizeSession(results, (Date.now() - started) / 1000), { interrupted: source.interrupted, next: "'nnquiz review' brings back what you missed, when it is due; 'nnquiz stats' shows your progress" }));
  return source.interrupted ? 130 : 0;
}

/**
 * Keys after feedback act until Enter moves on: override the verdict (the last override counts;
 * not on a skip, which has no answer to judge) or flag the question once, with an optional note.
 */
async function reactToFeedback(source: AnswerSource, store: ProgressStore, result: SessionResult, graded: Verdict, attemptId: string): Promise<'next' | 'quit'> {
  const out = (text: string) => process.stdout.write(`${fitToTerminal(text)}\n`);
  let flagged = false;
  for (;;) {
    const shown = result.skipped ? style.dim('skipped') : renderVerdict(result.verdict);
    const action = await source.afterFeedback(shown, { skipped: result.skipped, flagged });
    if (action === 'next' || action === 'quit') return action;
    if (action === 'flag') {
      const note = await source.flagNote();
      if (source.interrupted) return 'quit';
      store.flagQuestion(result.question.id, note || undefined);
      flagged = true;
      out(style.dim(`Flagged ${result.question.id} for a fix${note ? ' with your note' : ''} ('nnquiz stats --flagged' lists flags).`));
    } else if (!result.skipped) {
      result.verdict = action === 'right' ? 'correct' : 'incorrect';
      if (result.verdict === graded) delete result.gradedVerdict;
      else result.gradedVerdict = graded;
      store.reviseAttempt(attemptId, { override: result.verdict });
      out(style.dim(`Recorded as ${result.verdict} (the grader said ${graded}).`));
    }
  }
}
