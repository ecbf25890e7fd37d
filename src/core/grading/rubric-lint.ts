import type { Question } from '../bank/question.js';
import { isStopword } from '../stopwords.js';
import { gradeAnswer, onlyRepeatsQuestion, questionStemsOf } from './grade.js';
import { contentWords, isGeneralWord } from './lexicon.js';

/** More core ideas than this and the rubric asks for completeness, not understanding. */
export const MAX_CORE_IDEAS = 4;

/**
 * What makes a rubric grade badly, found the way an expert reviewer finds it by hand: the model
 * answer failing its own rubric or stating a misconception; the core ideas, said plainly, not
 * passing; no core ideas, or too many; a form that only repeats the question; an alias so generic
 * that any answer says it.
 */
export function lintRubric(q: Question): string[] {
  if (q.keyTermsDerived || q.keyTerms.length === 0) return [];
  const out: string[] = [];
  const core = q.keyTerms.filter((t) => t.core);
  if (core.length === 0) out.push(`no core ideas, so only a share of ${Math.round(q.passMark * 100)}% of all the key terms passes; mark the 2–4 ideas an interviewer must hear with 'core: true'`);
  else if (core.length > MAX_CORE_IDEAS) out.push(`${core.length} core ideas; an interviewer needs at most ${MAX_CORE_IDEAS} to call an answer right, so make the others depth`);

  const own = gradeAnswer(q, q.answer);
  for (const missing of own.missing) {
    out.push(`key term ${JSON.stringify(missing.term)} is not heard in the model answer; say it there, or add the words the answer uses as an alias`);
  }
  for (const m of own.misconceptions) {
    out.push(`misconception ${JSON.stringify(m.claim)} is heard in the model answer itself ("${m.text}"); write its aliases as the wrong claim, with its verb`);
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with no core idea there is no core term to miss, and the empty text it would grade states no misconception
  if (core.length > 0) {
    const plain = gradeAnswer(q, core.map((t) => t.term).join('. '));
    const unheard = plain.missing.filter((m) => m.core).map((m) => m.term);
    if (unheard.length > 0 || plain.misconceptions.length > 0) {
      const why = [...unheard.map((t) => `${JSON.stringify(t)} is not heard`), ...plain.misconceptions.map((m) => `it states the misconception ${JSON.stringify(m.claim)}`)];
      out.push(`the core ideas, stated in the rubric's own words, do not pass (${why.join('; ')}); an answer with every core idea must pass`);
    }
  }

  const questionStems = questionStemsOf(q.question);
  const ideas = [...q.keyTerms.map((t) => ({ name: t.term, forms: [t.term, ...t.aliases] })), ...q.misconceptions.map((m) => ({ name: m.claim, forms: [m.claim, ...m.aliases] }))];
  for (const idea of ideas) {
    for (const form of idea.forms) {
      if (/\.\.\.|…/.test(form)) continue;
      const content = contentWords(form);
      if (onlyRepeatsQuestion(form, questionStems)) {
        out.push(`${JSON.stringify(form)} (for ${JSON.stringify(idea.name)}) only repeats words of the question, so it earns nothing; say what the answer must claim about them`);
      } else if (content.length === 1 && (isStopword(content[0]!) || isGeneralWord(content[0]!))) {
        out.push(`${JSON.stringify(form)} (for ${JSON.stringify(idea.name)}) is a common word that answers say whatever they mean; use a phrase that states the idea`);
      }
    }
  }
  return out;
}
