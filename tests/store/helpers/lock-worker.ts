// Adds 1 to the number in a file, `count` times, each time holding the file's lock: run several at
// once, the file must end with the sum of their counts. Run from the source, through tsx.
import { readFileSync, writeFileSync } from 'node:fs';
import { withFileLock } from '../../../src/store/file-lock.js';

const [, , file, countText] = process.argv;
for (let i = 0; i < Number(countText); i++) {
  withFileLock(file!, () => {
    const value = Number(readFileSync(file!, 'utf8'));
    // Widen the window between reading and writing, where an unlocked update would be lost.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    writeFileSync(file!, String(value + 1));
  });
}
