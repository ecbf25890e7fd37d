// The worker thread of parse-pool.ts: parses the files it is given, in order, and posts the results
// in batches, never more than a few ahead of what the loader has taken.
import { workerData, type MessagePort } from 'node:worker_threads';
import { parseFile, type ParsedFile } from './parse-file.js';
import { BATCH_SIZE, BATCHES_AHEAD, CONSUMED, PRODUCED, type ParseTask } from './parse-pool.js';

const { tasks, port, signal } = workerData as { tasks: ParseTask[]; port: MessagePort; signal: Int32Array };

function post(message: { results: ParsedFile[] } | { error: string }): void {
  port.postMessage(message);
  const produced = Atomics.add(signal, PRODUCED, 1) + 1;
  Atomics.notify(signal, PRODUCED);
  for (let consumed = Atomics.load(signal, CONSUMED); produced - consumed > BATCHES_AHEAD; consumed = Atomics.load(signal, CONSUMED)) {
    Atomics.wait(signal, CONSUMED, consumed, 1_000);
  }
}

try {
  let batch: ParsedFile[] = [];
  for (const { file, folder, stamp } of tasks) {
    batch.push(parseFile(file, folder, stamp));
    if (batch.length === BATCH_SIZE) {
      post({ results: batch });
      batch = [];
    }
  }
  if (batch.length > 0) post({ results: batch });
} catch (error) {
  post({ error: String(error) });
}
port.close();
