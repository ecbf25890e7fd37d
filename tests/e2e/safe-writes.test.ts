import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers.js';
import { BIN, runCli } from './run-cli.js';

/** runCli with a time limit, for a test whose failure is a hang (a FIFO nobody writes to). */
function runCliOrTimeOut(args: string[], env: Record<string, string>, cwd?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NNQUIZ_DATA_DIR: tempDir(), ...env }, cwd, input: '', timeout: 20_000, killSignal: 'SIGKILL' });
  return { status: result.status, stderr: result.stderr };
}

const small = fixture('small-bank');

function answerFile(): string {
  const file = join(tempDir(), 'answer.md');
  writeFileSync(file, 'Warmup raises the learning rate gradually over the first steps.');
  return file;
}

describe('export never writes through a link, nor over a file nnquiz did not make', () => {
  it('refuses a default output file that is a symbolic link, and leaves its target alone', () => {
    const cwd = tempDir();
    const victim = join(tempDir(), 'bashrc');
    writeFileSync(victim, 'alias ll="ls -l"\n');
    symlinkSync(victim, join(cwd, 'nnquiz-study-sheet.txt'));
    const result = runCli(['export', '--format', 'anki', '--bank', small], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`nnquiz-study-sheet.txt is a symbolic link`);
    expect(result.stderr).toMatch(/\nhint: /);
    expect(readFileSync(victim, 'utf8')).toBe('alias ll="ls -l"\n');
    expect(lstatSync(join(cwd, 'nnquiz-study-sheet.txt')).isSymbolicLink()).toBe(true);
    // Not even --force, nor naming it with --out, writes through a link.
    expect(runCli(['export', '--format', 'anki', '--force', '--bank', small], { cwd }).status).toBe(1);
    expect(runCli(['export', '--format', 'html', '--out', 'nnquiz-study-sheet.txt', '--bank', small], { cwd }).status).toBe(1);
    expect(readFileSync(victim, 'utf8')).toBe('alias ll="ls -l"\n');
  });

  it('refuses a dangling link too, creating nothing at its target', () => {
    const cwd = tempDir();
    const target = join(tempDir(), 'created-by-link');
    symlinkSync(target, join(cwd, 'nnquiz-study-sheet.html'));
    expect(runCli(['export', '--format', 'html', '--bank', small], { cwd }).status).toBe(1);
    expect(() => statSync(target)).toThrow();
  });

  it('refuses an output that is not a regular file (a FIFO, a folder)', () => {
    const cwd = tempDir();
    execFileSync('mkfifo', [join(cwd, 'nnquiz-study-sheet.txt')]);
    mkdirSync(join(cwd, 'nnquiz-study-sheet.html'));
    const fifo = runCliOrTimeOut(['export', '--format', 'anki', '--force', '--bank', small], {}, cwd);
    expect(fifo.status).toBe(1);
    expect(fifo.stderr).toContain('nnquiz-study-sheet.txt is a FIFO, not a regular file');
    const folder = runCli(['export', '--format', 'html', '--force', '--bank', small], { cwd });
    expect(folder.status).toBe(1);
    expect(folder.stderr).toContain('nnquiz-study-sheet.html is a folder, not a regular file');
  });

  it('replaces its own sheet, but a file it did not make only with --force or an explicit --out', () => {
    const cwd = tempDir();
    const sheet = join(cwd, 'nnquiz-study-sheet.txt');
    writeFileSync(sheet, 'my own notes\n');
    const refused = runCli(['export', '--format', 'anki', '--bank', small], { cwd });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already exists and was not written by nnquiz');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(sheet, 'utf8')).toBe('my own notes\n');

    expect(runCli(['export', '--format', 'anki', '--force', '--bank', small], { cwd }).status).toBe(0);
    expect(readFileSync(sheet, 'utf8')).toMatch(/^#separator:tab\n/);
    // Its own sheet it replaces without asking, keeping the file's mode; no temporary file is left.
    chmodSync(sheet, 0o600);
    expect(runCli(['export', '--format', 'anki', '--bank', small], { cwd }).status).toBe(0);
    expect(statSync(sheet).mode & 0o777).toBe(0o600);

    const html = join(cwd, 'nnquiz-study-sheet.html');
    expect(runCli(['export', '--format', 'html', '--bank', small], { cwd }).status).toBe(0);
    expect(runCli(['export', '--format', 'html', '--bank', small], { cwd }).status).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);

    const mine = join(cwd, 'mine.html');
    writeFileSync(mine, 'old');
    expect(runCli(['export', '--format', 'html', '--out', mine, '--bank', small], { cwd }).status).toBe(0);
    expect(readFileSync(mine, 'utf8')).toMatch(/^<!doctype html>/);
    expect(readdirSync(cwd).sort()).toEqual(['mine.html', 'nnquiz-study-sheet.html', 'nnquiz-study-sheet.txt']);
  });
});

