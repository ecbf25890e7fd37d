// The English list alone, not the package's entry: that one holds 62 languages (some 240 KB to
// load and compile for 108 words).
import { eng } from 'stopword/src/stopwords_eng.js';

// The stopword package's English list, plus words that carry no idea of their own in an answer.
const EXTRA = ['it', 'its', 'does', 'doing', 'done', 'also', 'used', 'uses', 'using', 'use', 'e', 'g', 'eg', 'ie', 'etc', 'vs', 'via', 'one', 'two', 'may', 'will', 'just', 'so', 'thus', 'i', 'a', 'during', 'within', 'without', 'upon', 'across', 'among', 'towards', 'toward', 'onto', 'whether', 'either', 'rather', 'instead', 'every', 'per', 'yet', 'however', 'therefore', 'often', 'usually', 'e.g'];
let stopwords: Set<string> | undefined;

/** Whether a folded word is a function word ("the", "of", "is") rather than a content word. */
export function isStopword(word: string): boolean {
  stopwords ??= new Set([...eng, ...EXTRA]);
  return stopwords.has(word);
}
