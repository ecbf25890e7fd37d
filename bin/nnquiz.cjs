#!/usr/bin/env node
'use strict';
// CommonJS, as dist/ is: a run that loads no ES module never starts Node's ES module loader.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

// `nnquiz --version`, and `nnquiz --help` into a pipe, print what the full program would print
// without loading it: the version from package.json, the help as `npm run build` captured it
// (dist/help.txt: commander's help at the 80 columns it uses off a terminal). On a terminal, help
// is wrapped to its width, so it comes from the program itself.
const args = process.argv.slice(2);
const only = (...flags) => args.length === 1 && flags.includes(args[0]);
if (only('--version', '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  const help = (args.length === 0 || only('--help', '-h')) && !process.stdout.isTTY ? readHelp() : undefined;
  if (help !== undefined) process.stdout.write(help);
  else {
    // Node 22.1+ can cache compiled code between runs, which shortens every start. node:module is
    // required only there: on Node 20 loading it costs a start some of the ES module loader, for nothing.
    if (Number(process.versions.node.split('.')[0]) >= 22) require('node:module').enableCompileCache?.();
    require('../dist/cli.js');
  }
}

function readHelp() {
  try {
    return readFileSync(join(__dirname, '..', 'dist', 'help.txt'), 'utf8');
  } catch {
    return undefined;
  }
}
