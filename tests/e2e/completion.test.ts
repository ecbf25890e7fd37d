import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers.js';
import { BIN, runCli } from './run-cli.js';

/** Sources the bash completion script and asks it to complete a command line, as bash does on Tab. */
function completeInBash(line: string[], env: Record<string, string> = {}): string[] {
  const shim = tempDir();
  writeFileSync(join(shim, 'nnquiz'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(shim, 'nnquiz'), 0o755);
  const words = line.map((w) => `'${w}'`).join(' ');
  const script = `source <(nnquiz completion bash)\nCOMP_WORDS=(${words})\nCOMP_CWORD=${line.length - 1}\n_nnquiz_completion\nprintf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, PATH: `${shim}:${process.env.PATH}`, NNQUIZ_DATA_DIR: tempDir(), XDG_CONFIG_HOME: tempDir(), NNQUIZ_CONFIG: '', NNQUIZ_BANK: '', ...env } });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

describe('shell completion', () => {
  it('completes "nnquiz sh<Tab>" to show', () => {
    expect(completeInBash(['nnquiz', 'sh'])).toEqual(['show']);
  });

  it('completes a topic after --topic from the banks in use', () => {
    expect(completeInBash(['nnquiz', 'list', '--topic', ''])).toContain('training');
    expect(completeInBash(['nnquiz', 'quiz', '--topic', 'reg'])).toEqual(['regularization']);
    expect(completeInBash(['nnquiz', 'list', '--bank', fixture('small-bank'), '--topic', ''])).toEqual(['attention', 'regularization']);
  });

  it('completes question ids for show and grade, options, and option values', () => {
    expect(completeInBash(['nnquiz', 'show', 'vanishing'])).toEqual(['vanishing-gradient']);
    expect(completeInBash(['nnquiz', 'grade', 'dropo'])).toEqual(['dropout']);
    expect(completeInBash(['nnquiz', 'export', '--form'])).toEqual(['--format']);
    expect(completeInBash(['nnquiz', 'export', '--fo'])).toEqual(['--format', '--force']);
    expect(completeInBash(['nnquiz', 'export', '--format', ''])).toEqual(['md', 'html', 'anki', 'json']);
    expect(completeInBash(['nnquiz', 'list', '--tag', 'transf'])).toEqual(['transformers']);
  });

  it('completes file names for import, and its formats', () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'notes.md'), '1. **What is dropout?**\n');
    expect(completeInBash(['nnquiz', 'import', join(folder, 'no')])).toEqual([join(folder, 'notes.md')]);
    expect(completeInBash(['nnquiz', 'import', 'x.md', '--format', ''])).toEqual(['markdown', 'anki', 'quizlet', 'csv']);
  });

  it('takes the banks from NNQUIZ_BANK too', () => {
    expect(completeInBash(['nnquiz', 'show', ''], { NNQUIZ_BANK: fixture('small-bank') })).toEqual(['attention', 'dropout', 'early-stopping']);
  });

  it('prints scripts for zsh and fish, and refuses other shells', () => {
    expect(runCli(['completion', 'zsh']).stdout).toContain('compdef _nnquiz nnquiz');
    expect(runCli(['completion', 'fish']).stdout).toContain("complete -c nnquiz -f -a '(__nnquiz_complete)'");
    expect(runCli(['completion', 'tcsh'])).toMatchObject({ status: 2, stderr: expect.stringContaining('choose bash, zsh or fish') });
  });
});
