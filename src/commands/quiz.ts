import { orderQuestions, QuestionQueue, seededRandom, summarizeSession, type SessionResult } from '../core/practice/session.js';
import { UsageError } from '../errors.js';
import { reportDamage } from '../ui/problems.js';
import { renderExamReport, renderFeedback, renderQuestion, renderSummary } from '../ui/session-view.js';
import { style } from '../ui/style.js';
import { applySelection, loadQuestions, type BankOptions, type SelectionOptions } from './bank-options.js';
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
  const all = loadQuestions(options);
  const questions = applySelection(all, options);
  if (questions.length === 0) throw new UsageError('no questions match these filters', "run 'nnquiz list' to see the topics, tags and difficulties");
  const store = openStore(options);
  reportDamage(store.load().damaged, store.file);
  const random = seededRandom(options.seed ?? Date.now());
  const size = Math.min(options.count ?? loadSettings().quizCount, questions.length);
  const queue = new QuestionQueue(orderQuestions(questions, options.order, random), size, all, options.followUps);
  const source = answerSource();
  const results: SessionResult[] = [];
  const out = (text: string) => process.stdout.write(`${text}\n`);
  if (options.exam) out(style.dim(`Mock interview: ${size} questions, no feedback until the end${options.timeLimit ? `, ${options.timeLimit}s each` : ''}.`));
  try {
    for (let question = queue.next(); question; question = queue.next()) {
      const timing = options.timeLimit ? `${options.timeLimit}s` : '';
      out(renderQuestion('Question', queue.askedCount, size, question, timing));
      const answered = await askAndRecord(question, source, store, { mode: 'quiz', multiline: options.multiline ?? false, timeLimit: options.timeLimit });
      if (!answered) break;
      const { result, grade, attemptId } = answered;
      results.push(result);
      if (!options.exam) {
        out(renderFeedback(grade, question, result));
        // Keys act until Enter moves on: flag the question, or override the verdict (the last override counts).
        let action = await source.afterFeedback();
        while (action !== 'next' && action !== 'quit') {
          if (action === 'flag') {
            store.flagQuestion(question.id);
            out(style.dim(`Flagged ${question.id} for a fix ('nnquiz stats --flagged' lists flags).`));
          } else {
            result.verdict = action === 'right' ? 'correct' : 'incorrect';
            store.reviseAttempt(attemptId, { override: result.verdict });
            out(style.dim(`Recorded as ${result.verdict} (the grader said ${grade.verdict}).`));
          }
          action = await source.afterFeedback();
        }
        if (action === 'quit') break;
      }
      queue.answered(question, result.verdict);
    }
  } finally {
    source.close();
  }
  if (options.exam && results.length > 0) out(renderExamReport(results));
  out(renderSummary(results, summarizeSession(results), { interrupted: source.interrupted, next: "'nnquiz review' brings back what you missed, when it is due; 'nnquiz stats' shows your progress" }));
  return source.interrupted ? 130 : 0;
}
