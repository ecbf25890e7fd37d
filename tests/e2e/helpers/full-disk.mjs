// Preloaded with --import: the disk fills up during the first write of an attempt to the log,
// which stores only half of its bytes (a short write); every later write to the log fails.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const writeSync = fs.writeSync;
let full = false;
fs.writeSync = function (fd, data, ...rest) {
  const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
  if (text.includes('"type":"attempt"')) {
    if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    full = true;
    const bytes = Buffer.from(text);
    return writeSync.call(fs, fd, bytes, 0, Math.floor(bytes.length / 2));
  }
  return writeSync.call(fs, fd, data, ...rest);
};
syncBuiltinESMExports();
