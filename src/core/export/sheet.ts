import { lexer, Marked, type Token, type Tokens } from 'marked';
import type { Difficulty, Question } from '../bank/question.js';
import { boundMarkdownNesting } from '../markdown-nesting.js';
import { fencedLines } from '../markdown-fences.js';
import { SHEET_STYLE } from './html-style.js';
import { joinSoftBreaks, unwrapParagraphs } from './soft-breaks.js';
import { topicTitle } from './topic-title.js';
import { compareText } from '../locale-free.js';

/** The user's last answer to a question and the key terms it missed. */
export interface WeakDetail {
  answer: string;
  missed: string[];
  verdict: string;
  at: string;
}

/** What a study sheet shows of each question. */
export interface SheetOptions {
  title: string;
  answers: boolean;
  terms: boolean;
  /** For a revision sheet: the user's last answer and the key terms it missed, by question id. */
  weak?: Map<string, WeakDetail>;
}

export type SheetFormat = 'md' | 'html' | 'anki' | 'json';

/** Questions grouped by topic, topics in alphabetical order, questions in their given order. */
function byTopic(questions: readonly Question[]): Array<[string, Question[]]> {
  const groups = new Map<string, Question[]>();
  for (const q of questions) groups.set(q.topic, [...(groups.get(q.topic) ?? []), q]);
  return [...groups].sort((a, b) => compareText(a[0], b[0]));
}

/** The sheet's title; a sheet without answers says it is for practice, so a printout is not taken for notes. */
function sheetTitle(options: SheetOptions): string {
  return options.answers || /practi[cs]e/i.test(options.title) ? options.title : `${options.title} — practice sheet`;
}

