import { tokenize } from '../core/normalize.js';
import type { SearchHit } from '../core/search.js';
import { fitToTerminal, terminalWidth, truncate } from './layout.js';
import { colorEnabled, style } from './style.js';

/** Marks the words of a text that the search matched: in colour on a terminal, else as **word**. */
export function highlightWords(text: string, words: ReadonlySet<string>): string {
  let out = '';
  let last = 0;
  for (const token of tokenize(text)) {
    if (!words.has(token.word)) continue;
    const word = text.slice(token.start, token.end);
    out += text.slice(last, token.start) + (colorEnabled() ? style.match(word) : `**${word}**`);
    last = token.end;
  }
  return out + text.slice(last);
}

/** A one-line excerpt of the model answer around its first matched word, Markdown marks removed. */
export function answerExcerpt(answer: string, words: ReadonlySet<string>, width: number): string | undefined {
  const flat = answer
    .replace(/^\s*(?:[-+*]|\d+\.)\s+/gm, '')
    .replace(/[`*_#>|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const first = tokenize(flat).find((token) => words.has(token.word));
  if (!first) return undefined;
  const start = Math.max(0, flat.lastIndexOf(' ', Math.max(0, first.start - Math.floor(width / 3))) + 1);
  const excerpt = truncate(flat.slice(start), width);
  return highlightWords(`${start > 0 ? '…' : ''}${excerpt}`, words);
}

/** A search result: rank, id, topic and difficulty, the question with matches marked, and an excerpt when the match is in the answer. */
export function renderSearchHit(hit: SearchHit, rank: number): string {
  const words = new Set(hit.words);
  const q = hit.question;
  const lines = [
    `${String(rank).padStart(2)}. ${style.id(q.id)}  ${style.dim(`${q.topic} · ${q.difficulty} · score ${hit.score.toFixed(2)}`)}`,
    `    ${highlightWords(q.question, words)}`,
  ];
  if (!hit.fields.includes('question')) {
    const excerpt = answerExcerpt(q.answer, words, Math.max(30, (terminalWidth() ?? 100) - 6));
    if (excerpt) lines.push(`    ${style.dim('›')} ${excerpt}`);
  }
  return fitToTerminal(lines.join('\n'));
}
