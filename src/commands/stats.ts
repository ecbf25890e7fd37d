import { computeStats } from '../core/practice/stats.js';
import { loadProgress } from '../store/progress.js';
import { reportDamage } from '../ui/problems.js';
import { renderFlagged, renderStats } from '../ui/stats-view.js';
import { loadQuestions, type BankOptions } from './bank-options.js';
import { openStore, type StoreOptions } from './practice.js';

export interface StatsOptions extends BankOptions, StoreOptions {
  json?: boolean;
  flagged?: boolean;
}

export function runStats(options: StatsOptions): number {
  const questions = loadQuestions(options);
  const store = openStore(options);
  const progress = loadProgress(store.file);
  reportDamage(progress.damaged, store.file);
  const stats = computeStats(progress.attempts, progress.flags, questions, new Date());
  if (options.json) process.stdout.write(`${JSON.stringify(options.flagged ? stats.flagged : stats, null, 2)}\n`);
  else process.stdout.write(`${options.flagged ? renderFlagged(stats) : renderStats(stats, store.file)}\n`);
  return 0;
}
