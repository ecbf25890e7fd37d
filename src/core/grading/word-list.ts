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
  if (words === undefined) {
    const text = readFileSync(bundledDataFile('english-words.txt'), 'latin1');
    // The notice's lines begin with #; the first word ends it.
    words = text.slice(text.search(/^[a-z]/m)).trimEnd();
  }
  return words;
}
