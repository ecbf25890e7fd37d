import stopword from 'stopword';

// The stopword package's English list, plus words that carry no idea of their own in an answer.
const STOPWORDS = new Set([...stopword.eng, 'it', 'its', 'does', 'doing', 'done', 'also', 'used', 'uses', 'using', 'use', 'e', 'g', 'eg', 'ie', 'etc', 'vs', 'via', 'one', 'two', 'may', 'will', 'just', 'so', 'thus', 'i', 'a', 'during', 'within', 'without', 'upon', 'across', 'among', 'towards', 'toward', 'onto', 'whether', 'either', 'rather', 'instead', 'every', 'per', 'yet', 'however', 'therefore', 'often', 'usually', 'e.g']);

/** Whether a folded word is a function word ("the", "of", "is") rather than a content word. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
