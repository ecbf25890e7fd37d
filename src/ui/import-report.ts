import { relative } from 'node:path';
import { FORMAT_NAMES } from '../core/import/detect.js';
import type { ImportFormat } from '../core/import/item.js';
import type { ImportPlan, Origin } from '../core/import/plan.js';
import { stripControlSequences } from '../core/safe-text.js';
import { fitToTerminal } from './layout.js';
import { style } from './style.js';

export interface FileFailure {
  file: string;
  line?: number;
  message: string;
  hint: string;
}

export interface ImportReport {
  bank: string;
  dryRun: boolean;
  sources: Array<{ file: string; format: ImportFormat; found: number }>;
  failures: FileFailure[];
  plan: ImportPlan;
  written: Array<string | undefined>;
  writeError?: Error;
}

/** Lists longer than this show their first entries and say how many more there are. */
const SHOWN = 10;

const safe = (text: string) => stripControlSequences(text).replace(/\n/g, ' ');
const at = (origin: Origin) => `${safe(origin.file)}:${origin.line}`;
const quoted = (question: string) => `"${question.length > 70 ? `${question.slice(0, 69)}…` : question}"`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function firstOf<T>(items: readonly T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, SHOWN).map(line);
  if (items.length > SHOWN) lines.push(style.dim(`  … and ${items.length - SHOWN} more (--json lists them all)`));
  return lines;
}

/** One line and a hint on stderr for each file that could not be imported. */
export function renderFailures(failures: readonly FileFailure[]): void {
  for (const f of failures) {
    process.stderr.write(`${style.error(`nnquiz: ${safe(f.file)}${f.line !== undefined ? `:${f.line}` : ''}: ${safe(f.message)}`)}\n${style.hint(`hint: ${safe(f.hint)}`)}\n`);
  }
}

/** What an import read, wrote or would write, skipped and found wrong: stdout for the summary, stderr for failures. */
export function renderImportReport(report: ImportReport): void {
  const { plan } = report;
  const out: string[] = [];
  for (const s of report.sources) out.push(`Read ${safe(s.file)} as ${FORMAT_NAMES[s.format]}: ${plural(s.found, 'question')}.`);
  renderFailures(report.failures);
  if (report.sources.length === 0) return;

  const count = report.dryRun ? plan.questions.length : report.written.filter(Boolean).length;
  const verb = report.dryRun ? 'Would write' : 'Wrote';
  out.push(`${report.dryRun || count === 0 ? '' : style.ok('✔ ')}${verb} ${plural(count, 'question')} to ${safe(report.bank)}.`);
  if (report.dryRun) {
    out.push(...firstOf(plan.questions, (q) => `  ${style.id(`${q.draft.topic}/${q.draft.id}.md`)}  ${style.dim(`← ${at(q.origin)}`)}`));
  }
  const unanswered = plan.questions.filter((q) => q.draft.answer === '');
  if (unanswered.length > 0) {
    out.push(style.warning(`${plural(unanswered.length, 'question')} have no answer in the file, so they cannot be graded until one is written:`));
    out.push(...firstOf(unanswered, (q) => `  ${style.id(q.draft.id)} ${quoted(q.draft.question)} ${style.dim(`(${at(q.origin)})`)}`));
  }
  const renamed = plan.questions.filter((q) => q.wantedId !== undefined);
  if (renamed.length > 0) {
    out.push(`${plural(renamed.length, 'id')} already taken in the banks, so the question got another:`);
    out.push(...firstOf(renamed, (q) => `  ${q.wantedId} → ${style.id(q.draft.id)} ${style.dim(`(${at(q.origin)})`)}`));
  }
  if (plan.skipped.length > 0) {
    out.push(`Skipped ${plural(plan.skipped.length, 'question')} the banks or this import already hold:`);
    out.push(...firstOf(plan.skipped, (s) => `  ${quoted(s.question)} ${style.dim(`(${at(s.origin)}) is in ${safe(relativeOrAbsolute(s.sameAs))}`)}`));
  }
  if (plan.nearDuplicates.length > 0) {
    const merged = plan.nearDuplicates[0]!.merged;
    out.push(
      merged
        ? `Merged ${plural(plan.nearDuplicates.length, 'group')} of near-duplicates, each into its first question:`
        : `${plural(plan.nearDuplicates.length, 'group')} of near-duplicates (ask the same thing in other words; --merge-duplicates merges each into its first):`,
    );
    out.push(
      ...firstOf(plan.nearDuplicates, (g) =>
        g.questions.map((q, i) => `  ${i === 0 ? '•' : '≈'} ${quoted(q.question)} ${style.dim(`(${at(q)})`)}`).join('\n'),
      ),
    );
  }
  if (plan.problems.length > 0) {
    out.push(style.warning(`${plural(plan.problems.length, 'problem')}:`));
    out.push(...firstOf(plan.problems, (p) => `  ${safe(p.file)}${p.line !== undefined ? `:${p.line}` : ''}: ${safe(p.message)}`));
  }
  if (count > 0 && !report.writeError) {
    const bankArgument = safe(relativeOrAbsolute(report.bank));
    if (plan.questions.some((q) => q.draft.rubricProposed)) {
      out.push(style.hint(`Key terms are proposed from each answer ('rubric: proposed'); review them, then delete that line. 'nnquiz validate --bank ${bankArgument}' lists the questions left to review.`));
    }
    out.push(style.hint(report.dryRun ? 'Nothing was written (--dry-run).' : `Try it: nnquiz quiz --bank ${bankArgument}`));
  }
  process.stdout.write(`${fitToTerminal(out.join('\n'))}\n`);
}

function relativeOrAbsolute(path: string): string {
  const near = relative(process.cwd(), path);
  return near !== '' && !near.startsWith('..') ? near : path;
}
