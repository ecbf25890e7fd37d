// Order and number formatting without ICU where it is not needed. The first localeCompare of a
// process builds a collator (5-9 ms here) and the first toLocaleString a number format (about
// 11 ms): a tenth of a cold start, for ids and counts that need neither.

/** Text of ASCII letters, digits, spaces and hyphens: ids, tags, most topics and terms. */
const PLAIN = /^[A-Za-z0-9 -]*$/;

/**
 * The order localeCompare gives (negative, zero or positive), without building a collator for
 * plain text: letters compare without case first (space, then hyphen, then digits, then letters),
 * and of two texts that differ only in case, the one with lower case at the first difference comes
 * first. Checked against localeCompare over every short text of such characters
 * (tests/core/locale-free.test.ts); any other text is compared by localeCompare itself.
 */
export function compareText(a: string, b: string): number {
  // Stryker disable next-line ConditionalExpression: localeCompare for all text gives the same order, only slower
  if (!PLAIN.test(a) || !PLAIN.test(b)) return a.localeCompare(b);
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA < lowerB) return -1;
  if (lowerA > lowerB) return 1;
  // The same letters: where the two first differ, it is in case.
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length) return 0;
  return a[i] === a[i]!.toLowerCase() ? -1 : 1;
}

/** A whole number with a comma between groups of three digits, as toLocaleString('en') writes it: 20,000. */
export function groupDigits(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
