import { normalizeWords } from '../normalize.js';
import type { BankProblem } from './problem.js';
import type { KeyTerm, Question } from './question.js';
import { quoteFound } from '../safe-text.js';
import { lintRubric } from '../grading/rubric-lint.js';
import { boundMarkdownNesting, MAX_MARKDOWN_NESTING } from '../markdown-nesting.js';
import { findGluedHeadings } from './glued-headings.js';

/** A key term found in more than this share of a bank's answers tells answers apart poorly. */
const GENERIC_SHARE = 0.5;
/** Below this many questions, "most answers" says too little to warn about. */
const GENERIC_MIN_QUESTIONS = 10;

const forms = (term: KeyTerm) => [term.term, ...term.aliases];

/** The bundled bank needs at most 14 key terms and 140 forms a question; past these the checks, pairwise, would take minutes. */
export const MAX_KEY_TERMS = 50;
export const MAX_FORMS = 500;

/** Why a question has too many key terms or forms to check, or undefined. */
function tooManyTerms(q: Question): string | undefined {
  // Derived key terms come from the answer, whose size the loader bounds; the author's are unbounded.
  const keyTerms = q.keyTermsDerived ? [] : q.keyTerms;
  const count = keyTerms.length + q.misconceptions.length;
  if (count > MAX_KEY_TERMS) return `${count} key terms and misconceptions; expected at most ${MAX_KEY_TERMS} (2–4 core ideas and a few depth terms), so the rubric was not checked`;
  const formCount = [...keyTerms, ...q.misconceptions].reduce((n, item) => n + 1 + item.aliases.length, 0);
  if (formCount > MAX_FORMS) return `${formCount} terms and aliases; expected at most ${MAX_FORMS}, so the rubric was not checked`;
  return undefined;
}

/**
 * Warnings about what makes grading weak in a loaded bank: the rubric's own weaknesses (see
 * lintRubric), terms so generic that most answers hold them, duplicate or overlapping terms,
 * follow-ups that lead nowhere, and a missing topic or difficulty. A rubric too large to check
 * (more than MAX_KEY_TERMS terms or MAX_FORMS forms) is one error instead.
 */
export function lintBank(questions: readonly Question[]): BankProblem[] {
  const problems: BankProblem[] = [];
  const ids = new Set(questions.map((q) => q.id));
  const genericHolders = phraseCounter(questions.map((q) => ` ${normalizeWords(q.answer)} `));
  const warn = (q: Question, message: string) => problems.push({ file: q.file, severity: 'warning', message });

  const bySkeleton = new Map<string, Question>();
  for (const q of questions) {
    const skeleton = idSkeleton(q.id);
    const other = bySkeleton.get(skeleton);
    if (other && other.id !== q.id) {
      warn(q, `id ${JSON.stringify(q.id)} looks like ${JSON.stringify(other.id)} (${other.file}) but is spelled with other characters; give it an id in plain letters`);
    } else if (!other) bySkeleton.set(skeleton, q);
  }

  questions.forEach((q) => {
    // Derived or proposed key terms come from the answer itself; only the author's own terms can be weak.
    const keyTerms = q.keyTermsDerived || q.rubricProposed ? [] : q.keyTerms;
    for (const message of defaultedFields(q)) warn(q, message);
    if (q.answer === '') warn(q, 'the model answer is empty, so answers cannot be graded; write it after the closing --- line');
    if (q.rubricProposed) {
      warn(q, "its rubric is still a proposal (rubric: proposed): review its key terms (mark the 2–4 an interviewer must hear 'core: true', add the plain words people say), then delete the 'rubric:' line");
    }
    problems.push(...gluedHeadings(q));
    if (boundMarkdownNesting(q.answer) !== q.answer) {
      warn(q, `the model answer nests block quotes or lists more than ${MAX_MARKDOWN_NESTING} levels deep; it is shown cut to ${MAX_MARKDOWN_NESTING} levels: flatten it`);
    }
    const tooMany = tooManyTerms(q);
    if (tooMany) problems.push({ file: q.file, severity: 'error', message: tooMany });
    else if (!q.rubricProposed) for (const message of lintRubric(q)) warn(q, message);
    if (questions.length >= GENERIC_MIN_QUESTIONS) {
      for (const term of keyTerms) {
        const holders = genericHolders(forms(term));
        if (holders !== undefined) {
          warn(q, `key term ${JSON.stringify(term.term)} appears in ${holders} of ${questions.length} answers, so nearly any answer earns it; choose a term specific to this question`);
        }
      }
    }
    if (!q.keyTermsDerived && !q.rubricProposed && !tooMany) problems.push(...overlappingTerms(q));
    for (const followUp of q.followUps) {
      if (followUp === q.id) warn(q, `follow_ups lists the question itself (${JSON.stringify(followUp)}); list other question ids`);
      else if (!ids.has(followUp)) warn(q, `follow_ups names ${JSON.stringify(followUp)}, which is not a question id in the loaded banks; check the spelling, or run 'nnquiz list' for the ids`);
    }
  });
  return problems;
}

