import { createPrompt, isEnterKey, makeTheme, useEffect, useKeypress, usePrefix, useState } from '@inquirer/core';
import { confirm, editor, input, select } from '@inquirer/prompts';
import type { QuestionDraft } from '../core/bank/author.js';
import { answerTooLong, MAX_ANSWER_CHARS } from '../core/grading/batch.js';
import { displayWidth, terminalWidth, wrapToWidth } from './layout.js';
import { style } from './style.js';
import { groupDigits } from '../core/locale-free.js';

// Every interactive prompt of nnquiz lives here, so that tests can drive them and nothing else
// imports inquirer. Ctrl+C makes any of them reject with an error named ExitPromptError, and an
// aborted context signal with AbortPromptError.

interface AnswerConfig {
  message: string;
  /** When set, the remaining seconds are shown and counted down; answering late is still allowed. */
  deadline?: number;
  /** The longest answer taken; typing or pasting past it is cut, and said. */
  maxChars?: number;
}

/** A one-line answer with a live countdown when the question is timed, cut at the answer length cap. */
export const answerPrompt = createPrompt<string, AnswerConfig>((config, done) => {
  const maxChars = config.maxChars ?? MAX_ANSWER_CHARS;
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [cut, setCut] = useState(false);
  const [now, setNow] = useState(Date.now());
  // Answered, the prompt is marked neutrally: a tick above a wrong answer's cross would mislead.
  const prefix = usePrefix({ status, theme: makeTheme({ prefix: { idle: style.heading('?'), done: style.dim('›') } }) });
  useEffect(() => {
    if (config.deadline === undefined) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      setStatus('done');
      done(value.trim());
      return;
    }
    if (rl.line.length > maxChars) {
      // Cut in readline's own line too, so what is shown is what Enter will give.
      const line = rl as unknown as { line: string; cursor: number };
      line.line = line.line.slice(0, maxChars);
      line.cursor = Math.min(line.cursor, maxChars);
      setCut(true);
    }
    setValue(rl.line);
  });
  let clock = '';
  if (config.deadline !== undefined && status === 'idle') {
    const left = Math.ceil((config.deadline - now) / 1000);
    clock = left > 0 ? style.dim(` [${left}s left]`) : style.error(' [time is up: answer to finish, it will be marked late]');
  }
  const limit = cut && status === 'idle' ? `\n${style.error(`Cut at ${groupDigits(maxChars)} characters, the longest answer nnquiz takes.`)}` : '';
  const message = `${prefix} ${style.heading(config.message)}${clock}`;
  const width = terminalWidth() ?? 80;
  // On a narrow screen the message is wrapped on its own and the answer starts a line of its own.
  const narrow = displayWidth(message) + 12 > width;
  const line = narrow ? `${wrapToWidth(message, width)}\n${status === 'done' ? style.dim(value) : value}` : `${message} ${status === 'done' ? style.dim(value) : value}`;
  return [line, limit];
});

/** The streams a prompt reads and writes (a terminal unless a test gives others), and a signal that cancels it. */
type Context = Parameters<typeof editor>[1];

/** Lines of an answer file that start with this are comments: the question, shown while writing, and left out. */
const COMMENT = '#';

/**
 * Asks for a free-text answer: one line, or the user's $EDITOR with `multiline`, on a file that
 * starts with the question as comment lines. Empty skips (in review: reveals).
 */
export async function askAnswer(options: { multiline: boolean; deadline?: number; mode: 'quiz' | 'review'; question?: string }, context?: Context): Promise<string> {
  const empty = options.mode === 'review' ? 'reveals the model answer' : 'skips';
  if (options.multiline) {
    const header = [...(options.question ? wrapToWidth(options.question, 72).split('\n') : []), '', `Write your answer below. Lines starting with ${COMMENT} are left out; an empty answer ${empty}.`];
    const uncomment = (text: string) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith(COMMENT))
        .join('\n')
        .trim();
    // Too long: the error is shown and Enter reopens the editor on the same text, so nothing typed is lost.
    const validate = (text: string) => answerTooLong(uncomment(text)) ?? true;
    const text = await editor(
      { message: `Your answer (opens $EDITOR; an empty file ${empty})`, waitForUserInput: false, default: `${header.map((line) => `${COMMENT} ${line}`.trimEnd()).join('\n')}\n\n`, postfix: '.md', validate },
      context,
    );
    return uncomment(text);
  }
  return answerPrompt({ message: `Your answer (Enter on an empty line ${empty}):`, deadline: options.deadline }, context);
}

interface KeyConfig {
  message: string;
  /** Key name → result; Enter gives `enter`. */
  keys: Record<string, string>;
  enter: string;
}

/** Waits for one key press among a few, without Enter. */
const keyPrompt = createPrompt<string, KeyConfig>((config, done) => {
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  useKeypress((key) => {
    if (status !== 'idle') return;
    const name = (key.name ?? '').toLowerCase();
    const result = isEnterKey(key) ? config.enter : config.keys[name];
    if (result !== undefined) {
      setStatus('done');
      done(result);
    }
  });
  return status === 'done' ? '' : wrapToWidth(config.message, terminalWidth() ?? 80);
});

