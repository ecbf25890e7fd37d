import { searchQuestions } from '../core/search.js';
import { renderSearchHit } from '../ui/highlight.js';
import { bankIndex } from '../core/search-index.js';
import { applySelection, loadBank, type BankOptions, type SelectionOptions } from './bank-options.js';

export interface SearchOptions extends BankOptions, SelectionOptions {
  limit: number;
  json?: boolean;
}

export function runSearch(words: string[], options: SearchOptions): number {
  const query = words.join(' ');
  const { questions: bank, termIndexes } = loadBank(options);
  // Scored over the whole bank, then filtered: a filter never changes a question's score.
  const selected = applySelection(bank, options);
  const hits = searchQuestions(bank, query, options.limit, selected.length === bank.length ? undefined : selected, bankIndex(bank, termIndexes()));
  if (options.json) {
    const results = hits.map((hit) => ({ id: hit.question.id, question: hit.question.question, score: hit.score }));
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return 0;
  }
  if (hits.length === 0) {
    process.stderr.write(`No questions match ${JSON.stringify(query)}. Try fewer or other words, or 'nnquiz list'.\n`);
    return 0;
  }
  process.stdout.write(`${hits.map((hit, index) => renderSearchHit(hit, index + 1)).join('\n\n')}\n`);
  return 0;
}
