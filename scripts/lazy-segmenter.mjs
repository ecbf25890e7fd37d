// string-width and wrap-ansi each build an Intl.Segmenter when they are imported. The first one
// a process builds loads ICU's break rules: 16-25 ms on a quiet two-core machine here, over 100 ms
// under load, a tenth of a cold start or more, paid by every command that prints even though
// printable ASCII never reaches the segmenter (both measure it with a fast path), nor, with
// displayWidth's own (src/ui/layout.ts), the rest of what nnquiz prints. This esbuild plugin makes
// the two build it on first use instead. If a new version of either changes that line, the build fails here
// rather than quietly losing the saving.
import { readFile } from 'node:fs/promises';

const EAGER = 'const segmenter = new Intl.Segmenter();';
const LAZY = 'let builtSegmenter; const segmenter = { segment: (text) => (builtSegmenter ??= new Intl.Segmenter()).segment(text) };';

/** The module's source with its segmenter built on first use; throws when the line is not there once. */
export function deferSegmenter(source, file) {
  const at = source.indexOf(EAGER);
  if (at === -1 || source.indexOf(EAGER, at + 1) !== -1) {
    throw new Error(`${file}: expected one line "${EAGER}" to defer (scripts/lazy-segmenter.mjs); the package changed, update the plugin`);
  }
  return source.replace(EAGER, LAZY);
}

export const lazySegmenter = {
  name: 'lazy-segmenter',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/](?:string-width|wrap-ansi)[\\/]index\.js$/ }, async ({ path }) => ({
      contents: deferSegmenter(await readFile(path, 'utf8'), path),
      loader: 'js',
    }));
  },
};
