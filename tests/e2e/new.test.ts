import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledBank, tempDir } from '../helpers.js';
import { runCli } from './run-cli.js';

function answerFile(text = 'Warmup raises the **learning rate** gradually over the first steps, which avoids early instability.'): string {
  const file = join(tempDir(), 'answer.md');
  writeFileSync(file, text);
  return file;
}

describe('nnquiz new (with flags)', () => {
  it('writes <bank>/<topic>/<id>.md that search finds and grade grades at once', () => {
    const bank = tempDir();
    const added = runCli(['new', '--bank', bank, '--question', 'What is a learning-rate warmup phase?', '--topic', 'optimization', '--tags', 'schedules,adam', '--difficulty', 'easy', '--terms', '*raises the learning rate|raise the LR, *gradually|step by step, avoids instability|stays stable', '--answer-file', answerFile()]);
    expect(added).toMatchObject({ status: 0, stderr: '' });
    const file = join(bank, 'optimization', 'learning-rate-warmup-phase.md');
    expect(added.stdout).toContain(`Wrote ${file}`);
    expect(readFileSync(file, 'utf8')).toContain('question: What is a learning-rate warmup phase?\ntopic: optimization\ntags:\n  - schedules\n  - adam\ndifficulty: easy\n');
    expect(JSON.parse(runCli(['search', 'warmup', '--bank', bank, '--json']).stdout)[0].id).toBe('learning-rate-warmup-phase');
    const grade = JSON.parse(runCli(['grade', 'learning-rate-warmup-phase', '--bank', bank, '--json', 'raise the LR gradually to avoid instability']).stdout);
    expect(grade).toMatchObject({ verdict: 'correct', score: 1 });
    expect(runCli(['validate', '--strict', bank]).status).toBe(0);
  });

  it('refuses to overwrite an existing id, anywhere in the bank', () => {
    const bank = tempDir();
    const args = ['new', '--bank', bank, '--question', 'What is warmup?', '--answer-file', answerFile(), '--id', 'warmup'];
    expect(runCli([...args, '--topic', 'optimization']).status).toBe(0);
    const again = runCli([...args, '--topic', 'training']);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      `nnquiz: a question with id "warmup" already exists: ${join(bank, 'optimization', 'warmup.md')}\n` +
        'hint: ids must be unique across the banks loaded together, the bundled bank included; choose another with --id, e.g. --id warmup-2; nothing was written\n',
    );
  });

  it('reads the answer from stdin with --answer-file -, and warns about a key term the answer never uses', () => {
    const bank = tempDir();
    const { status, stderr } = runCli(['new', '--bank', bank, '--question', 'What is heavy-ball momentum?', '--terms', 'velocity, nesterov', '--answer-file', '-'], { input: 'Momentum keeps a velocity of past gradients.' });
    expect(status).toBe(0);
    expect(stderr).toContain('warning: key term "nesterov" is not heard in the model answer');
    expect(readFileSync(join(bank, 'general', 'heavy-ball-momentum.md'), 'utf8')).toContain('Momentum keeps a velocity of past gradients.');
  });

  it('explains what is missing', () => {
    expect(runCli(['new', '--bank', tempDir(), '--question', 'Q?'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--answer-file is needed with --question') });
    expect(runCli(['new', '--bank', tempDir()])).toMatchObject({ status: 2, stderr: expect.stringContaining('no terminal to ask the questions on') });
    expect(runCli(['new', '--bank', tempDir(), '--question', 'Q?', '--topic', 'two words', '--answer-file', answerFile()])).toMatchObject({ status: 2, stderr: expect.stringContaining('expected one word') });
  });
});

describe('nnquiz new: ids already taken elsewhere', () => {
  const bundledDropout = join(bundledBank, 'regularization', 'dropout.md');

  it("suggests a free id when the question's words give one the bundled bank uses, though it is not loaded", () => {
    const bank = tempDir();
    const { status, stderr } = runCli(['new', '--bank', bank, '--question', 'What is dropout?', '--topic', 'regularization', '--answer-file', answerFile('Dropout randomly zeroes units in training.')]);
    expect(status).toBe(0);
    expect(stderr).toBe(`note: the id "dropout" is taken (${bundledDropout}), so the question gets the id "dropout-2"; give --id to choose another\n`);
    expect(readFileSync(join(bank, 'regularization', 'dropout-2.md'), 'utf8')).toContain('id: dropout-2\n');
  });

  it('refuses an id given with --id that the bundled bank uses, naming its file, and writes nothing', () => {
    const bank = tempDir();
    const { status, stderr } = runCli(['new', '--bank', bank, '--question', 'What is dropout?', '--id', 'dropout', '--answer-file', answerFile()]);
    expect(status).toBe(1);
    expect(stderr).toBe(
      `nnquiz: a question with id "dropout" already exists: ${bundledDropout}\n` +
        'hint: ids must be unique across the banks loaded together, the bundled bank included; choose another with --id, e.g. --id dropout-2; nothing was written\n',
    );
    expect(readdirSync(bank)).toEqual([]);
  });

  it('refuses an id that a bank in use (not the target bank) already has', () => {
    const other = tempDir();
    expect(runCli(['new', '--bank', other, '--question', 'What is label smearing?', '--answer-file', answerFile()]).status).toBe(0);
    const bank = tempDir();
    const { status, stderr } = runCli(['new', '--bank', bank, '--question', 'Q?', '--id', 'label-smearing', '--answer-file', answerFile()], { env: { NNQUIZ_BANK: other } });
    expect(status).toBe(1);
    expect(stderr).toContain(`already exists: ${join(other, 'general', 'label-smearing.md')}`);
  });
});
