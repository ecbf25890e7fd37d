import type { ImportedItem, ParsedFile } from './item.js';

/**
 * Reads a Markdown or plain-text document of questions and answers, the shape study guides and
 * chat transcripts take: numbered questions (`1. **What is …?**`), question headings
 * (`### 11. What is …?`), `Q:`/`A:` pairs, or bare question lines, each followed by its answer in
 * lines, bullets or sub-bullets. Prose around the lists is ignored; headings that are not
 * questions name the topic of the questions under them. A list of questions whose answers come
 * later, under their own copies of the questions, is read as one item per question.
 */
export function parseMarkdownQuestions(text: string): ParsedFile {
  const reader = new DocumentReader();
  text.split(/\r?\n/).forEach((line, index) => reader.read(line.replace(/\t/g, '    ').replace(/\s+$/, ''), index + 1));
  reader.close();
  return { items: joinLaterAnswers(reader.items.map(toItem)), problems: [] };
}

type ItemKind = 'heading' | 'list' | 'qa' | 'bold' | 'plain';

interface OpenItem {
  kind: ItemKind;
  question: string;
  line: number;
  topic: string | undefined;
  /** Indentation of the list marker, for numbered questions: answer lines sit deeper. */
  indent: number;
  answer: string[];
  /** Whether a blank line came after the last line read into this item. */
  afterBlank: boolean;
}

