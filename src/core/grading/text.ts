import { foldWord, type Token } from '../normalize.js';
import { americanize, GLUE, LIGHT, lexiconPhraseAt, negatedKey, NOUN_NEGATION, VERB_NEGATION, wordStem } from './lexicon.js';

/**
 * One unit of an answer, as the grader hears it: a word, a lexicon phrase (`very small` →
 * `~less`), or a word bound by a negation before it (`no labels` → `un~labeled`).
 */
export interface Unit {
  /** What matching compares: a family key (`~less`), a negated key (`un…`), or the word's stem. */
  key: string;
  /** The folded word, British spelling made American; for a lexicon phrase, its words. */
  word: string;
  /** The stems of the words as written, to tell another form of a word from a synonym. */
  surface: string;
  /** Where the unit stands in the original text: start inclusive, end exclusive. */
  start: number;
  end: number;
  /** Words that only glue a phrase together (`the`, `of`, `is`). */
  glue: boolean;
  /** Came from the lexicon or a negation: compared by key alone, never as a typo. */
  family: boolean;
  /** A word bound by a negation before it. */
  negated: boolean;
  /** The sentence or clause it belongs to (`but`, `whereas` and sentence ends start a new one). */
  clause: number;
  /** The full word a common abbreviation stands for (`grads` → `gradients`). */
  expanded?: { word: string; key: string };
  /** A word the question's own texts use, so never read as a typo of another (`majority` is not `minority`). */
  known?: boolean;
  /** Written cut short with a full stop (`Sup.`, `classif.`): it stands for a longer word it begins. */
  truncated?: boolean;
}

/**
 * Abbreviations candidates type in a hurry, each standing for one word. An abbreviation still
 * matches itself, so a key term or alias written as `val` keeps working.
 */
const ABBREVIATIONS = new Map<string, string>(Object.entries({
  val: 'validation',
  grads: 'gradients',
  params: 'parameters',
  prob: 'probability',
  probs: 'probabilities',
  init: 'initialization',
  dim: 'dimension',
  dims: 'dimensions',
  seq: 'sequence',
  seqs: 'sequences',
  reg: 'regularization',
  optim: 'optimizer',
  acc: 'accuracy',
  approx: 'approximately',
  info: 'information',
  feat: 'feature',
  feats: 'features',
  diff: 'difference',
  w: 'weight',
  ws: 'weights',
  b: 'bias',
  hp: 'hyperparameter',
  hps: 'hyperparameters',
  nn: 'network',
  nns: 'networks',
  pos: 'position',
  emb: 'embedding',
  embs: 'embeddings',
  repr: 'representation',
  fn: 'function',
  func: 'function',
  attn: 'attention',
  act: 'activation',
  acts: 'activations',
  neg: 'negative',
  ckpt: 'checkpoint',
  perf: 'performance',
  aug: 'augmentation',
  arch: 'architecture',
  dist: 'distribution',
  eval: 'evaluation',
  mem: 'memory',
  conv: 'convolution',
  convs: 'convolutions',
  enc: 'encoder',
  dec: 'decoder',
  lin: 'linear',
  nonlin: 'nonlinearity',
  calc: 'calculation',
  est: 'estimate',
  obj: 'objective',
  img: 'image',
  imgs: 'images',
  vec: 'vector',
  vecs: 'vectors',
  mat: 'matrix',
  freq: 'frequency',
  freqs: 'frequencies',
  len: 'length',
  std: 'deviation',
  var: 'variance',
  bc: 'because',
  max: 'maximum',
  min: 'minimum',
  conn: 'connection',
  conns: 'connections',
  usu: 'usually',
  derivs: 'derivatives',
  deriv: 'derivative',
  pred: 'prediction',
  preds: 'predictions',
  err: 'error',
  errs: 'errors',
}));