/** A GitHub-style heading anchor, unique within the sheet. */
function anchors(): (text: string) => string {
  const used = new Map<string, number>();
  return (text) => {
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').trim().replace(/\s+/g, '-') || 'section';
    const count = used.get(base) ?? 0;
    used.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

const termList = (q: Question) => q.keyTerms.map((k) => (k.aliases.length > 0 ? `${k.term} (${k.aliases.join(', ')})` : k.term));

/** Escapes text for use as plain CommonMark inline content. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|!]/g, (c) => `\\${c}`).replace(/\n+/g, ' ');
}

/** Moves an answer's own headings below the sheet's question headings (`#` → `####`), outside fenced code. */
function demoteHeadings(markdown: string): string {
  const lines = markdown.split('\n');
  const code = fencedLines(lines);
  return lines
    .map((line, i) => {
      // Up to three spaces: a tab indents four columns, which makes code (CommonMark), never a heading.
      const heading = code[i] ? null : /^( {0,3})(#{1,6})([ \t]|$)/.exec(line);
      return heading ? `${heading[1]}${'#'.repeat(Math.min(6, heading[2]!.length + 3))}${line.slice(heading[0].length - heading[3]!.length)}` : line;
    })
    .join('\n');
}

/** Whether an error is the parser running out of stack (or string space) on pathological input. */
const isExhaustion = (error: unknown) => error instanceof RangeError;

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/** A fenced code block that shows text literally, whatever backticks it holds. */
function literalBlock(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/**
 * Makes an answer's Markdown inert for any viewer: raw HTML is shown as text, links other than
 * http, https and mailto keep only their text, and images become their alt text (nothing is
 * fetched), as in the HTML sheet; unsafe link definitions are removed. What marked still reads as HTML or an unsafe link after that,
 * or cannot parse at all, is shown as a literal block.
 */
export function sanitiseMarkdown(markdown: string): string {
  let text = boundMarkdownNesting(markdown);
  for (let pass = 0; pass < 4; pass++) {
    let tokens: Token[];
    try {
      tokens = lexer(text);
    } catch (error) {
      if (isExhaustion(error)) return literalBlock(markdown);
      throw error;
    }
    const edits = new Map<string, string>();
    walkTokens(tokens, (token) => {
      if (token.type === 'html') edits.set(token.raw, token.raw.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      else if (token.type === 'link' && !SAFE_LINK.test(token.href.trim())) edits.set(token.raw, token.text.replace(/[<>]/g, (c: string) => (c === '<' ? '&lt;' : '&gt;')));
      else if (token.type === 'image') edits.set(token.raw, `\\[${escapeMarkdown(token.text || 'image')}\\]`);
      // A definition no viewer may resolve to an unsafe link, whatever its rules for matching labels.
      else if (token.type === 'def' && !SAFE_LINK.test(token.href.trim())) edits.set(token.raw, '');
    });
    if (edits.size === 0) return text;
    for (const [raw, safe] of edits) text = text.split(raw).join(safe);
  }
  return literalBlock(markdown);
}

/** Calls `visit` on every token of a marked token tree, lists and tables included. */
function walkTokens(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if (token.type === 'list') for (const item of (token as Tokens.List).items) walkTokens(item.tokens, visit);
    else if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) walkTokens(cell.tokens, visit);
    } else if ('tokens' in token && token.tokens) walkTokens(token.tokens, visit);
  }
}

/** A Markdown study sheet: title, contents by topic, then each question with its answer. */
export function renderMarkdownSheet(questions: readonly Question[], options: SheetOptions): string {
  const anchor = anchors();
  const groups = byTopic(questions);
  const out: string[] = [`# ${escapeMarkdown(sheetTitle(options))}`, '', `${questions.length} question${questions.length === 1 ? '' : 's'}.`, '', '## Contents', ''];
  const sections = groups.map(([topic, list]) => {
    // The anchor comes from the heading as shown, as Markdown viewers make it.
    const title = topicTitle(topic);
    return { title, slug: anchor(title), items: list.map((q) => ({ q, slug: anchor(q.question) })) };
  });
  for (const section of sections) {
    out.push(`- [${escapeMarkdown(section.title)}](#${section.slug})`);
    for (const { q, slug } of section.items) out.push(`  - [${escapeMarkdown(q.question)}](#${slug})`);
  }
  for (const section of sections) {
    out.push('', `## ${escapeMarkdown(section.title)}`);
    for (const { q } of section.items) {
      out.push('', `### ${escapeMarkdown(q.question)}`, '');
      out.push(`*${q.difficulty}*${q.tags.length > 0 ? ` · tags: ${q.tags.map(escapeMarkdown).join(', ')}` : ''} · id: \`${q.id.replace(/`/g, '')}\``);
      const weak = options.weak?.get(q.id);
      if (weak) {
        out.push('', `> **Your last answer** (${weak.verdict}, ${weak.at.slice(0, 10)}): ${weak.answer ? escapeMarkdown(weak.answer) : '*(skipped)*'}`);
        if (weak.missed.length > 0) out.push('>', `> **Missed:** ${weak.missed.map((t) => `**${escapeMarkdown(t)}**`).join(', ')}`);
      }
      if (options.answers) out.push('', unwrapParagraphs(sanitiseMarkdown(demoteHeadings(q.answer))));
      if (options.terms && q.keyTerms.length > 0) out.push('', `**Key terms${q.keyTermsDerived ? ' (derived)' : ''}:** ${termList(q).map(escapeMarkdown).join('; ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Markdown to HTML for bank text, which may come from anyone: raw HTML is shown as text, only
 * http, https and mailto links survive, and images become their alt text (nothing is fetched).
 */
function createSafeMarked(): Marked {
  return new Marked({
    gfm: true,
    // Soft breaks are spaces, as Markdown means them; `breaks: true` would make them <br>.
    breaks: false,
    renderer: {
      paragraph(token: Tokens.Paragraph) {
        const inner = this.parser.parseInline(token.tokens);
        return isSubhead(token) ? `<p class="subhead">${inner}</p>\n` : `<p>${inner}</p>\n`;
      },
      html(token: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(token.text);
      },
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        return SAFE_LINK.test(token.href.trim()) ? `<a href="${escapeHtml(token.href.trim())}" rel="noopener noreferrer">${text}</a>` : text;
      },
      image(token: Tokens.Image) {
        return `<span class="image">[${escapeHtml(token.text || 'image')}]</span>`;
      },
    },
  });
}

/** A paragraph that is only bold text (`**Why it helps**`), used as a heading of what follows. */
function isSubhead(token: Tokens.Paragraph): boolean {
  const [first, ...rest] = token.tokens;
  return first?.type === 'strong' && rest.every((t) => t.type === 'text' && /^[\s:]*$/.test(t.text));
}

/**
 * Safe HTML for each top-level block of bank Markdown (paragraph, list, code…), so a sheet can keep
 * the first one with the question. Nesting is bounded, soft breaks become spaces, and text too
 * pathological to parse is shown as it is.
 */
function safeHtmlBlocks(markdown: string, marked: Marked): string[] {
  try {
    const tokens = marked.lexer(boundMarkdownNesting(markdown));
    marked.walkTokens(tokens, joinSoftBreaks);
    return tokens.map((token) => marked.parser([token])).filter((html) => html.trim() !== '');
  } catch (error) {
    if (isExhaustion(error)) return [`<pre>${escapeHtml(markdown)}</pre>`];
    throw error;
  }
}

/** Safe HTML for bank Markdown, as in the HTML sheet. */
export function markdownToSafeHtml(markdown: string, marked = createSafeMarked()): string {
  return safeHtmlBlocks(markdown, marked).join('');
}

/** How many ruled lines a practice sheet leaves to write an answer in: harder questions need more. */
const ANSWER_LINES: Record<Difficulty, number> = { easy: 5, medium: 9, hard: 14 };

/** Room to write an answer on a practice sheet: a bordered box of ruled lines, which print. */
function answerSpace(difficulty: Difficulty): string {
  const lines = ANSWER_LINES[difficulty];
  return `<div class="answer-space" data-lines="${lines}" aria-label="space for your answer">${'<div class="rule"></div>'.repeat(lines)}</div>`;
}

/** The question's difficulty, tags and id, under its heading. */
function htmlMeta(q: Question): string {
  const tags = q.tags.length > 0 ? ` · ${q.tags.map(escapeHtml).join(', ')}` : '';
  return `<p class="meta"><span class="difficulty">${escapeHtml(q.difficulty)}</span>${tags} · <code>${escapeHtml(q.id)}</code></p>`;
}

/** On a revision sheet: the user's last answer and the key terms it missed. */
function htmlWeak(weak: WeakDetail): string {
  const missed = weak.missed.length > 0 ? `<br><strong>Missed:</strong> ${weak.missed.map((t) => `<mark>${escapeHtml(t)}</mark>`).join(' ')}` : '';
  return `<div class="weak"><strong>Your last answer</strong> (${escapeHtml(weak.verdict)}, ${escapeHtml(weak.at.slice(0, 10))}): ${weak.answer ? escapeHtml(weak.answer) : '<em>(skipped)</em>'}${missed}</div>`;
}

/**
 * One question. Its heading, details and the first block of its answer (or its room to write) are
 * wrapped together, so print never leaves a heading at the foot of a page with its answer overleaf.
 */
function htmlArticle(q: Question, slug: string, options: SheetOptions, marked: Marked): string {
  const start = [`<h3>${escapeHtml(q.question)}</h3>`, htmlMeta(q)];
  const weak = options.weak?.get(q.id);
  if (weak) start.push(htmlWeak(weak));
  const [first = '', ...rest] = options.answers ? safeHtmlBlocks(q.answer, marked) : [];
  start.push(options.answers ? `<div class="answer">${first}</div>` : answerSpace(q.difficulty));
  const parts = [`<article id="${slug}">`, `<div class="question-start">\n${start.join('\n')}\n</div>`];
  if (rest.length > 0) parts.push(`<div class="answer">${rest.join('')}</div>`);
  if (options.terms && q.keyTerms.length > 0) {
    parts.push(`<p class="terms"><strong>Key terms${q.keyTermsDerived ? ' (derived)' : ''}:</strong> ${termList(q).map((t) => `<code>${escapeHtml(t)}</code>`).join(' ')}</p>`);
  }
  parts.push('</article>');
  return parts.join('\n');
}

interface HtmlSection {
  topic: string;
  slug: string;
  items: Array<{ q: Question; slug: string }>;
}

function htmlContents(sections: readonly HtmlSection[]): string {
  const topics = sections.map((s) => `<li><a href="#${s.slug}">${escapeHtml(topicTitle(s.topic))}</a><ol>${s.items.map(({ q, slug }) => `<li><a href="#${slug}">${escapeHtml(q.question)}</a></li>`).join('')}</ol></li>`);
  return `<nav aria-label="Contents"><h2>Contents</h2><ol>\n${topics.join('\n')}\n</ol></nav>`;
}

function htmlSection(section: HtmlSection, options: SheetOptions, marked: Marked): string {
  const articles = section.items.map(({ q, slug }) => htmlArticle(q, slug, options, marked));
  return `<section class="topic" id="${section.slug}">\n<h2>${escapeHtml(topicTitle(section.topic))}</h2>\n${articles.join('\n')}\n</section>`;
}

/**
 * A self-contained HTML study sheet: inline CSS, no script, nothing fetched; a linked table of
 * contents, a section per topic, answers rendered from Markdown. In print, answers flow in two
 * columns and a practice sheet leaves a ruled box to write in. Every piece of bank text is escaped
 * or sanitised.
 */
export function renderHtmlSheet(questions: readonly Question[], options: SheetOptions): string {
  const anchor = anchors();
  const marked = createSafeMarked();
  const sections = byTopic(questions).map(([topic, list]) => ({ topic, slug: anchor(`topic-${topic}`), items: list.map((q) => ({ q, slug: anchor(`q-${q.id}`) })) }));
  const title = escapeHtml(sheetTitle(options));
  const lede = `${questions.length} question${questions.length === 1 ? '' : 's'} in ${sections.length} topic${sections.length === 1 ? '' : 's'}.${options.answers ? '' : ' Write each answer in its box, then check it against the full sheet.'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>${SHEET_STYLE}</style>
</head>
<body>
<main class="${options.answers ? 'with-answers' : 'practice'}">
<h1>${title}</h1>
<p class="lede">${lede}</p>
${htmlContents(sections)}
${sections.map((s) => htmlSection(s, options, marked)).join('\n')}
</main>
</body>
</html>
`;
}

export const ANKI_HEADER = ['#separator:tab', '#html:true', '#notetype:Basic', '#guid column:1', '#tags column:4'] as const;
/** Starts the GUID of every note nnquiz writes, so that an import knows the rest is an nnquiz id (and a GUID never starts with `#`). */
export const ANKI_GUID_PREFIX = 'nnquiz:';

/** An Anki tag: no spaces (Anki splits tags on them), no quotes or tabs. */
const ankiTag = (text: string) => text.trim().replace(/[\s"]+/g, '_').replace(/^_+|_+$/g, '');

/** Newlines as Anki must show them: line breaks inside <pre>, where they are the code's lines; spaces elsewhere, as HTML means them. */
const ankiNewlines = (html: string) =>
  html
    .split(/(<pre\b[\s\S]*?<\/pre>)/)
    .map((part, i) => (i % 2 === 1 ? part.replace(/\r?\n/g, '<br>') : part.replace(/\s*\r?\n\s*/g, ' ')))
    .join('');

/**
 * One Anki field on one line: HTML needs no newlines between tags, those inside <pre> become <br>
 * and the rest spaces (Anki would show each as a line break). A leading `#` is written as an entity:
 * Anki reads a line that starts with `#` as a comment, or at the top as a `#key:value` header that
 * could change the deck, note type or separator.
 */
const ankiField = (html: string) =>
  ankiNewlines(html.trim().replace(/>\s*\n\s*</g, '><').replace(/\t/g, '    ')).replace(/^#/, '&#35;');

/**
 * Anki's text import format: header lines, then one Basic note per line — a GUID made of the id
 * (so importing the file again updates the notes rather than doubling them, and `nnquiz import`
 * gets the id back), front (question), back (answer as HTML), tags (topic first, then the tags and
 * `difficulty::<level>`).
 */
export function renderAnkiSheet(questions: readonly Question[], options: SheetOptions): string {
  const marked = createSafeMarked();
  const lines: string[] = [...ANKI_HEADER];
  for (const q of questions) {
    const front = escapeHtml(q.question);
    const backParts = [options.answers ? markdownToSafeHtml(q.answer, marked) : ''];
    const weak = options.weak?.get(q.id);
    if (weak && weak.missed.length > 0) backParts.unshift(`<p><b>You missed:</b> ${weak.missed.map(escapeHtml).join(', ')}</p>`);
    if (options.terms && q.keyTerms.length > 0) backParts.push(`<p><i>Key terms:</i> ${termList(q).map(escapeHtml).join('; ')}</p>`);
    const tags = [...new Set([q.topic, ...q.tags].map(ankiTag).filter(Boolean)), `difficulty::${q.difficulty}`].join(' ');
    lines.push([`${ANKI_GUID_PREFIX}${q.id}`, ankiField(front), ankiField(backParts.join('')), tags].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
