import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledBank, fixture, tempDir } from '../helpers.js';
import { runCli, startCli } from './run-cli.js';

const small = fixture('small-bank');
const ids = (stdout: string) => JSON.parse(stdout).map((q: { id: string }) => q.id) as string[];

function withSettings(settings?: object) {
  const config = join(tempDir(), 'nnquiz', 'config.json');
  const env = { NNQUIZ_CONFIG: config };
  if (settings) {
    mkdirSync(join(config, '..'), { recursive: true });
    writeFileSync(config, JSON.stringify(settings));
  }
  return { config, env };
}

describe('nnquiz config', () => {
  it('sets, gets, lists and unsets settings, validating before it writes', () => {
    const { config, env } = withSettings();
    expect(runCli(['config', 'path'], { env }).stdout).toBe(`${config}\n`);
    expect(runCli(['config', 'set', 'quizCount', '15'], { env })).toMatchObject({ status: 0, stdout: `quizCount = 15  (${config})\n` });
    expect(runCli(['config', 'set', 'banks', `${small},~/more`], { env }).status).toBe(0);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ quizCount: 15, banks: [small, '~/more'] });
    expect(runCli(['config', 'get', 'quizCount'], { env }).stdout).toBe('15\n');
    expect(runCli(['config', 'get', 'passMark'], { env }).stdout).toBe('0.6\n');
    expect(JSON.parse(runCli(['config', 'list', '--json'], { env }).stdout).settings).toEqual({ banks: [small, '~/more'], includeBundled: true, quizCount: 15, passMark: 0.6, color: true });
    const bad = runCli(['config', 'set', 'passMark', '2'], { env });
    expect(bad).toMatchObject({ status: 2, stderr: "nnquiz: 'passMark' must be a number above 0 and at most 1, e.g. 0.6; found 2\nhint: nothing was written\n" });
    expect(runCli(['config', 'unset', 'banks'], { env }).stdout).toContain('banks reset to []');
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ quizCount: 15 });
    expect(runCli(['config', 'get', 'bogus'], { env })).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown setting "bogus"') });
  });

  it('suggests the setting meant when a name is mistyped, and writes nothing', () => {
    const { config, env } = withSettings();
    expect(runCli(['config', 'set', 'quizcount', '5'], { env })).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'nnquiz: unknown setting "quizcount"\nhint: did you mean quizCount? (the settings are banks, includeBundled, quizCount, passMark, color)\n',
    });
    expect(runCli(['config', 'get', 'pasMark'], { env }).stderr).toContain('hint: did you mean passMark?');
    expect(runCli(['config', 'unset', 'colr'], { env }).stderr).toContain('hint: did you mean color?');
    expect(runCli(['config', 'set', 'zzqxv', '1'], { env }).stderr).toBe('nnquiz: unknown setting "zzqxv"\nhint: the settings are banks, includeBundled, quizCount, passMark, color\n');
    expect(runCli(['config', 'lst'], { env })).toMatchObject({ status: 2, stderr: 'nnquiz: unknown config action "lst"\nhint: did you mean list? use one of: path, list, get, set, unset\n' });
    expect(existsSync(config)).toBe(false);
  });

  it('saves bank folders that do not exist, with a warning on stderr', () => {
    const { config, env } = withSettings();
    const here = tempDir();
    const result = runCli(['config', 'set', 'banks', `/does/not/exist,${here},${small}/basics/dropout.md`], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`banks = ["/does/not/exist","${here}","${small}/basics/dropout.md"]  (${config})\n`);
    expect(result.stderr.split('\n')).toEqual([
      'nnquiz: warning: bank folder "/does/not/exist" does not exist; the setting is saved, but commands that load banks fail until it is there',
      "hint: create it and add questions ('nnquiz new --bank DIR'), or change the setting ('nnquiz config set banks DIR,...')",
      `nnquiz: warning: bank folder "${small}/basics/dropout.md" is not a folder; the setting is saved, but commands that load banks fail until it is there`,
      "hint: create it and add questions ('nnquiz new --bank DIR'), or change the setting ('nnquiz config set banks DIR,...')",
      '',
    ]);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ banks: ['/does/not/exist', here, `${small}/basics/dropout.md`] });
    // Relative to the settings file, as they are read.
    mkdirSync(join(config, '..', 'mine'));
    expect(runCli(['config', 'set', 'banks', 'mine'], { env })).toMatchObject({ status: 0, stderr: '' });
    expect(runCli(['config', 'set', 'banks', small], { env })).toMatchObject({ status: 0, stderr: '' });
  });

  it('takes for on/off settings what config get prints and the usual spellings, in any case', () => {
    const { config, env } = withSettings();
    for (const [text, value] of [['false', false], ['TRUE', true], ['no', false], ['Yes', true], ['off', false], ['ON', true], ['0', false], ['1', true]] as const) {
      expect(runCli(['config', 'set', 'color', text], { env }), text).toMatchObject({ status: 0, stdout: `color = ${value}  (${config})\n` });
      expect(runCli(['config', 'get', 'color'], { env }).stdout).toBe(`${value}\n`);
    }
    expect(runCli(['config', 'set', 'includeBundled', 'n'], { env }).status).toBe(0);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ color: true, includeBundled: false });
    expect(runCli(['config', 'set', 'color', 'maybe'], { env })).toMatchObject({
      status: 2,
      stderr: 'nnquiz: \'color\' must be true or false, e.g. false; found "maybe"\nhint: nothing was written; say true or false (yes/no, on/off and 1/0 work too)\n',
    });
  });

  it('reads a settings file saved with a byte-order mark', () => {
    const { config, env } = withSettings();
    mkdirSync(join(config, '..'), { recursive: true });
    writeFileSync(config, `\uFEFF${JSON.stringify({ quizCount: 7 })}`);
    expect(runCli(['config', 'get', 'quizCount'], { env })).toMatchObject({ status: 0, stdout: '7\n' });
  });

  it('stops other commands on a broken settings file, naming the key, and lets config repair it', () => {
    const { config, env } = withSettings({ quizCont: 3, color: false });
    const list = runCli(['list'], { env });
    expect(list.status).toBe(1);
    expect(list.stderr).toBe(`nnquiz: settings file ${config}: unknown setting 'quizCont' (did you mean quizCount?); the settings are banks, includeBundled, quizCount, passMark, color\nhint: fix it with 'nnquiz config set KEY VALUE' or 'nnquiz config unset KEY'; 'nnquiz config list' shows every problem\n`);
    expect(runCli(['config', 'unset', 'quizCont'], { env }).status).toBe(0);
    expect(runCli(['list'], { env }).status).toBe(0);
  });
});

