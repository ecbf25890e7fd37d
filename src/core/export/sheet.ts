import { lexer, Marked, type Token, type Tokens } from 'marked';
import type { Question } from '../bank/question.js';
import { boundMarkdownNesting } from '../markdown-nesting.js';

/** What a study sheet shows of each question. */
export interface SheetOptions {
  title: string;
  answers: boolean;
  terms: boolean;
  /** For a revision sheet: the user's last answer and the key terms it missed, by question id. */
  weak?: Map<string, { answer: string; missed: string[]; verdict: string; at: string }>;
}

export type SheetFormat = 'md' | 'html' | 'anki' | 'json';

/** Questions grouped by topic, topics in alphabetical order, questions in their given order. */
function byTopic(questions: readonly Question[]): Array<[string, Question[]]> {
  const groups = new Map<string, Question[]>();
  for (const q of questions) groups.set(q.topic, [...(groups.get(q.topic) ?? []), q]);
  return [...groups].sort((a, b) => a[0].localeCompare(b[0]));
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

/** Moves an answer's own headings below the sheet's question headings (`#` → `####`), outside code fences. */
function demoteHeadings(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker[0]!.repeat(3) : undefined;
      if (fence !== undefined && !marker) return line;
      const heading = /^(\s{0,3})(#{1,6})(\s|$)/.exec(line);
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
  const out: string[] = [`# ${escapeMarkdown(options.title)}`, '', `${questions.length} question${questions.length === 1 ? '' : 's'}.`, '', '## Contents', ''];
  const sections = groups.map(([topic, list]) => ({ topic, slug: anchor(topic), items: list.map((q) => ({ q, slug: anchor(q.question) })) }));
  for (const section of sections) {
    out.push(`- [${escapeMarkdown(section.topic)}](#${section.slug})`);
    for (const { q, slug } of section.items) out.push(`  - [${escapeMarkdown(q.question)}](#${slug})`);
  }
  for (const section of sections) {
    out.push('', `## ${escapeMarkdown(section.topic)}`);
    for (const { q } of section.items) {
      out.push('', `### ${escapeMarkdown(q.question)}`, '');
      out.push(`*${q.difficulty}*${q.tags.length > 0 ? ` · tags: ${q.tags.map(escapeMarkdown).join(', ')}` : ''} · id: \`${q.id.replace(/`/g, '')}\``);
      const weak = options.weak?.get(q.id);
      if (weak) {
        out.push('', `> **Your last answer** (${weak.verdict}, ${weak.at.slice(0, 10)}): ${weak.answer ? escapeMarkdown(weak.answer) : '*(skipped)*'}`);
        if (weak.missed.length > 0) out.push('>', `> **Missed:** ${weak.missed.map((t) => `**${escapeMarkdown(t)}**`).join(', ')}`);
      }
      if (options.answers) out.push('', sanitiseMarkdown(demoteHeadings(q.answer)));
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
    renderer: {
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

/** Safe HTML for bank Markdown; nesting is bounded, and text too pathological to parse is shown as it is. */
export function markdownToSafeHtml(markdown: string, marked = createSafeMarked()): string {
  try {
    return String(marked.parse(boundMarkdownNesting(markdown), { async: false }));
  } catch (error) {
    if (isExhaustion(error)) return `<pre>${escapeHtml(markdown)}</pre>`;
    throw error;
  }
}

const STYLE = `
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #dadce0; --accent: #1a56db; --paper: #fff; --code: #f3f4f6; --bad: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
.lede { color: var(--muted); margin: 0 0 1.5rem; }
nav { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1.25rem; margin-bottom: 2rem; }
nav h2 { font-size: 1rem; margin: .25rem 0 .5rem; }
nav ol { margin: 0; padding-left: 1.25rem; }
nav a { color: var(--accent); text-decoration: none; }
nav a:hover { text-decoration: underline; }
section.topic > h2 { font-size: 1.4rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.5rem; text-transform: capitalize; }
article { border-bottom: 1px solid var(--line); padding: 1rem 0 1.25rem; }
article h3 { font-size: 1.1rem; margin: 0 0 .35rem; }
.meta { color: var(--muted); font-size: .85rem; margin: 0 0 .75rem; }
.meta .difficulty { font-weight: 600; }
.answer p, .answer ul, .answer ol { margin: .5rem 0; }
.answer code, .terms code { background: var(--code); border-radius: .25rem; padding: .05rem .3rem; font-size: .9em; }
.answer pre { background: var(--code); padding: .75rem; border-radius: .4rem; overflow-x: auto; white-space: pre-wrap; }
.answer pre code { background: none; padding: 0; }
.terms { font-size: .9rem; color: var(--muted); }
.weak { border-left: 4px solid var(--bad); background: #fdf3f2; padding: .5rem .75rem; margin: .5rem 0 .75rem; font-size: .95rem; }
.weak mark { background: #f9d8d6; color: var(--bad); font-weight: 600; padding: 0 .2rem; border-radius: .2rem; }
.practice-lines { height: 5rem; border: 1px dashed var(--line); border-radius: .4rem; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav { break-after: page; border: none; padding: 0; }
  nav a { color: var(--ink); }
  section.topic > h2 { break-after: avoid; }
  article { break-inside: avoid; page-break-inside: avoid; }
  article h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  @page { margin: 18mm 16mm; }
}
`;

/**
 * A self-contained HTML study sheet: inline CSS, no script, nothing fetched; a linked table of
 * contents, a section per topic, answers rendered from Markdown; prints without splitting a
 * question from its answer. Every piece of bank text is escaped or sanitised.
 */
export function renderHtmlSheet(questions: readonly Question[], options: SheetOptions): string {
  const anchor = anchors();
  const marked = createSafeMarked();
  const sections = byTopic(questions).map(([topic, list]) => ({ topic, slug: anchor(`topic-${topic}`), items: list.map((q) => ({ q, slug: anchor(`q-${q.id}`) })) }));
  const toc = sections
    .map((s) => `<li><a href="#${s.slug}">${escapeHtml(s.topic)}</a><ol>${s.items.map(({ q, slug }) => `<li><a href="#${slug}">${escapeHtml(q.question)}</a></li>`).join('')}</ol></li>`)
    .join('\n');
  const body = sections
    .map((s) => {
      const articles = s.items.map(({ q, slug }) => {
        const parts = [`<article id="${slug}">`, `<h3>${escapeHtml(q.question)}</h3>`];
        parts.push(
          `<p class="meta"><span class="difficulty">${escapeHtml(q.difficulty)}</span>${q.tags.length > 0 ? ` · ${q.tags.map(escapeHtml).join(', ')}` : ''} · <code>${escapeHtml(q.id)}</code></p>`,
        );
        const weak = options.weak?.get(q.id);
        if (weak) {
          const missed = weak.missed.length > 0 ? `<br><strong>Missed:</strong> ${weak.missed.map((t) => `<mark>${escapeHtml(t)}</mark>`).join(' ')}` : '';
          parts.push(`<div class="weak"><strong>Your last answer</strong> (${escapeHtml(weak.verdict)}, ${escapeHtml(weak.at.slice(0, 10))}): ${weak.answer ? escapeHtml(weak.answer) : '<em>(skipped)</em>'}${missed}</div>`);
        }
        parts.push(options.answers ? `<div class="answer">${markdownToSafeHtml(q.answer, marked)}</div>` : '<div class="practice-lines" aria-label="space for your answer"></div>');
        if (options.terms && q.keyTerms.length > 0) {
          parts.push(`<p class="terms"><strong>Key terms${q.keyTermsDerived ? ' (derived)' : ''}:</strong> ${termList(q).map((t) => `<code>${escapeHtml(t)}</code>`).join(' ')}</p>`);
        }
        parts.push('</article>');
        return parts.join('\n');
      });
      return `<section class="topic" id="${s.slug}">\n<h2>${escapeHtml(s.topic)}</h2>\n${articles.join('\n')}\n</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(options.title)}</h1>
<p class="lede">${questions.length} question${questions.length === 1 ? '' : 's'} in ${sections.length} topic${sections.length === 1 ? '' : 's'}.</p>
<nav aria-label="Contents"><h2>Contents</h2><ol>
${toc}
</ol></nav>
${body}
</main>
</body>
</html>
`;
}

/** An Anki tag: no spaces (Anki splits tags on them), no quotes or tabs. */
const ankiTag = (text: string) => text.trim().replace(/[\s"]+/g, '_').replace(/^_+|_+$/g, '');

/**
 * One Anki field on one line: HTML needs no newlines between tags, and those inside <pre> become
 * <br>. A leading `#` is written as an entity: Anki reads a line that starts with `#` as a comment,
 * or at the top as a `#key:value` header that could change the deck, note type or separator.
 */
const ankiField = (html: string) =>
  html
    .trim()
    .replace(/>\s*\n\s*</g, '><')
    .replace(/\t/g, '    ')
    .replace(/\r?\n/g, '<br>')
    .replace(/^#/, '&#35;');

/**
 * Anki's text import format: header lines, then one Basic note per line — front (question), back
 * (answer as HTML), tags (topic and tags).
 */
export function renderAnkiSheet(questions: readonly Question[], options: SheetOptions): string {
  const marked = createSafeMarked();
  const lines = ['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3'];
  for (const q of questions) {
    const front = escapeHtml(q.question);
    const backParts = [options.answers ? markdownToSafeHtml(q.answer, marked) : ''];
    const weak = options.weak?.get(q.id);
    if (weak && weak.missed.length > 0) backParts.unshift(`<p><b>You missed:</b> ${weak.missed.map(escapeHtml).join(', ')}</p>`);
    if (options.terms && q.keyTerms.length > 0) backParts.push(`<p><i>Key terms:</i> ${termList(q).map(escapeHtml).join('; ')}</p>`);
    const tags = [...new Set([q.topic, ...q.tags].map(ankiTag).filter(Boolean))].join(' ');
    lines.push([ankiField(front), ankiField(backParts.join('')), tags].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
