import { describe, expect, it } from 'vitest';
import { grown } from '../../src/core/typed-array.js';

describe('grown', () => {
  it('copies a typed array into one of the same kind, at least twice as long, the rest zero', () => {
    const copy = grown(Float64Array.from([1.5, 2]));
    expect(copy).toBeInstanceOf(Float64Array);
    expect([...copy]).toEqual([1.5, 2, 0, 0]);
    expect(grown(Int32Array.from([7]))).toEqual(Int32Array.from([7, 0]));
  });

  it('makes room for an index past twice the length', () => {
    const copy = grown(Int32Array.from([1, 2]), 9);
    expect(copy.length).toBe(10);
    expect(copy[9]).toBe(0);
    expect([...copy.slice(0, 2)]).toEqual([1, 2]);
  });
});
