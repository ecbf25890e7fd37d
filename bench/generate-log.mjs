// Writes a progress log of N attempts spread over the given question ids, one a minute, about a
// third of them missed, with an override every 50 attempts and a flag every 500: years of study.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function generateLog(folder, count, questionIds) {
  mkdirSync(folder, { recursive: true });
  const lines = [];
  let time = Date.parse('2024-01-01T00:00:00.000Z');
  for (let i = 0; i < count; i++) {
    time += 60_000;
    const question = questionIds[i % questionIds.length];
    const correct = i % 3 !== 0;
    const at = new Date(time).toISOString();
    lines.push(
      JSON.stringify({
        v: 1, type: 'attempt', id: `attempt-${i}`, question, answer: `an answer of a few words, number ${i}`,
        score: correct ? 0.8 : 0.2, verdict: correct ? 'correct' : 'incorrect', rating: correct ? 'good' : 'again',
        matched: [{ term: 'an idea', text: 'a few words', how: 'exact' }], missing: correct ? [] : ['another idea'],
        seconds: 12, late: false, skipped: false, mode: i % 2 ? 'review' : 'quiz', at,
      }),
    );
    if (i % 50 === 0) lines.push(JSON.stringify({ v: 1, type: 'revision', attempt: `attempt-${i}`, override: 'correct', at }));
    if (i % 500 === 0) lines.push(JSON.stringify({ v: 1, type: 'flag', question, note: 'wording', at }));
  }
  writeFileSync(join(folder, 'attempts.jsonl'), `${lines.join('\n')}\n`);
}
