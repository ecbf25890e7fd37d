/** A copy of a typed array with room for index `needed` (at least twice as long), the rest zero: for arrays that grow as they are filled. */
export function grown<T extends Float64Array | Int32Array>(array: T, needed = array.length): T {
  const copy = new (array.constructor as new (length: number) => T)(Math.max(2 * array.length, needed + 1));
  copy.set(array);
  return copy;
}
