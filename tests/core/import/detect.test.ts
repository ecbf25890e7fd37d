import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/core/import/detect.js';

describe('detectFormat', () => {
  it.each([
    ['#separator:tab\n#html:true\nfront\tback\n', 'anki'],
    ['question,answer,topic\nWhat?,This.,t\n', 'csv'],
    ['Topic\tQuestion\tAnswer\nt\tWhat?\tThis.\n', 'csv'],
    ['"question";"answer"\n"What?";"This."\n', 'csv'],
    ['Dropout\tZeroes units at random\nMomentum\tAverages past gradients\n', 'quizlet'],
    ['What is a ReLU?\t<b>max(0, x)</b><br>cheap\nWhat is a sigmoid?\t<p>1 / (1 + e^-x)</p>\n', 'anki'],
    ['1. **What is dropout?**\n   - It zeroes units.\n', 'markdown'],
    ['Notes, with commas, but no header.\n', 'markdown'],
  ])('reads %j as %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});
