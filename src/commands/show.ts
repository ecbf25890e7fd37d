import { toQuestionJson } from '../core/json.js';
import { fitToTerminal } from '../ui/layout.js';
import { renderMarkdown } from '../ui/markdown.js';
import { style } from '../ui/style.js';
import { findQuestion, loadQuestions, type BankOptions } from './bank-options.js';

export interface ShowOptions extends BankOptions {
  json?: boolean;
}

export function runShow(id: string, options: ShowOptions): number {
  const question = findQuestion(loadQuestions(options), id);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(toQuestionJson(question), null, 2)}\n`);
    return 0;
  }
  const facts = [question.topic, style.difficulty(question.difficulty), ...(question.tags.length > 0 ? [`tags: ${question.tags.join(', ')}`] : [])];
  const lines = [
    `${style.id(question.id)}  ${style.dim('·')}  ${facts.join(style.dim('  ·  '))}`,
    '',
    style.heading(question.question),
    '',
    renderMarkdown(question.answer),
    '',
  ];
  if (question.keyTerms.length > 0) {
    const source = question.keyTermsDerived
      ? 'derived from the model answer, as the file lists none; '
      : question.rubricProposed
        ? 'a proposal derived from the model answer, not yet reviewed; '
        : '';
    lines.push(style.heading('Key terms') + style.dim(` (${source}pass mark ${Math.round(question.passMark * 100)}%)`));
    for (const term of question.keyTerms) {
      const marks = [term.weight !== 1 ? `weight ${term.weight}` : '', term.core ? 'core' : '', term.negated ? 'negated' : ''].filter(Boolean);
      const aliases = term.aliases.length > 0 ? style.dim(` (also: ${term.aliases.join(', ')})`) : '';
      lines.push(`  • ${term.term}${aliases}${marks.length > 0 ? `  ${style.warning(marks.join(', '))}` : ''}`);
    }
  }
  if (question.misconceptions.length > 0) {
    lines.push('', style.heading('Misconceptions') + style.dim(' (an answer that states one is at most partial)'));
    for (const m of question.misconceptions) lines.push(`  • ${m.claim}${m.aliases.length > 0 ? style.dim(` (also: ${m.aliases.join(', ')})`) : ''}`, `    ${style.dim(m.why)}`);
  }
  if (question.followUps.length > 0) lines.push('', `${style.heading('Follow-ups:')} ${question.followUps.map(style.id).join(', ')}`);
  if (question.formerIds.length > 0) lines.push(`${style.heading('Formerly:')} ${question.formerIds.map(style.id).join(', ')} ${style.dim('(these ids still lead here)')}`);
  lines.push('', style.dim(question.file));
  process.stdout.write(`${fitToTerminal(lines.join('\n'))}\n`);
  return 0;
}
