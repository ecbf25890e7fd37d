import { readFileSync } from 'node:fs';
import { bundledDataFile } from '../../paths.js';

let words: string | undefined;

/**
 * The common English words of five letters or more (SCOWL; see scripts/build-word-list.mjs),
 * sorted in code-unit order, one a line: data/english-words.txt after its notice. Read on first use
 * from a plain file: as a string in a module it added some 16 ms to the start of every command
 * that grades, to be parsed and compiled.
 */
export function englishWords(): string {
  words ??= wordsOfList(readFileSync(bundledDataFile('english-words.txt'), 'latin1'));
  return words;
}

/** The words of a word-list file: the lines after its notice (lines that begin with #), without the final line break. */
export function wordsOfList(text: string): string {
  return text.slice(text.search(/^[a-z]/m)).trimEnd();
}
