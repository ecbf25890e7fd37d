// Appends attempts to a store, printing each id once it is saved: the tests kill this process
// at random moments, or run several at once, and check that every acknowledged attempt survived.
// Run from the source, through tsx, so the tests exercise src/store/log.ts itself.
import { ProgressStore } from '../../../src/store/progress.js';

const [, , dir, countText, label] = process.argv;
const store = ProgressStore.open(dir!);
const count = Number(countText);
for (let i = 0; i < count; i++) {
  const attempt = store.recordAttempt({
    question: `${label}-${i}`,
    answer: `answer ${i} from ${label} `.repeat(1 + (i % 40)),
    score: 0.5,
    verdict: 'partial',
    matched: [],
    missing: ['x'],
    seconds: 1,
    late: false,
    skipped: false,
    mode: 'quiz',
    rating: 'hard',
  });
  process.stdout.write(`${attempt.id}\n`);
}