describe('which banks are loaded', () => {
  it('takes --bank over NNQUIZ_BANK over the settings file over the bundled bank', () => {
    const other = tempDir();
    writeFileSync(join(other, 'only.md'), '---\nquestion: Only here?\n---\nYes.\n');
    const { env } = withSettings({ banks: [small], includeBundled: false });
    expect(ids(runCli(['list', '--json'], { env }).stdout)).toEqual(['attention', 'dropout', 'early-stopping']);
    expect(ids(runCli(['list', '--json'], { env: { ...env, NNQUIZ_BANK: other } }).stdout)).toEqual(['only']);
    expect(ids(runCli(['list', '--json', '--bank', small], { env: { ...env, NNQUIZ_BANK: other } }).stdout)).toEqual(['attention', 'dropout', 'early-stopping']);
    expect(ids(runCli(['list', '--json']).stdout).length).toBeGreaterThanOrEqual(65);
  });

  it('adds the bundled bank with includeBundled, or with --with-bundled', () => {
    const { env } = withSettings({ banks: [small] });
    expect(ids(runCli(['list', '--json'], { env }).stdout)).toContain('vanishing-gradient');
    const both = ids(runCli(['list', '--json', '--bank', small, '--with-bundled']).stdout);
    expect(both).toContain('attention');
    expect(both).toContain('vanishing-gradient');
    expect(runCli(['list', '--json', '--bank', bundledBank, '--with-bundled']).status).toBe(0);
  });

  it('expands ~ in NNQUIZ_BANK and the settings, and reads several folders from NNQUIZ_BANK', () => {
    const home = tempDir();
    cpSync(small, join(home, 'bank'), { recursive: true });
    expect(ids(runCli(['list', '--json'], { env: { HOME: home, NNQUIZ_BANK: `~/bank:${fixture('derived-bank')}` } }).stdout)).toEqual(['attention', 'dropout', 'early-stopping', 'constructors', 'prototype']);
    const { env } = withSettings({ banks: ['~/bank'], includeBundled: false });
    expect(ids(runCli(['list', '--json'], { env: { ...env, HOME: home } }).stdout)).toEqual(['attention', 'dropout', 'early-stopping']);
  });

  it('names both files when ids clash across banks, and says how to resolve it', () => {
    const copy = tempDir();
    cpSync(small, copy, { recursive: true });
    const { stderr } = runCli(['list', '--bank', small, '--bank', copy]);
    expect(stderr).toContain(`${join(copy, 'advanced', 'attention.md')}: error: duplicate id "attention", already used by ${join(small, 'advanced', 'attention.md')}; ids must be unique across all loaded banks: give one of them another 'id:'`);
  });
});

describe('defaults from the settings', () => {
  it('uses quizCount for quiz and passMark for questions that set none', () => {
    const data = tempDir();
    const { env } = withSettings({ quizCount: 1, passMark: 0.3 });
    const quiz = runCli(['quiz', '--bank', small, '--data-dir', data, '--order', 'bank'], { env, input: 'a\nb\nc\n' });
    expect(quiz.stdout).toContain('Question 1/1');
    expect(JSON.parse(runCli(['show', 'dropout', '--bank', small, '--json'], { env }).stdout).pass_mark).toBe(0.3);
    expect(JSON.parse(runCli(['grade', 'dropout', '--bank', small, '--json', 'randomly drops units'], { env }).stdout).verdict).toBe('correct');
  });

  it('turns colour off with color: false, even when forced', () => {
    const { env } = withSettings({ color: false });
    expect(runCli(['search', 'dropout', '--limit', '1'], { env: { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b/);
    expect(runCli(['search', 'dropout', '--limit', '1'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b/);
  });
});

describe('config set run several at once', () => {
  it('loses no setting: five processes setting five keys at the same moment, five times over', async () => {
    const values = { banks: '/b1,/b2', includeBundled: 'false', quizCount: '12', passMark: '0.7', color: 'false' };
    for (let round = 0; round < 5; round++) {
      const { config, env } = withSettings({});
      const results = await Promise.all(Object.entries(values).map(([key, value]) => startCli(['config', 'set', key, value], { env })));
      expect(results.map((r) => r.status)).toEqual([0, 0, 0, 0, 0]);
      expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ banks: ['/b1', '/b2'], includeBundled: false, quizCount: 12, passMark: 0.7, color: false });
      expect(existsSync(`${config}.lock`)).toBe(false);
    }
  }, 60_000);

  it('waits while another nnquiz holds the settings lock, then writes', async () => {
    const { config, env } = withSettings({ color: false });
    writeFileSync(`${config}.lock`, `${process.pid}\n`);
    const setting = startCli(['config', 'set', 'quizCount', '20'], { env });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ color: false });
    rmSync(`${config}.lock`);
    expect(await setting).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ color: false, quizCount: 20 });
  });
});
