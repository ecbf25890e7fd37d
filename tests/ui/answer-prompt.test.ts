import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS } from '../../src/core/grading/batch.js';
import { answerPrompt, askAnswer } from '../../src/ui/prompts.js';
import { tempDir } from '../helpers.js';

/** Streams for a prompt, and what it has written so far, control sequences removed. */
function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { context: { input, output: output as never }, input, screen: () => stripVTControlCharacters(written) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the answer prompt', () => {
  it('takes an answer as typed', async () => {
    const { context, input } = terminal();
    const answered = answerPrompt({ message: 'Your answer:', maxChars: 100 }, context);
    input.write('dropout zeroes units\r');
    expect(await answered).toBe('dropout zeroes units');
  });

  it('cuts a paste past the cap at the cap, says so, and gives what it shows', async () => {
    const { context, input, screen } = terminal();
    const answered = answerPrompt({ message: 'Your answer:', maxChars: 50 }, context);
    input.write('x'.repeat(60));
    await settle();
    expect(screen()).toContain('Cut at 50 characters, the longest answer nnquiz takes.');
    input.write('\r');
    expect(await answered).toBe('x'.repeat(50));
  });
});

describe('an answer written in $EDITOR', () => {
  const saved = { EDITOR: process.env.EDITOR, VISUAL: process.env.VISUAL };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('opens on the question as comments, refuses an answer past the cap with the reason, and Enter reopens the editor on the same text', async () => {
    const dir = tempDir();
    const seen = join(dir, 'seen.txt');
    // An editor that adds an overlong answer below the comment lines, then (reopened) cuts it to 30 characters.
    const script = join(dir, 'editor.mjs');
    writeFileSync(
      script,
      `import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
const file = process.argv[2];
const text = readFileSync(file, 'utf8');
appendFileSync(${JSON.stringify(seen)}, JSON.stringify(text) + '\\n');
const answer = 'Y'.repeat(${MAX_ANSWER_CHARS + 1});
writeFileSync(file, text.includes(answer) ? text.replace(answer, 'Y'.repeat(30)) : text + answer);`,
    );
    process.env.EDITOR = `${process.execPath} ${script}`;
    delete process.env.VISUAL;
    const { context, input, screen } = terminal();
    const answered = askAnswer({ multiline: true, mode: 'quiz', question: 'What is dropout, and why does it help?' }, context);
    await settle();
    for (let i = 0; i < 40 && !screen().includes('expected at most'); i++) await settle();
    expect(screen()).toContain(`the answer is ${(MAX_ANSWER_CHARS + 1).toLocaleString('en')} characters long; expected at most ${MAX_ANSWER_CHARS.toLocaleString('en')}`);
    input.write('\r');
    expect(await answered).toBe('Y'.repeat(30));
    // The file opened with the question as comment lines, left out of the answer; the second
    // opening was given the refused text, not an empty file.
    const opened = readFileSync(seen, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string);
    expect(opened).toHaveLength(2);
    expect(opened[0]).toMatch(/^# What is dropout, and why does it help\?\n#\n# Write your answer below\. Lines starting with # are left out; an empty answer skips\.\n\n$/);
    expect(opened[1]).toBe(`${opened[0]}${'Y'.repeat(MAX_ANSWER_CHARS + 1)}`);
  });
});
