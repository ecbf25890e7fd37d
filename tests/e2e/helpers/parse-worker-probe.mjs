// Preloaded with --import, in the CLI and in its worker threads. In the CLI: os.availableParallelism
// says NNQUIZ_PROBE_CORES, and the batches of results taken from a worker are counted, then printed on
// stderr at exit (`nnquiz-probe: batches=N`). In a worker: with NNQUIZ_PROBE_FAIL_AT=k, its k-th message
// is an error in place of its results, as a worker that fails part way sends.
import os from 'node:os';
import workerThreads from 'node:worker_threads';
import { syncBuiltinESMExports } from 'node:module';

if (workerThreads.isMainThread) {
  const cores = Number(process.env.NNQUIZ_PROBE_CORES);
  if (cores > 0) os.availableParallelism = () => cores;
  const receive = workerThreads.receiveMessageOnPort;
  let batches = 0;
  workerThreads.receiveMessageOnPort = (port) => {
    const received = receive(port);
    if (received?.message?.results) batches++;
    return received;
  };
  process.on('exit', () => process.stderr.write(`nnquiz-probe: batches=${batches}\n`));
  syncBuiltinESMExports();
} else if (process.env.NNQUIZ_PROBE_FAIL_AT) {
  const failAt = Number(process.env.NNQUIZ_PROBE_FAIL_AT);
  const postMessage = workerThreads.MessagePort.prototype.postMessage;
  let sent = 0;
  workerThreads.MessagePort.prototype.postMessage = function (message, ...rest) {
    return postMessage.call(this, ++sent === failAt ? { error: 'planted failure' } : message, ...rest);
  };
}
