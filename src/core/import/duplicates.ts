import { stem, tokenize } from '../normalize.js';
import { isStopword } from '../stopwords.js';

/** Two questions ask the same thing when the other holds this share of the subject weight of the one with less… */
export const NEAR_DUPLICATE_SIMILARITY = 0.75;
/** …and the shared words are this share of the heavier one too: "What is X?" is no duplicate of a long question that names X in passing. */
const SHARED_OF_HEAVIER = 0.4;

/** Words that frame a question rather than say what it is about. */
const FRAMING = new Set(
  [
    'explain', 'describe', 'concept', 'role', 'significance', 'common', 'key', 'affect', 'impact', 'tell', 'discuss', 'give', 'meant',
    'deal', 'main', 'context', 'process', 'purpose', 'definition', 'machine', 'learning', 'deep', 'neural', 'why', 'when', 'walk', 'data',
    // Stryker disable StringLiteral: each word below shares its stem with another listed form, or is a stopword, dropped before this set is read: removing one changes nothing
    'importance', 'important', 'difference', 'differences', 'different', 'use', 'used', 'using', 'work', 'works', 'help', 'helps',
    'improve', 'improving', 'address', 'addressed', 'prevent', 'prevented', 'preventing', 'define', 'define', 'example', 'examples',
    'way', 'ways', 'mean', 'means', 'solve', 'solved', 'case', 'cases', 'advantage', 'advantages', 'application', 'applications',
    'task', 'tasks', 'model', 'models', 'network', 'networks', 'nn', 'nns', 'training', 'train', 'trained', 'problem', 'problems',
    'technique', 'techniques', 'method', 'methods', 'approach', 'approaches', 'matter', 'matters', 'handle', 'handles', 'type', 'types',
    'kind', 'kinds', 'what', 'how', 'which', 'who', 'where', 'can', 'could', 'would', 'should', 'does', 'do', 'is', 'are', 'through',
    // Stryker restore StringLiteral
  ].map(stem),
);

/** Where a question turns from its subject to a purpose or examples: the words after it say less about what is asked. */
const ASIDE = /\b(?:like|such as|e\.g(?=\.)|including|for example|(?:in |to )?(?:prevent|improv|reduc|avoid|mitigat|stabili[sz]|affect|help)\w*|and (?:its|their) (?:role|importance|use|uses|applications?|advantages?)|and how|and why|and what|and when)\b/i;
/** The weight of a word after such a turn. */
const ASIDE_WEIGHT = 0.5;

interface SubjectVector {
  weights: Map<string, number>;
  total: number;
}

/**
 * Groups questions that ask the same thing in other words ("What is dropout? Why is it used?" and
 * "Explain dropout and its role in preventing overfitting"). A question is read as its subject
 * words: framing words dropped, each word weighted by how rare it is among the questions, and
 * words after a turn to a purpose or examples weighted less ("dropout … in preventing
 * overfitting" is about dropout, not overfitting). Two questions are near-duplicates when the
 * other holds most of the weight of the one with fewer subject words. Returns groups of indexes,
 * each in order, with at least two members.
 */
export function findNearDuplicates(questions: readonly string[], threshold = NEAR_DUPLICATE_SIMILARITY): number[][] {
  const subjects = questions.map(subjectWords);
  const documentFrequency = new Map<string, number>();
  for (const words of subjects) for (const w of new Set(words.map((s) => s.stem))) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  const idf = (w: string) => 1 + Math.log((questions.length + 1) / ((documentFrequency.get(w) ?? 0) + 0.5));
  const vectors = subjects.map((words) => vectorOf(words, idf));

  // An inverted index: only questions sharing a subject word are compared, so large imports stay fast.
  const holders = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const w of v.weights.keys()) holders.set(w, [...(holders.get(w) ?? []), i]);
  });
  const parent = questions.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  vectors.forEach((v, i) => {
    const seen = new Set<number>();
    for (const w of v.weights.keys()) {
      const list = holders.get(w)!;
      // A word most questions share (a bank all about one thing) links nothing on its own.
      if (list.length > 200) continue;
      for (const j of list) {
        // Stryker disable next-line EqualityOperator,LogicalOperator: comparing a pair twice, or a question with itself, changes no group (the test is symmetric); it only costs time
        if (j <= i || seen.has(j)) continue;
        seen.add(j);
        if (isNearDuplicate(v, vectors[j]!, threshold)) parent[root(j)] = root(i);
      }
    }
  });
  const groups = new Map<number, number[]>();
  questions.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
  return [...groups.values()].filter((g) => g.length > 1);
}

interface SubjectWord {
  stem: string;
  aside: boolean;
}

function subjectWords(question: string): SubjectWord[] {
  const turn = ASIDE.exec(question)?.index ?? Infinity;
  return tokenize(question)
    .filter((t) => t.word.length > 1 && !isStopword(t.word) && !/^\d+$/.test(t.word))
    .map((t) => ({ stem: stem(t.word), aside: t.start >= turn }))
    .filter((w) => !FRAMING.has(w.stem));
}

function vectorOf(words: readonly SubjectWord[], idf: (w: string) => number): SubjectVector {
  const weights = new Map<string, number>();
  for (const w of words) weights.set(w.stem, Math.max(weights.get(w.stem) ?? 0, idf(w.stem) * (w.aside ? ASIDE_WEIGHT : 1)));
  let total = 0;
  for (const x of weights.values()) total += x;
  return { weights, total };
}

function isNearDuplicate(a: SubjectVector, b: SubjectVector, threshold: number): boolean {
  // Stryker disable next-line all: questions compared share a word, and every word weighs more than 0, so neither total is 0 here
  if (a.total === 0 || b.total === 0) return false;
  let shared = 0;
  for (const [w, x] of a.weights) shared += Math.min(x, b.weights.get(w) ?? 0);
  return shared / Math.min(a.total, b.total) >= threshold && shared / Math.max(a.total, b.total) >= SHARED_OF_HEAVIER;
}
