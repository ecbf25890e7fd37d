import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = (args: string[], cwd = root) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

describe('the packed package', () => {
  it('ships only what it needs: compiled code, its data files, the bundled questions, README and licence', () => {
    const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'])) as Array<{ files: Array<{ path: string }> }>;
    const paths = pack!.files.map((f) => f.path);
    expect([...new Set(paths.map((p) => p.split('/')[0]))].sort()).toEqual(['LICENSE', 'README.md', 'bin', 'data', 'dist', 'package.json', 'questions']);
    expect(paths.filter((p) => /(^|\/)(tests?|fixtures|src)\/|\.ts$|\.map$/.test(p) && !p.endsWith('.d.ts'))).toEqual([]);
    expect(paths).toContain('questions/training/vanishing-gradient.md');
    expect(paths).toContain('dist/cli.js');
    expect(paths).toContain('data/english-words.txt');
  });

  it('installs globally from the tarball and works from any folder', () => {
    const packs = tempDir();
    const prefix = tempDir();
    const elsewhere = tempDir();
    const home = tempDir();
    // npm test has built dist/ already; rebuilding it here would race the other tests that run it.
    const [pack] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packs])) as Array<{ filename: string }>;
    npm(['install', '--global', '--prefer-offline', '--prefix', prefix, join(packs, pack!.filename)], elsewhere);
    const nnquiz = join(prefix, 'bin', 'nnquiz');
    const env = { ...process.env, NO_COLOR: '1', HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, NNQUIZ_DATA_DIR: '', NNQUIZ_BANK: '', NNQUIZ_CONFIG: '' };
    const run = (args: string[], input = '', extra: Record<string, string> = {}) => {
      const result = spawnSync(nnquiz, args, { cwd: elsewhere, input, encoding: 'utf8', env: { ...env, ...extra } });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return result.stdout;
    };
    expect(run(['--version'])).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(run(['list']).split('\n').length).toBeGreaterThan(65);
    expect(run(['search', 'dropout', '--limit', '1'])).toContain('1. dropout');
    const quiz = run(['quiz', '--count', '1', '--order', 'bank'], 'gradients shrink through sigmoid layers\n');
    expect(quiz).toContain('Session summary');
    // A typo is told from a real word by the word list in data/: found from the installed package.
    expect(run(['grade', 'vanishing-gradient', 'sigmoid derivatves are at most 0.25 so products shrink', '--json'])).toContain('"how":"typo"');
    expect(run(['stats'])).toContain('1 attempt');

    // A user's own bank, from the settings file and from NNQUIZ_BANK.
    const mine = join(home, 'my-questions', 'mine');
    mkdirSync(mine, { recursive: true });
    writeFileSync(join(mine, 'warmup.md'), '---\nquestion: What is learning-rate warmup?\nkey_terms: [learning rate]\n---\nThe learning rate starts small.\n');
    expect(run(['config', 'set', 'banks', '~/my-questions'])).toContain('banks = ["~/my-questions"]');
    expect(run(['config', 'path'])).toBe(`${join(home, 'nnquiz', 'config.json')}\n`);
    expect(run(['show', 'warmup'])).toContain('What is learning-rate warmup?');
    expect(run(['list']).split('\n').length).toBeGreaterThan(66);
    run(['config', 'unset', 'banks']);
    expect(run(['list', '--json'], '', { NNQUIZ_BANK: '~/my-questions' })).toContain('"id": "warmup"');

    // Completion, through the installed command on PATH.
    const script = `source <(nnquiz completion bash)\nCOMP_WORDS=(nnquiz sh); COMP_CWORD=1; _nnquiz_completion; echo "\${COMPREPLY[@]}"\nCOMP_WORDS=(nnquiz list --topic ''); COMP_CWORD=3; _nnquiz_completion; echo "\${COMPREPLY[@]}"`;
    const completed = spawnSync('bash', ['-c', script], { cwd: elsewhere, encoding: 'utf8', env: { ...env, PATH: `${join(prefix, 'bin')}:${process.env.PATH}` } });
    const [commands, topics] = completed.stdout.split('\n');
    expect(commands).toBe('show');
    expect(topics!.split(' ')).toContain('training');
  }, 180_000);
});