/** Words a question may open with; imperatives only count with a few words after them. */
const ASKING_WORDS = new Set(['what', 'why', 'how', 'when', 'which', 'who', 'whom', 'whose', 'where', 'can', 'could', 'would', 'should', 'is', 'are', 'do', 'does', 'did', 'will', 'was', 'were', 'has', 'have']);
const IMPERATIVES = new Set(['explain', 'describe', 'compare', 'contrast', 'define', 'discuss', 'outline', 'differentiate', 'distinguish', 'derive', 'implement', 'write', 'design', 'summarize', 'summarise', 'walk', 'tell', 'name', 'list', 'give', 'state', 'show', 'prove', 'sketch', 'estimate', 'calculate', 'compute']);
/** Headings that organise a document rather than name a subject. */
const ORGANISING_HEADING = /\b(questions?|answers?|interview|faq|q\s*&\s*a|contents|introduction|intro|summary|conclusions?|references|notes|overview|more)\b/i;

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}$/;
const FENCE = /^\s*(```|~~~)/;
const NUMBERED = /^( {0,3})\d{1,4}[.)]\s+(.*)$/;
const QUESTION_LABEL = /^ {0,3}(?:\*\*|__)?(?:Q|Question)\s*\d*\s*[:.)](?:\*\*|__)?\s*(.*)$/i;
const ANSWER_LABEL = /^\s*(?:\*\*|__)?(?:A|Ans|Answer)\s*[:.)](?:\*\*|__)?\s*(.*)$/i;
const BOLD_LINE = /^ {0,3}(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?$/;

class DocumentReader {
  readonly items: OpenItem[] = [];
  private current: OpenItem | undefined;
  private topic: string | undefined;
  private fence: string | undefined;
  private previousBlank = true;

  read(line: string, lineNumber: number): void {
    const blank = line.trim() === '';
    const wasBlank = this.previousBlank;
    this.previousBlank = blank;
    if (this.fence !== undefined) {
      if (line.trim().startsWith(this.fence)) this.fence = undefined;
      this.append(line);
      return;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      this.fence = fence[1];
      this.append(line);
      return;
    }
    if (blank) {
      if (this.current) this.current.afterBlank = true;
      return;
    }
    if (RULE.test(line)) return this.close();

    const heading = HEADING.exec(line);
    if (heading) {
      const text = questionText(heading[2]!);
      if (isQuestion(text, 'heading')) return this.open('heading', text, lineNumber, 0);
      this.close();
      if (!ORGANISING_HEADING.test(text) && text !== '') this.topic = text;
      return;
    }
    const label = QUESTION_LABEL.exec(line);
    if (label && label[1]!.trim() !== '') return this.open('qa', questionText(label[1]!), lineNumber, 0);
    const numbered = NUMBERED.exec(line);
    if (numbered && (!this.current || this.current.kind !== 'list' || numbered[1]!.length <= this.current.indent)) {
      const { question, rest } = splitLeadingQuestion(numbered[2]!);
      if (question !== undefined && isQuestion(question, rest === undefined && isBold(numbered[2]!) ? 'bold' : 'plain')) {
        this.open('list', question, lineNumber, numbered[1]!.length);
        if (rest) this.append(rest);
        return;
      }
    }
    const bold = BOLD_LINE.exec(line);
    if (bold && !this.insideAnswer(line) && isQuestion(questionText(bold[1]!), 'bold')) return this.open('bold', questionText(bold[1]!), lineNumber, 0);
    if (wasBlank && !/^\s/.test(line) && (!this.current || this.current.kind === 'plain') && startsAsking(line) && line.trim().endsWith('?')) {
      return this.open('plain', questionText(line), lineNumber, 0);
    }

    if (!this.current) return; // prose before the first question
    const answerLabel = ANSWER_LABEL.exec(line);
    if (answerLabel) {
      if (answerLabel[1]!.trim() !== '') this.append(answerLabel[1]!);
      return;
    }
    // A paragraph flush with the margin after a blank line ends a numbered question that already has its answer: it is prose.
    if (this.current.kind === 'list' && this.current.afterBlank && !/^\s/.test(line) && hasText(this.current.answer)) return this.close();
    this.append(line);
  }

  close(): void {
    this.current = undefined;
  }

  private open(kind: ItemKind, question: string, line: number, indent: number): void {
    this.current = { kind, question, line, topic: this.topic, indent, answer: [], afterBlank: false };
    this.items.push(this.current);
  }

  private append(line: string): void {
    if (!this.current) return;
    if (this.current.afterBlank && hasText(this.current.answer)) this.current.answer.push('');
    this.current.answer.push(line);
    this.current.afterBlank = false;
  }

  /** Whether a line is indented under the current question, so a bold line there is part of its answer. */
  private insideAnswer(line: string): boolean {
    return this.current !== undefined && /^\s/.test(line);
  }
}

const hasText = (lines: readonly string[]) => lines.some((l) => l.trim() !== '');
const isBold = (text: string) => /^(\*\*|__).+(\*\*|__)\s*:?$/.test(text.trim());

/** A question as a line of text: its numbering, emphasis and label gone, spaces collapsed. */
function questionText(text: string): string {
  return text
    .replace(/^\s*(?:Q(?:uestion)?\s*)?\d{1,4}\s*[.):]\s*/i, '')
    .replace(/(\*\*|__)/g, '')
    .replace(/^\*(.+)\*$/, '$1')
    .replace(/\s+/g, ' ')
    .replace(/\s*:$/, '')
    .trim();
}

/**
 * A numbered line as a question and what follows it on the line: `**What is X?** It is …` gives
 * both; a line all in bold, or all plain, is the question alone.
 */
function splitLeadingQuestion(text: string): { question?: string; rest?: string } {
  const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*(.*)$/.exec(text);
  if (bold) return { question: questionText(bold[1]!), ...(bold[2]!.trim() !== '' ? { rest: bold[2]!.replace(/^[-–—:]\s*/, '') } : {}) };
  return { question: questionText(text) };
}

/** Whether a line opens with a word questions open with: a bare line must, to be read as a question. */
function startsAsking(line: string): boolean {
  const first = /[a-z']+/.exec(line.trim().toLowerCase())?.[0] ?? '';
  return line.trim().toLowerCase().startsWith(first) && (ASKING_WORDS.has(first) || IMPERATIVES.has(first));
}

/**
 * Whether a line reads as a question: it ends with a question mark, or (when set apart as a
 * heading or in bold) it is an instruction such as `Explain the architecture of …`.
 */
function isQuestion(text: string, setApart: 'heading' | 'bold' | 'plain'): boolean {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length < 2) return false;
  if (text.endsWith('?')) return true;
  return setApart !== 'plain' && IMPERATIVES.has(words[0]!) && words.length >= 3;
}

function toItem(open: OpenItem): ImportedItem {
  return {
    question: open.question,
    answer: tidyAnswer(open.answer),
    ...(open.topic !== undefined ? { topic: open.topic } : {}),
    tags: [],
    line: open.line,
  };
}

/**
 * An answer as Markdown of its own: indentation shared by its lines removed, and an answer that is
 * one bullet (`- It is …` with sub-bullets) made a paragraph followed by its list.
 */
export function tidyAnswer(lines: readonly string[]): string {
  const kept = [...lines];
  while (kept.length > 0 && kept[0]!.trim() === '') kept.shift();
  while (kept.length > 0 && kept.at(-1)!.trim() === '') kept.pop();
  if (kept.length === 0) return '';
  const dedented = dedent(kept);
  const bullet = /^[-*+]\s+/;
  const topLevelBullets = dedented.filter((l) => bullet.test(l)).length;
  if (bullet.test(dedented[0]!) && topLevelBullets === 1) {
    const rest = dedented.slice(1);
    const firstNested = rest.findIndex((l) => /^\s+[-*+]\s+|^\s+\d+[.)]\s+/.test(l));
    const paragraph = [dedented[0]!.replace(bullet, ''), ...(firstNested === -1 ? rest : rest.slice(0, firstNested)).map((l) => l.trim())];
    const list = firstNested === -1 ? [] : dedent(rest.slice(firstNested));
    return [paragraph.filter((l) => l !== '').join('\n'), ...(list.length > 0 ? ['', ...list] : [])].join('\n').trim();
  }
  return dedented.join('\n');
}

function dedent(lines: readonly string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const shared = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(shared, /^ */.exec(l)![0].length)));
}

/**
 * A document that lists its questions first and answers them later, repeating each question,
 * holds one question per pair: the later copy's answer goes to the first copy when that has none.
 */
function joinLaterAnswers(items: ImportedItem[]): ImportedItem[] {
  const unanswered = new Map<string, ImportedItem>();
  const kept: ImportedItem[] = [];
  for (const item of items) {
    const key = sameQuestionKey(item.question);
    const earlier = unanswered.get(key);
    if (earlier && item.answer !== '') {
      earlier.answer = item.answer;
      unanswered.delete(key);
      continue;
    }
    if (item.answer === '' && !unanswered.has(key)) unanswered.set(key, item);
    kept.push(item);
  }
  return kept;
}

const sameQuestionKey = (question: string) => question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
