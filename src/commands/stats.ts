import { computeStats } from '../core/practice/stats.js';
import { dataFolder } from '../paths.js';
import { readProgressIn } from '../store/progress.js';
import { reportDamage } from '../ui/problems.js';
import { renderFlagged, renderStats } from '../ui/stats-view.js';
import { loadQuestions, type BankOptions } from './bank-options.js';
import type { StoreOptions } from './practice.js';

export interface StatsOptions extends BankOptions, StoreOptions {
  json?: boolean;
  flagged?: boolean;
}

export function runStats(options: StatsOptions): number {
  const questions = loadQuestions(options);
  // Read only: stats works on a read-only data folder, and creates nothing.
  const progress = readProgressIn(dataFolder(options.dataDir));
  reportDamage(progress.damaged, progress.file);
  const stats = computeStats(progress.attempts, progress.flags, questions, new Date());
  if (options.json) process.stdout.write(`${JSON.stringify(options.flagged ? stats.flagged : stats, null, 2)}\n`);
  else process.stdout.write(`${options.flagged ? renderFlagged(stats) : renderStats(stats, progress.file)}\n`);
  return 0;
}
