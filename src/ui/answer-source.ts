import { StringDecoder } from 'node:string_decoder';
import { answerTooLong, MAX_ANSWER_CHARS } from '../core/grading/batch.js';
import type { Rating } from '../core/practice/progress.js';
import { CliError } from '../errors.js';
import type { FeedbackAction } from './prompts.js';
import { groupDigits } from '../core/locale-free.js';

// Loaded on first use: `grade` reads lines through this module and must not load inquirer.
const prompts = () => import('./prompts.js');

/**
 * Where a session's answers come from: the user at a terminal, through prompts, or a pipe, one
 * answer per line (scripts and tests). `answer` resolves to undefined when there are no more
 * answers: end of input, or Ctrl+C.
 */
export interface AnswerSource {
  readonly interactive: boolean;
  /** Whether the session was ended by Ctrl+C. */
  readonly interrupted: boolean;
  answer(options: { multiline: boolean; deadline?: number; mode: 'quiz' | 'review'; question: string }): Promise<string | undefined>;
  /** After feedback; `verdict` is shown again beside the keys. A skip has no verdict to override. */
  afterFeedback(verdict: string, options: { skipped: boolean; flagged: boolean }): Promise<FeedbackAction>;
  /** An optional note for a flag; empty when none is given. */
  flagNote(): Promise<string>;
  rate(suggested: Rating, dueText: Record<Rating, string>): Promise<Rating>;
  close(): void;
}

/**
 * Prompts at a terminal. Ctrl+C ends the session cleanly at any moment: at a prompt (which takes
 * it as a key), and between prompts too (as SIGINT, while feedback is printed or the next question
 * is on its way), when the prompt being shown, if any, is cancelled and no other is asked.
 */
export function promptSource(): AnswerSource {
  let interrupted = false;
  const cancel = new AbortController();
  const onInterrupt = () => {
    interrupted = true;
    cancel.abort();
  };
  process.on('SIGINT', onInterrupt);
  const guard = async <T>(ask: (context: { signal: AbortSignal }) => Promise<T>, fallback: T): Promise<T> => {
    if (interrupted) return fallback;
    try {
      return await ask({ signal: cancel.signal });
    } catch (error) {
      if (!(await prompts()).isPromptExit(error)) throw error;
      interrupted = true;
      return fallback;
    }
  };
  return {
    interactive: true,
    get interrupted() {
      return interrupted;
    },
    answer: (options) => guard<string | undefined>(async (context) => (await prompts()).askAnswer(options, context), undefined),
    afterFeedback: (verdict, options) => guard<FeedbackAction>(async (context) => (await prompts()).askAfterFeedback(verdict, options, context), 'quit'),
    flagNote: () => guard(async (context) => (await prompts()).askFlagNote(context), ''),
    rate: (suggested, dueText) => guard(async (context) => (await prompts()).askRating(suggested, dueText, context), suggested),
    close: () => {
      process.removeListener('SIGINT', onInterrupt);
      // A prompt cancelled while $EDITOR ran resumes stdin once the editor ends (inquirer's editor
      // does), which would keep the process alive after the summary: stdin must not hold it.
      if (interrupted) (process.stdin as { unref?: () => void }).unref?.();
    },
  };
}

/** One line of input, or a line that passed the bound (its rest is not read). */
export type BoundedLine = { text: string; tooLong?: undefined } | { tooLong: true };

/**
 * Reads lines of at most `maxChars` characters, so endless input (`< /dev/zero`) costs bounded
 * memory. Lines end at LF only, a CR before it is dropped (a bare CR stays inside its line). A line
 * that passes the bound yields `{ tooLong: true }` at once; the caller should then stop reading.
 */
export async function* readBoundedLines(input: NodeJS.ReadableStream, maxChars: number): AsyncGenerator<BoundedLine> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const line = (text: string): BoundedLine => ({ text: text.endsWith('\r') ? text.slice(0, -1) : text });
  for await (const chunk of input) {
    const text = pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end - start > maxChars + 1) {
        yield { tooLong: true };
        return;
      }
      yield line(text.slice(start, end));
      start = end + 1;
    }
    pending = text.slice(start);
    if (pending.length > maxChars + 1) {
      yield { tooLong: true };
      return;
    }
  }
  pending += decoder.end();
  if (pending.length > maxChars + 1) yield { tooLong: true };
  else if (pending !== '') yield line(pending);
}

/**
 * Reads one answer per line from a pipe and never prompts: inquirer cannot share piped stdin.
 * Feedback actions are always "next" and ratings take the suggestion.
 */
export function lineSource(input: NodeJS.ReadableStream = process.stdin): AnswerSource {
  const lines = readBoundedLines(input, MAX_ANSWER_CHARS);
  let interrupted = false;
  let count = 0;
  let wake = () => {};
  const woken = new Promise<undefined>((resolve) => (wake = () => resolve(undefined)));
  // Ends the reading: a pending read of a pipe that stays open would keep the process alive.
  const stop = () => {
    (input as { destroy?: () => void }).destroy?.();
    lines.return(undefined).catch(() => undefined);
  };
  const onInterrupt = () => {
    interrupted = true;
    wake();
    stop();
  };
  process.once('SIGINT', onInterrupt);
  return {
    interactive: false,
    get interrupted() {
      return interrupted;
    },
    async answer() {
      if (interrupted) return undefined;
      const reading = lines.next();
      reading.catch(() => undefined);
      const next = await Promise.race([reading, woken]);
      if (next === undefined || next.done || interrupted) return undefined;
      count++;
      if (next.value.tooLong !== undefined) {
        throw new CliError(`answer ${count} on stdin is longer than ${groupDigits(MAX_ANSWER_CHARS)} characters; the answers before it were saved`, 'give one answer per line, each at most 20,000 characters');
      }
      const answer = next.value.text.trim();
      const tooLong = answerTooLong(answer);
      if (tooLong) throw new CliError(`answer ${count} on stdin: ${tooLong}; the answers before it were saved`, 'give one answer per line, each at most 20,000 characters');
      return answer;
    },
    afterFeedback: async () => 'next',
    flagNote: async () => '',
    rate: async (suggested) => suggested,
    close() {
      process.removeListener('SIGINT', onInterrupt);
      stop();
    },
  };
}