// Case-blind: notes write `W/O` as often as `w/o`. `∞` is no word character, so no \b after it.
const WORD_OR_COMPARISON = /\bw\.p\.|[∇∂∑√]|\bw\/o\b|\bw\/(?=\s)|(?:->|→)\s*(?:0|zero)(?![.\d])|(?:->|→)\s*(?:(?:inf|infinity)\b|∞)|[\p{L}\p{N}]+|<=?|>=?|≤|≥/giu;
/** The symbols and Greek letters of formulas, read as the words people say for them (`w ← w − η∇L`). */
const SYMBOL_WORDS = new Map<string, string>(
  Object.entries({ '∇': 'gradient', '∂': 'derivative', '∑': 'sum', '√': 'sqrt', α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', η: 'eta', θ: 'theta', λ: 'lambda', μ: 'mu', σ: 'sigma', τ: 'tau', φ: 'phi', ϕ: 'phi' }),
);

const COMPARISONS: Record<string, string> = { '<': 'less', '<=': 'less', '≤': 'less', '>': 'more', '>=': 'more', '≥': 'more' };

/** Words, and the comparison signs of terse notes read as words (`< 1` says `less than 1`); an arrow's `>` is not one. */
function tokenizeAnswer(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_OR_COMPARISON)) {
    // `w.p.` is `with probability`.
    if (match[0].toLowerCase() === 'w.p.') {
      tokens.push({ word: 'with', start: match.index, end: match.index + 2 }, { word: 'probability', start: match.index + 2, end: match.index + 4 });
      continue;
    }
    const symbol = SYMBOL_WORDS.get(foldWord(match[0]));
    if (symbol) {
      tokens.push({ word: symbol, start: match.index, end: match.index + match[0].length });
      continue;
    }
    // `w/` and `w/o` of quick notes are `with` and `without`.
    if (/^w\//i.test(match[0])) {
      tokens.push({ word: match[0].length > 2 ? 'without' : 'with', start: match.index, end: match.index + match[0].length });
      continue;
    }
    // `grads -> 0` says they vanish; `-> inf` that they explode.
    const arrow = /^(?:->|→)\s*(\S+)/.exec(match[0]);
    if (arrow) {
      tokens.push({ word: /^(?:0|zero)$/i.test(arrow[1]!) ? 'vanish' : 'explode', start: match.index, end: match.index + match[0].length });
      continue;
    }
    const comparison = Object.hasOwn(COMPARISONS, match[0]) ? COMPARISONS[match[0]] : undefined;
    if (comparison && /[-=]$/.test(text.slice(0, match.index))) continue;
    // `non-linear` is one word, `nonlinear`, not a negation of `linear`.
    const previous = tokens.at(-1);
    if (previous?.word === 'non' && /^[-\s]$/.test(text.slice(previous.end, match.index))) {
      tokens[tokens.length - 1] = { word: `non${foldWord(match[0])}`, start: previous.start, end: match.index + match[0].length };
      continue;
    }
    // `to big`, `to simple`: the slip of `too` before a word of size, speed or complexity.
    if (previous?.word === 'to' && TOO_BEFORE.has(wordStem(foldWord(match[0])))) tokens[tokens.length - 1] = { ...previous, word: 'too' };
    // A lone 0 is `zero` (`< 0` reads `less zero`: negative), but not the 0 of `0.25`.
    const zero = match[0] === '0' && !/[.,]\d/.test(text.slice(match.index + 1, match.index + 3)) && !/\d[.,]$/.test(text.slice(Math.max(0, match.index - 2), match.index));
    tokens.push({ word: comparison ?? (zero ? 'zero' : foldWord(match[0])), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The word a common abbreviation stands for (`grads` → `gradients`), if it is one. */
export const expandAbbreviation = (word: string): string | undefined => ABBREVIATIONS.get(word);

/** Stems of words after which `to` can only be a slip for `too`. */
const TOO_BEFORE = new Set(['big', 'small', 'larg', 'high', 'low', 'simpl', 'complex', 'slow', 'fast', 'much', 'mani', 'few', 'littl', 'late', 'earli', 'deep', 'shallow', 'strong', 'weak', 'long', 'short']);

const CLAUSE_WORDS = new Set(['but', 'however', 'whereas', 'while', 'whilst', 'although', 'though', 'yet']);
/** Whether the text between two words ends a sentence: `;`, `!`, `?`, a line break, or a full stop before a space (`0.25` and `x.y` go on). */
function endsSentence(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  if (/[;!?\n]/.test(gap)) return true;
  const stop = gap.indexOf('.');
  // Stryker disable next-line StringLiteral: the fallback is never used: between two words, a character always follows the full stop
  return stop >= 0 && /^\s/.test(text.slice(from + stop + 1, from + stop + 2) || ' ');
}
const LIST_SEPARATOR = /^\s*(?:,|\/|&)\s*$/;
const LIST_WORDS = new Set(['or', 'nor', 'and']);
/** How many glue words or light verbs a negation reaches across to the word it binds. */
const NEGATION_REACH = 3;

function keyOfWord(word: string): string {
  // `unlabelled` and `non-linear` say `not labelled` and `not linear`.
  const prefix = /^(?:un|non)(?=[a-z]{4})/.exec(word);
  if (prefix) {
    const rest = word.slice(prefix[0].length);
    const phrase = lexiconPhraseAt([wordStem(rest)], 0, 1);
    if (phrase && phrase.key !== VERB_NEGATION && phrase.key !== NOUN_NEGATION) return `un${phrase.key}`;
    return `un${wordStem(rest)}`;
  }
  return wordStem(word);
}

/**
 * Reads text into units: words folded and stemmed, lexicon phrases joined into their family,
 * negations bound to the word they negate (reaching across glue words and light verbs such as
 * `use`, and across a coordinated list: `never A, B or C` negates all three), and clauses
 * numbered.
 */
export function readUnits(text: string): Unit[] {
  const tokens = tokenizeAnswer(text);
  const words = tokens.map((t) => americanize(t.word));
  const stems = words.map(wordStem);
  const clauses: number[] = [];
  let clause = 0;
  tokens.forEach((token, i) => {
    // The full stop of `e.g.` or `i.e.` ends no sentence.
    const abbreviation = tokens[i - 1]?.word.length === 1 && /^\.\s/.test(text.slice(tokens[i - 1]!.end, token.start));
    if (i > 0 && ((endsSentence(text, tokens[i - 1]!.end, token.start) && !abbreviation) || CLAUSE_WORDS.has(token.word))) clause++;
    clauses.push(clause);
  });

  // Lexicon phrases, longest first.
  const raw: Unit[] = [];
  for (let i = 0; i < tokens.length; ) {
    let end = i + 1;
    // A lexicon phrase stays within a clause and does not run across punctuation (`mini-batch, normalizes`).
    while (end < tokens.length && clauses[end] === clauses[i] && end - i < 5 && !/[,;:()]/.test(text.slice(tokens[end - 1]!.end, tokens[end]!.start))) end++;
    const phrase = lexiconPhraseAt(stems, i, end);
    const token = tokens[i]!;
    if (phrase) {
      const last = tokens[i + phrase.length - 1]!;
      raw.push({ key: phrase.key, word: words.slice(i, i + phrase.length).join(' '), surface: stems.slice(i, i + phrase.length).join(' '), start: token.start, end: last.end, glue: false, family: true, negated: false, clause: clauses[i]! });
      i += phrase.length;
      continue;
    }
    const word = words[i]!;
    const full = ABBREVIATIONS.get(word);
    raw.push({
      key: keyOfWord(word),
      word,
      surface: stems[i]!,
      start: token.start,
      end: token.end,
      glue: GLUE.has(word),
      family: false,
      negated: false,
      clause: clauses[i]!,
      ...(full ? { expanded: { word: full, key: lexiconPhraseAt([wordStem(full)], 0, 1)?.key ?? keyOfWord(full) } } : {}),
    });
    i++;
  }
  return bindNegations(raw, text);
}

function bindNegations(units: Unit[], text: string): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.key !== VERB_NEGATION && unit.key !== NOUN_NEGATION) {
      out.push(unit);
      continue;
    }
    // The word a negation binds: the first after it that is neither glue nor a light verb.
    let target = -1;
    let light = -1;
    for (let j = i + 1, skipped = 0; j < units.length && units[j]!.clause === unit.clause && skipped <= NEGATION_REACH; j++) {
      if (units[j]!.key === VERB_NEGATION || units[j]!.key === NOUN_NEGATION) break;
      // `Without it, the gradients explode`: a negation does not reach past a comma.
      if (/[,;:()]/.test(text.slice(units[j - 1]!.end, units[j]!.start))) break;
      // Light verbs and adverbs (`not automatically calibrated`) pass the negation on.
      if (!units[j]!.glue && !LIGHT.has(units[j]!.word) && !(units[j]!.word.endsWith('ly') && !units[j]!.family)) {
        target = j;
        break;
      }
      if (!units[j]!.glue) light = j;
      skipped++;
    }
    // `momentum doesn't help.`: with nothing after it, the negation binds the light verb itself.
    if (target < 0) target = light;
    // `neither A nor B`: B was already negated as part of the list.
    if (target < 0 || units[target]!.negated) {
      out.push({ ...unit, glue: true });
      continue;
    }
    const bound = units[target]!;
    out.push({ ...bound, key: negatedKey(bound.key), start: unit.start, family: true, negated: true });
    delete out[out.length - 1]!.expanded;
    negateList(units, target, text);
    i = target;
  }
  return out;
}

/**
 * `never used for A, B or C`: when the negated word heads a coordinated list, the first word of
 * every item is negated too. A list needs a closing `or`/`and`/`nor` (or `nor` and `or` alone),
 * so `without dropout, the model overfits` is not read as a list.
 */
function negateList(units: Unit[], first: number, text: string): void {
  const items: number[] = [];
  let closed = false;
  let sawComma = false;
  let i = first + 1;
  // Skip the rest of the negated item (up to three words).
  const skipItem = () => {
    let n = 0;
    while (i < units.length && n < 3 && !units[i]!.glue && !isSeparated(units, i, text) && units[i]!.clause === units[first]!.clause) {
      i++;
      n++;
    }
  };
  skipItem();
  while (i < units.length && items.length < 8 && units[i]!.clause === units[first]!.clause) {
    const gap = text.slice(units[i - 1]!.end, units[i]!.start);
    const comma = LIST_SEPARATOR.test(gap);
    const word = units[i]!.word;
    if (LIST_WORDS.has(word) && (word !== 'and' || sawComma)) {
      i++;
      closed = true;
    } else if (comma) {
      sawComma = true;
    } else break;
    while (i < units.length && units[i]!.glue && !LIST_WORDS.has(units[i]!.word)) i++;
    if (i >= units.length || units[i]!.key === VERB_NEGATION || units[i]!.key === NOUN_NEGATION) break;
    items.push(i);
    i++;
    skipItem();
    if (closed) break;
  }
  if (!closed) return;
  for (const item of items) {
    const unit = units[item]!;
    units[item] = { ...unit, key: negatedKey(unit.key), family: true, negated: true };
    delete units[item]!.expanded;
  }
}

const isSeparated = (units: readonly Unit[], i: number, text: string) =>
  i > 0 && (/[,/&]/.test(text.slice(units[i - 1]!.end, units[i]!.start)) || LIST_WORDS.has(units[i]!.word));
