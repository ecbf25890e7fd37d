import { createInterface } from 'node:readline';
import type { Rating } from '../core/practice/progress.js';
import { askAfterFeedback, askAnswer, askRating, isPromptExit, type FeedbackAction } from './prompts.js';

/**
 * Where a session's answers come from: the user at a terminal, through prompts, or a pipe, one
 * answer per line (scripts and tests). `answer` resolves to undefined when there are no more
 * answers: end of input, or Ctrl+C.
 */
export interface AnswerSource {
  readonly interactive: boolean;
  /** Whether the session was ended by Ctrl+C. */
  readonly interrupted: boolean;
  answer(options: { multiline: boolean; deadline?: number; mode: 'quiz' | 'review' }): Promise<string | undefined>;
  afterFeedback(): Promise<FeedbackAction>;
  rate(suggested: Rating, dueText: Record<Rating, string>): Promise<Rating>;
  close(): void;
}

/** Prompts at a terminal; Ctrl+C at any prompt ends the session cleanly. */
export function promptSource(): AnswerSource {
  let interrupted = false;
  const guard = async <T>(ask: () => Promise<T>, fallback: T): Promise<T> => {
    if (interrupted) return fallback;
    try {
      return await ask();
    } catch (error) {
      if (!isPromptExit(error)) throw error;
      interrupted = true;
      return fallback;
    }
  };
  return {
    interactive: true,
    get interrupted() {
      return interrupted;
    },
    answer: (options) => guard<string | undefined>(() => askAnswer(options), undefined),
    afterFeedback: () => guard<FeedbackAction>(askAfterFeedback, 'quit'),
    rate: (suggested, dueText) => guard(() => askRating(suggested, dueText), suggested),
    close: () => undefined,
  };
}

/**
 * Reads one answer per line from a pipe and never prompts: inquirer cannot share piped stdin.
 * Feedback actions are always "next" and ratings take the suggestion.
 */
export function lineSource(input: NodeJS.ReadableStream = process.stdin): AnswerSource {
  const reader = createInterface({ input, crlfDelay: Infinity, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
    reader.close();
  };
  process.once('SIGINT', onInterrupt);
  return {
    interactive: false,
    get interrupted() {
      return interrupted;
    },
    async answer() {
      if (interrupted) return undefined;
      const next = await lines.next();
      return next.done || interrupted ? undefined : next.value.trim();
    },
    afterFeedback: async () => 'next',
    rate: async (suggested) => suggested,
    close() {
      process.removeListener('SIGINT', onInterrupt);
      reader.close();
    },
  };
}