describe('new writes only inside the bank, only files the loader reads', () => {
  it('refuses a topic folder that is a link to somewhere outside the bank', () => {
    const bank = tempDir();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(bank, 'optimization'));
    const result = runCli(['new', '--bank', bank, '--question', 'What is warmup?', '--topic', 'optimization', '--answer-file', answerFile()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('outside the bank');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses a question file that is already a (dangling) link', () => {
    const bank = tempDir();
    const outside = join(tempDir(), 'planted.md');
    mkdirSync(join(bank, 'optimization'));
    symlinkSync(outside, join(bank, 'optimization', 'warmup.md'));
    const result = runCli(['new', '--bank', bank, '--question', 'What is warmup?', '--id', 'warmup', '--topic', 'optimization', '--answer-file', answerFile()]);
    expect(result.status).toBe(1);
    expect(() => statSync(outside)).toThrow();
  });

  it.each(['README', 'readme', '.hidden', '..', '.', 'a\\b', 'x\u0007y'])('refuses the id %j, which the loader would never read', (id) => {
    const bank = tempDir();
    const result = runCli(['new', '--bank', bank, '--question', 'What is warmup?', '--id', id, '--topic', 'optimization', '--answer-file', answerFile()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^nnquiz: --id .*\nhint: /);
    expect(readdirSync(bank)).toEqual([]);
  });

  it('refuses node_modules as a topic, a folder the loader skips', () => {
    const bank = tempDir();
    const result = runCli(['new', '--bank', bank, '--question', 'What is warmup?', '--topic', 'node_modules', '--answer-file', answerFile()]);
    expect(result.status).toBe(2);
    expect(readdirSync(bank)).toEqual([]);
  });

  it('leaves no temporary file beside the question it wrote', () => {
    const bank = tempDir();
    expect(runCli(['new', '--bank', bank, '--question', 'What is warmup?', '--id', 'warmup', '--topic', 'optimization', '--answer-file', answerFile()]).status).toBe(0);
    expect(readdirSync(join(bank, 'optimization'))).toEqual(['warmup.md']);
  });
});

describe('config set keeps the settings file what it was', () => {
  it('writes through a symlinked settings file to its target, keeping the link and the mode', () => {
    const dotfiles = tempDir();
    const target = join(dotfiles, 'nnquiz.json');
    writeFileSync(target, '{"quizCount": 5}\n');
    chmodSync(target, 0o600);
    const config = join(tempDir(), 'config.json');
    symlinkSync(target, config);
    const result = runCli(['config', 'set', 'quizCount', '12'], { env: { NNQUIZ_CONFIG: config } });
    expect(result.status).toBe(0);
    expect(lstatSync(config).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual({ quizCount: 12 });
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dotfiles)).toEqual(['nnquiz.json']);
  });

  it('creates the target of a dangling link, keeping the link', () => {
    const dotfiles = tempDir();
    const target = join(dotfiles, 'nnquiz.json');
    const config = join(tempDir(), 'config.json');
    symlinkSync(target, config);
    expect(runCli(['config', 'set', 'quizCount', '7'], { env: { NNQUIZ_CONFIG: config } }).status).toBe(0);
    expect(lstatSync(config).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual({ quizCount: 7 });
  });

  it('refuses a settings file that is not a regular file, such as a device like /dev/null, and never replaces it', () => {
    // A device of the test's own (never the real /dev/null, which a broken build run as root would replace).
    const folder = tempDir();
    let config = join(folder, 'null');
    try {
      execFileSync('mknod', ['-m', '666', config, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      config = folder; // no right to make a device: a folder is no regular file either
    }
    const before = lstatSync(config);
    const result = runCli(['config', 'set', 'quizCount', '12'], { env: { NNQUIZ_CONFIG: config } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^nnquiz: settings file .*: it is a (character device|folder), not a regular file\nhint: /);
    const after = lstatSync(config);
    expect(after.isFile()).toBe(false);
    expect(after.ino).toBe(before.ino);
  });

  it('refuses a FIFO settings file at once instead of hanging, in config and in every other command', () => {
    const config = join(tempDir(), 'config.json');
    execFileSync('mkfifo', [config]);
    for (const args of [['config', 'set', 'quizCount', '12'], ['config', 'list'], ['list', '--bank', small]]) {
      const result = runCliOrTimeOut(args, { NNQUIZ_CONFIG: config });
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(`${config}: it is a FIFO, not a regular file`);
      expect(result.stderr).not.toContain('config set KEY VALUE');
    }
    expect(lstatSync(config).isFIFO()).toBe(true);
    expect(realpathSync(config)).toBe(config);
  });
});
