import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, without types
import { deferSetup } from '../../scripts/lazy-setup.mjs';
import { tempDir } from '../helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const defer = deferSetup as (name: string, source: string, file: string) => string;
const packageSource = (name: string) => readFileSync(createRequire(join(root, 'package.json')).resolve(name), 'utf8');

describe('the build defers the costly work of dependencies at import to first use', () => {
  it.each(['string-width', 'wrap-ansi'])('rewrites the one eager segmenter of the installed %s', (name) => {
    const source = packageSource(name);
    expect(source).toMatch(/^const segmenter = new Intl\.Segmenter\(\);$/m);
    const deferred = defer(`${name}/index.js`, source, name);
    expect(deferred).not.toMatch(/^const segmenter = new Intl\.Segmenter\(\);$/m);
    expect(deferred).toContain('(builtSegmenter ??= new Intl.Segmenter()).segment(text)');
  });

  it("rewrites string-width's emoji regex, compiled on first use", () => {
    const source = packageSource('string-width');
    expect(source).toMatch(/^const rgiEmojiRegex = \/\^\\p\{RGI_Emoji\}\$\/v;$/m);
    const deferred = defer('string-width/index.js', source, 'string-width');
    expect(deferred).not.toMatch(/^const rgiEmojiRegex = \//m);
    expect(deferred).toContain('(builtRgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(text)');
  });

  it("rewrites commander's child_process, loaded only to spawn a subcommand", () => {
    const source = readFileSync(join(dirname(createRequire(join(root, 'package.json')).resolve('commander')), 'lib', 'command.js'), 'utf8');
    expect(source).toMatch(/^const childProcess = require\('node:child_process'\);$/m);
    const deferred = defer('commander/lib/command.js', source, 'commander');
    expect(deferred).not.toMatch(/^const childProcess = require/m);
    // Every use of it is a spawn, which the replacement forwards.
    expect([...deferred.matchAll(/childProcess\.(\w+)/g)].map((m) => m[1])).toEqual(['spawn', 'spawn', 'spawn']);
  });

  it('fails the build, naming the file, when a package no longer has the line, or has it twice', () => {
    expect(() => defer('string-width/index.js', 'export default 1;\n', 'node_modules/string-width/index.js')).toThrow(/node_modules\/string-width\/index\.js: expected one line/);
    const twice = 'const segmenter = new Intl.Segmenter();\nconst segmenter = new Intl.Segmenter();\n';
    expect(() => defer('wrap-ansi/index.js', twice, 'wrap-ansi')).toThrow(/wrap-ansi: expected one line/);
    // string-width's segmenter line alone is not enough: its emoji regex must be there too.
    expect(() => defer('string-width/index.js', 'const segmenter = new Intl.Segmenter();\n', 'string-width')).toThrow(/string-width: expected one line "const rgiEmojiRegex/);
  });

  it('leaves no segmenter or emoji regex built at import in dist/', () => {
    const chunks = readdirSync(join(root, 'dist')).filter((file) => file.endsWith('.js'));
    const eager = chunks.filter((file) => /(?<!\?\?)=\s*(?:new Intl\.Segmenter\(|new RegExp\("\^\\\\p\{RGI_Emoji|\/\^\\p\{RGI_Emoji)/.test(readFileSync(join(root, 'dist', file), 'utf8')));
    expect(chunks.length).toBeGreaterThan(0);
    expect(eager).toEqual([]);
  });

  it.each([['list'], ['search', 'dropout'], ['show', 'dropout'], ['show', 'diffusion-models']])('builds no segmenter and compiles no emoji regex when the built program runs %s on the bundled bank', (...args) => {
    // A hook loaded before the program counts what it builds, and says so on exit.
    const hook = join(tempDir(), 'count.mjs');
    writeFileSync(
      hook,
      [
        'let segmenters = 0, emoji = 0;',
        'const Segmenter = Intl.Segmenter;',
        'Intl.Segmenter = new Proxy(Segmenter, { construct: (target, args) => (segmenters++, Reflect.construct(target, args)) });',
        'const RegExpOf = RegExp;',
        "globalThis.RegExp = new Proxy(RegExpOf, { construct: (target, args) => (String(args[0]).includes('RGI_Emoji') && emoji++, Reflect.construct(target, args)) });",
        "process.on('exit', () => process.stderr.write(`built: ${segmenters} segmenters, ${emoji} emoji regexes\\n`));",
      ].join('\n'),
    );
    const result = spawnSync(process.execPath, ['--import', hook, join(root, 'bin', 'nnquiz.cjs'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NNQUIZ_DATA_DIR: tempDir() } });
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(100);
    expect(result.stderr).toBe('built: 0 segmenters, 0 emoji regexes\n');
  });

  it('still measures wide characters by their columns in the built program', () => {
    const bank = tempDir();
    mkdirSync(join(bank, 'misc'));
    writeFileSync(join(bank, 'misc', 'narrow.md'), '---\nid: narrow\nquestion: "What is dropout?"\ntopic: regularization\n---\nDropout zeroes units at random.\n');
    writeFileSync(join(bank, 'misc', 'wide.md'), '---\nid: wide\nquestion: "什么是 dropout？"\ntopic: 正则化\n---\nDropout zeroes units at random.\n');
    const result = spawnSync(process.execPath, [join(root, 'bin', 'nnquiz.cjs'), 'list', '--bank', bank], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NNQUIZ_DATA_DIR: tempDir() } });
    expect(result.stderr).toBe('');
    const [header, narrow, wide] = result.stdout.split('\n');
    // Each of the three characters of 正则化 takes two columns, so the next column starts where it does in the other rows.
    const columnOf = (line: string, text: string) => {
      const before = line.slice(0, line.indexOf(text));
      return [...before].reduce((width, char) => width + (/[\u4e00-\u9fff]/.test(char) ? 2 : 1), 0);
    };
    expect(columnOf(header!, 'DIFFICULTY')).toBe(columnOf(narrow!, 'medium'));
    expect(columnOf(wide!, 'medium')).toBe(columnOf(narrow!, 'medium'));
    expect(wide).toContain('正则化');
  });
});
