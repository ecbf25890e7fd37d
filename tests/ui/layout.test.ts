import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, padEnd, truncate } from '../../src/ui/layout.js';

const segmenter = new Intl.Segmenter();
const graphemes = (text: string) => [...segmenter.segment(text)].length;

describe('displayWidth', () => {
  // Past U+2FFF nothing is measured by length: every character there goes to string-width.
  it('agrees with string-width on every character up to U+2FFF, alone and between letters', () => {
    const disagreements: string[] = [];
    for (let codePoint = 0x20; codePoint <= 0x2fff; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      for (const text of [char, `a${char}${char}b`]) {
        if (displayWidth(text) !== stringWidth(text)) disagreements.push(`U+${codePoint.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('counts a character by its length only where it is one grapheme of one column (what the shortcut assumes)', () => {
    // Characters that join a neighbour (combining marks, joiners, variation selectors) or take two
    // columns must not be counted by length: string-width measures them.
    const cases: Array<[string, number]> = [
      ['y\u0302', 1], // y with a combining circumflex, as the bank writes ŷ
      ['e\u0301te\u0301', 3],
      ['漢字', 4],
      ['a\u200db', 2],
      ['☕', 2],
      ['⌚ ok', 5],
      ['👍🏽', 2],
      ['x\u20d7', 1], // a combining arrow above, among the symbols of U+20xx
      ['soft\u00adhyphen', 10],
    ];
    for (const [text, width] of cases) expect([text, displayWidth(text)]).toEqual([text, width]);
  });

  it('ignores colour codes, whatever the text inside them', () => {
    expect(displayWidth('\u001b[1mβ₁ ≈ 0.9\u001b[22m')).toBe(8);
    expect(displayWidth('\u001b[36m漢字\u001b[39m')).toBe(4);
    expect(displayWidth('\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007')).toBe(4);
  });

  it('measures the text of the bundled bank as string-width does', () => {
    const sample = 'Adam: m ← β₁·m + (1 − β₁)·∇L; ‖g‖₂ ≤ c; σ(x) ∈ (0, 1); x² × 3 — about ½, ŷ = Σᵢ wᵢxᵢ… Ω(n²) ⊙ ∂L/∂θ';
    expect(displayWidth(sample)).toBe(stringWidth(sample));
    expect(displayWidth(sample)).toBe(graphemes(sample));
  });
});

describe('truncate and padEnd measure by display columns', () => {
  it.each<[string, number, string]>([
    ['dropout rate', 20, 'dropout rate'],
    ['dropout rate', 8, 'dropout…'],
    ['β₁ and β₂ of Adam', 7, 'β₁ and…'],
    ['漢字漢字', 5, '漢字…'],
    ['漢字漢字', 8, '漢字漢字'],
  ])('truncate(%j, %i) is %j', (text, width, expected) => {
    expect(truncate(text, width)).toBe(expected);
    expect(displayWidth(truncate(text, width))).toBeLessThanOrEqual(width);
  });

  it('pads wide and narrow text to the same column', () => {
    expect(padEnd('正则', 6)).toBe('正则  ');
    expect(padEnd('β₁', 6)).toBe('β₁    ');
  });
});
