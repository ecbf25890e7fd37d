// Preloaded with --import: the disk is full for the bank cache's data files. Opening one works;
// every write to it fails, as on a full disk (ENOSPC). Other files are written as usual.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const openSync = fs.openSync;
const writeSync = fs.writeSync;
const dataFiles = new Set();
fs.openSync = function (path, ...rest) {
  const fd = openSync.call(fs, path, ...rest);
  if (String(path).endsWith('.data')) dataFiles.add(fd);
  return fd;
};
fs.writeSync = function (fd, ...rest) {
  if (dataFiles.has(fd)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  return writeSync.call(fs, fd, ...rest);
};
syncBuiltinESMExports();