export type FeedbackAction = 'next' | 'right' | 'wrong' | 'flag' | 'quit';

/**
 * After feedback: Enter for the next question, or a key to override the verdict, flag the question
 * or quit. The verdict is repeated first, where the eye is; a skip has no verdict to override.
 */
export function askAfterFeedback(verdict: string, options: { skipped: boolean; flagged: boolean }, context?: Context): Promise<FeedbackAction> {
  type Key = [key: string, label: string, action: FeedbackAction];
  const override: Key[] = options.skipped ? [] : [['r', 'I was right', 'right'], ['w', 'I was wrong', 'wrong']];
  const flag: Key[] = options.flagged ? [] : [['f', 'flag for a fix', 'flag']];
  const keys: Key[] = [...override, ...flag, ['q', 'quit', 'quit']];
  const message = [verdict, `${style.dim('Enter')} next`, ...keys.map(([key, label]) => `${style.dim(key)} ${label}`)].join(' · ');
  return keyPrompt({ message, keys: Object.fromEntries(keys.map(([key, , action]) => [key, action])), enter: 'next' }, context) as Promise<FeedbackAction>;
}

/** An optional note for a flag: what is wrong with the question. */
export async function askFlagNote(context?: Context): Promise<string> {
  return (await input({ message: 'What needs fixing? (optional; Enter to skip)' }, context)).trim();
}

/** Asks for the review rating, with the suggestion on Enter: `1 Again 1d · 2 Hard 3d · [3 Good 8d] · 4 Easy 15d`. */
export function askRating(suggested: 'again' | 'hard' | 'good' | 'easy', dueText: Record<'again' | 'hard' | 'good' | 'easy', string>, context?: Context): Promise<'again' | 'hard' | 'good' | 'easy'> {
  const names = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' } as const;
  const label = (key: string, name: 'again' | 'hard' | 'good' | 'easy') => {
    const text = `${key} ${names[name]} ${dueText[name]}`;
    return name === suggested ? style.heading(`[${text}]`) : text;
  };
  const message = `Rate it: ${label('1', 'again')} · ${label('2', 'hard')} · ${label('3', 'good')} · ${label('4', 'easy')} · ${style.dim(`Enter: ${names[suggested]}`)}`;
  return keyPrompt({ message, keys: { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' }, enter: suggested }, context) as Promise<'again' | 'hard' | 'good' | 'easy'>;
}

/** Whether an error is inquirer's "the user pressed Ctrl+C". */
export const isPromptExit = (error: unknown) => error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');

/**
 * Asks for a new question, field by field: the text, topic, tags, difficulty, key terms with their
 * aliases, and the model answer in $EDITOR. `suggestId` proposes an id from the question.
 */
export async function askNewQuestion(options: { topics: string[]; suggestId: (question: string) => string; idHolder: (id: string) => string | undefined }): Promise<QuestionDraft> {
  const question = await input({ message: 'Question:', validate: (v) => (v.trim() ? true : 'A question is needed.') });
  const topic = await input({
    message: `Topic${options.topics.length > 0 ? ` (${options.topics.slice(0, 8).join(', ')}${options.topics.length > 8 ? ', …' : ''})` : ''}:`,
    default: options.topics[0] ?? 'general',
    validate: (v) => (/^[\w-]+$/.test(v.trim()) ? true : 'One word, letters, digits, - or _.'),
  });
  const tags = await input({ message: 'Tags (comma-separated, optional):' });
  const difficulty = await select<'easy' | 'medium' | 'hard'>({
    message: 'Difficulty:',
    choices: [
      { value: 'easy', name: 'easy' },
      { value: 'medium', name: 'medium' },
      { value: 'hard', name: 'hard' },
    ],
    default: 'medium',
  });
  const keyTerms: QuestionDraft['keyTerms'] = [];
  for (;;) {
    const term = (await input({ message: `Key term ${keyTerms.length + 1} (an idea, as a short claim; Enter when done):` })).trim();
    if (!term) break;
    const aliases = await input({ message: `  Other ways to say "${term}" (comma-separated, optional):` });
    const core = await confirm({ message: '  Core idea (an interviewer must hear it for the answer to pass)?', default: keyTerms.filter((k) => k.core).length < 2 });
    keyTerms.push({ term, aliases: aliases.split(',').map((a) => a.trim()).filter(Boolean), core });
  }
  const answer = await editor({ message: 'Model answer (opens $EDITOR; Markdown):', waitForUserInput: false, validate: (v) => (v.trim() ? true : 'A model answer is needed.') });
  const id = await input({
    message: 'Id:',
    default: options.suggestId(question),
    validate: (v) => {
      if (!/^\S+$/.test(v.trim())) return 'No spaces.';
      const holder = options.idHolder(v.trim());
      return holder ? `That id is taken by ${holder}; choose another.` : true;
    },
  });
  return {
    id: id.trim(),
    question: question.trim(),
    topic: topic.trim(),
    tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
    difficulty,
    keyTerms,
    answer,
  };
}
