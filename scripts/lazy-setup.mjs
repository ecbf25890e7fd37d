// Some dependencies do costly work when they are imported, which every command that prints pays
// even though most text never needs it. This esbuild plugin rewrites those lines so the work is
// done on first use. Measured on a quiet two-core machine here:
// - string-width and wrap-ansi each build an Intl.Segmenter; the first one a process builds loads
//   ICU's break rules, 16-25 ms (over 100 ms under load). Printable ASCII never reaches it (both
//   measure it with a fast path), nor, with displayWidth's own (src/ui/layout.ts), the rest of
//   what nnquiz prints.
// - string-width compiles /^\p{RGI_Emoji}$/v, a set of some 3,600 emoji sequences: about 50 ms.
//   Only text that reaches the segmenter is tested against it.
// - commander loads node:child_process (with net, dgram and streams), about 4 ms, for the
//   executable subcommands nnquiz does not have.
// If a new version of a package changes one of these lines, the build fails here rather than
// quietly losing the saving.
import { readFile } from 'node:fs/promises';

const LAZY_SEGMENTER = 'let builtSegmenter; const segmenter = { segment: (text) => (builtSegmenter ??= new Intl.Segmenter()).segment(text) };';

/** Per file of a package: each line to defer, and what replaces it (the same name, doing the work when first called). */
export const DEFERRED = {
  'string-width/index.js': [
    ['const segmenter = new Intl.Segmenter();', LAZY_SEGMENTER],
    ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let builtRgiEmojiRegex; const rgiEmojiRegex = { test: (text) => (builtRgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(text) };'],
  ],
  'wrap-ansi/index.js': [['const segmenter = new Intl.Segmenter();', LAZY_SEGMENTER]],
  'commander/lib/command.js': [["const childProcess = require('node:child_process');", "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"]],
};

/** The source of a package's file (`name`, a key of DEFERRED) with its costly lines deferred; throws when a line is not there exactly once. */
export function deferSetup(name, source, file) {
  let out = source;
  for (const [eager, lazy] of DEFERRED[name]) {
    const at = out.indexOf(eager);
    if (at === -1 || out.indexOf(eager, at + 1) !== -1) {
      throw new Error(`${file}: expected one line "${eager}" to defer (scripts/lazy-setup.mjs); the package changed, update the plugin`);
    }
    out = out.replace(eager, () => lazy);
  }
  return out;
}

export const lazySetup = {
  name: 'lazy-setup',
  setup(build) {
    // Only the files named in DEFERRED reach the plugin: every other file loads as usual.
    const names = Object.keys(DEFERRED);
    const filter = new RegExp(`[\\\\/]node_modules[\\\\/](?:${names.map((name) => name.replace(/[.\/]/g, (c) => (c === '/' ? '[\\\\/]' : '\\.'))).join('|')})$`);
    build.onLoad({ filter }, async ({ path }) => {
      const name = names.find((key) => path.replaceAll('\\', '/').endsWith(`/node_modules/${key}`));
      return { contents: deferSetup(name, await readFile(path, 'utf8'), path), loader: 'js' };
    });
  },
};