/** The fields that fell back to a default worth a warning (a topic from the folder is not one: see parseQuestion). */
function defaultedFields(q: Question): string[] {
  return q.defaulted.flatMap((field) => {
    if (field === 'topic') return [`no 'topic' given and the file is at the bank's root, so it defaults to ${JSON.stringify(q.topic)}; add e.g. 'topic: training', or move the file into a folder named after its topic`];
    if (field === 'difficulty') return [`no 'difficulty' given, so it defaults to "medium"; add e.g. 'difficulty: medium'`];
    return [];
  });
}

/** A bold pseudo-heading written under a line of text, which Markdown runs into that paragraph. */
function gluedHeadings(q: Question): BankProblem[] {
  return findGluedHeadings(q.answer).map(({ line, label }) => ({
    file: q.file,
    ...(q.answerLine === undefined ? {} : { line: q.answerLine + line - 1 }),
    severity: 'warning' as const,
    message: `the bold heading ${quoteFound(`**${label}**`)} stands directly under a line of text, so Markdown runs it into that paragraph; expected a blank line before it`,
  }));
}

/** Letters of other scripts that look like Latin ones (`а` in Cyrillic `аdam`). */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};

/** What an id looks like on screen: folded, with look-alike letters of other scripts read as Latin. */
const idSkeleton = (id: string) => [...id.normalize('NFKD').toLowerCase()].map((c) => LOOK_ALIKES[c] ?? c).join('');

/** Two key terms sharing a form, or one term's form standing inside another's as whole words. */
function overlappingTerms(q: Question): BankProblem[] {
  const problems: BankProblem[] = [];
  const normalized = q.keyTerms.map((term) => [...new Set(forms(term).map(normalizeWords).filter(Boolean))]);
  // Each form once with a space either side: containsPhrase would normalise the forms again for
  // every pair, which took most of validate's time on a large bank.
  const padded = new Map(normalized.flat().map((form) => [form, ` ${form} `]));
  const holds = (text: string, phrase: string) => padded.get(text)!.includes(padded.get(phrase)!);
  for (let i = 0; i < normalized.length; i++) {
    for (let j = i + 1; j < normalized.length; j++) {
      const a = q.keyTerms[i]!.term;
      const b = q.keyTerms[j]!.term;
      const shared = normalized[i]!.find((form) => normalized[j]!.includes(form));
      if (shared !== undefined) {
        problems.push({ file: q.file, severity: 'warning', message: `key terms ${JSON.stringify(a)} and ${JSON.stringify(b)} share the form ${JSON.stringify(shared)}, so one answer earns both; merge them or drop the shared alias` });
        continue;
      }
      const inside = normalized[i]!.flatMap((x) => normalized[j]!.map((y) => [x, y] as const)).find(
        ([x, y]) => holds(x, y) || holds(y, x),
      );
      if (inside) {
        problems.push({ file: q.file, severity: 'warning', message: `key terms ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap (${JSON.stringify(inside[0])} and ${JSON.stringify(inside[1])}), so saying one may earn both; make them distinct ideas` });
      }
    }
  }
  return problems;
}

/**
 * How many of the texts (normalised words, a space before and after each) hold any of the phrases
 * as whole words, when that is more than GENERIC_SHARE of them; undefined when it is not. The texts
 * are indexed by word once; a phrase is looked for only in the texts that hold all its words, and
 * not at all when those are too few. Looking for every term in every text took minutes on a bank of
 * a thousand questions, and would take hours on ten thousand.
 */
function phraseCounter(texts: readonly string[]): (phrases: readonly string[]) => number | undefined {
  let byWord: Map<string, number[]> | undefined;
  const textsWith = (word: string) => {
    if (!byWord) {
      byWord = new Map();
      texts.forEach((text, i) => {
        for (const each of new Set(text.split(' '))) {
          const list = byWord!.get(each);
          if (list) list.push(i);
          else byWord!.set(each, [i]);
        }
      });
    }
    return byWord.get(word) ?? [];
  };
  const isMost = (count: number) => count / texts.length > GENERIC_SHARE;
  return (phrases) => {
    const needles = phrases.map((phrase) => normalizeWords(phrase)).filter((needle) => needle !== '');
    // The texts holding every word of a needle: each one that holds the needle is among them.
    const candidates = new Set<number>();
    for (const needle of needles) {
      const lists = needle.split(' ').map(textsWith).sort((a, b) => a.length - b.length);
      for (const i of lists[0]!) if (lists.every((list) => includesSorted(list, i))) candidates.add(i);
    }
    if (!isMost(candidates.size)) return undefined;
    let holders = 0;
    for (const i of candidates) if (needles.some((needle) => texts[i]!.includes(` ${needle} `))) holders++;
    return isMost(holders) ? holders : undefined;
  };
}

/** Whether an ascending list holds the value (a binary search). */
function includesSorted(list: readonly number[], value: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (list[middle] === value) return true;
    if (list[middle]! < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
