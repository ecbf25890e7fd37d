import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareText, groupDigits } from '../../src/core/locale-free.js';

/** Every text of up to `length` characters drawn from `chars`. */
function allTexts(chars: string, length: number): string[] {
  const texts = [''];
  for (let n = 0, from = 0; n < length; n++) {
    const to = texts.length;
    for (let i = from; i < to; i++) for (const char of chars) texts.push(texts[i] + char);
    from = to;
  }
  return texts;
}

describe('compareText', () => {
  it('orders every short text of letters of both cases, digits, spaces and hyphens as localeCompare does', () => {
    const texts = allTexts('aAbZ09 -', 3);
    expect(texts.length).toBe(585);
    const disagreements = [];
    for (const a of texts) for (const b of texts) if (Math.sign(compareText(a, b)) !== Math.sign(a.localeCompare(b))) disagreements.push([a, b]);
    expect(disagreements).toEqual([]);
  });

  it.each([
    ['batch-norm', 'batchnorm', -1],
    ['layer norm', 'layer-norm', -1],
    ['relu', 'ReLU', -1],
    ['ReLU', 'relu', 1],
    ['gelu', 'GELU', -1],
    ['rnn-2', 'rnn-10', 1],
    ['dropout', 'dropout', 0],
    ['', 'a', -1],
  ])('puts %j before or after %j as localeCompare does (%i)', (a, b, expected) => {
    expect(Math.sign(compareText(a, b))).toBe(expected);
    expect(Math.sign(a.localeCompare(b))).toBe(expected);
  });

  it.each([
    ['réseaux', 'resnet'],
    ['Étape', 'etape'],
    ['a_b', 'ab'],
    ['a.b', 'a-b'],
    ['naïve', 'navy'],
    ['日本', 'abc'],
  ])('leaves %j against %j to localeCompare', (a, b) => {
    expect(Math.sign(compareText(a, b))).toBe(Math.sign(a.localeCompare(b)));
    expect(Math.sign(compareText(b, a))).toBe(Math.sign(b.localeCompare(a)));
  });

  it('sorts a list of ids as localeCompare does', () => {
    const ids = ['Adam', 'adam', 'adamw', 'adam-w', 'batch norm', 'batch-norm', 'batchnorm', 'b2', 'b10', 'z', 'Z-1', 'a_b', 'é'];
    expect([...ids].sort(compareText)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });
});

describe('groupDigits', () => {
  it.each([0, 7, 999, 1000, 20_000, 160_000, 1_234_567, 1_000_000_000])('writes %i as toLocaleString("en") does', (count) => {
    expect(groupDigits(count)).toBe(count.toLocaleString('en'));
  });

  it('writes the whole part of a fraction', () => {
    expect(groupDigits(12_345.9)).toBe('12,345');
  });
});

describe('the sources', () => {
  it('call localeCompare and toLocaleString only through locale-free.ts, so no command builds ICU data for plain text', () => {
    const src = fileURLToPath(new URL('../../src', import.meta.url));
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('locale-free.ts'));
    expect(files.length).toBeGreaterThan(50);
    const callers = files.filter((file) => /\.(?:localeCompare|toLocaleString)\(/.test(readFileSync(join(src, file), 'utf8')));
    expect(callers).toEqual([]);
  });
});
