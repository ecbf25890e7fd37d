import { toListEntry } from '../core/json.js';
import { renderTable } from '../ui/layout.js';
import { style } from '../ui/style.js';
import { applySelection, loadQuestions, type BankOptions, type SelectionOptions } from './bank-options.js';

export interface ListOptions extends BankOptions, SelectionOptions {
  json?: boolean;
}

export function runList(options: ListOptions): number {
  const questions = applySelection(loadQuestions(options), options);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(questions.map(toListEntry), null, 2)}\n`);
    return 0;
  }
  if (questions.length === 0) {
    process.stderr.write('No questions match these filters.\n');
    return 0;
  }
  const rows = questions.map((q) => [q.id, q.topic, q.difficulty, q.question]);
  process.stdout.write(`${renderTable(['ID', 'TOPIC', 'DIFFICULTY', 'QUESTION'], rows, [style.id, undefined, style.difficulty])}\n`);
  if (process.stdout.isTTY) process.stdout.write(`${style.dim(`${questions.length} question${questions.length === 1 ? '' : 's'}`)}\n`);
  return 0;
}
