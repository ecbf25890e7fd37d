/**
 * HTML from flashcard apps (Anki fields) as nnquiz text: Markdown for answers, one line of plain
 * text for questions. Turndown parses the HTML without running or fetching anything; what a card
 * could use to run or show something from elsewhere (scripts, frames, embeds, images) is dropped.
 */
import TurndownService from 'turndown';

/** Elements dropped with their content: none of it is text of a card. */
const DROPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT', 'EMBED']);

/** Anki's reference to a sound file (`[sound:x.mp3]`), which nnquiz cannot play. */
const SOUND_TAG = /\[sound:[^\]]*\]/g;

/** Elements that stand on lines of their own, so their text is never glued to the text around them. */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** The little of the DOM the rules read: the project compiles without the DOM library. */
interface DomNode {
  readonly nodeName: string;
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly children?: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const TEXT_NODE = 3;
const asDom = (node: unknown) => node as DomNode;
const attribute = (node: DomNode, name: string) => node.getAttribute?.(name) ?? '';

/** A node's text with `<br>` as a newline: Anki (and nnquiz's own export) writes a code block's lines that way. */
function textWithBreaks(node: DomNode): string {
  if (node.nodeType === TEXT_NODE) return node.nodeValue ?? '';
  if (node.nodeName === 'BR') return '\n';
  let text = '';
  for (let i = 0; i < node.childNodes.length; i++) text += textWithBreaks(node.childNodes[i]!);
  return text;
}

/** The code block's language from a `language-x` (or `lang-x`) class, when it is a plain name. */
function codeLanguage(pre: DomNode): string {
  const code = pre.childNodes[0]?.nodeName === 'CODE' ? pre.childNodes[0] : undefined;
  const classes = `${code ? attribute(code, 'class') : ''} ${attribute(pre, 'class')}`.split(/\s+/);
  for (const name of classes) {
    const language = /^lang(?:uage)?-([\w+#.-]+)$/.exec(name)?.[1];
    if (language) return language;
  }
  return '';
}

/** A fence longer than any run of backticks that starts a line of the code, so the code cannot close it. */
function fenceFor(code: string): string {
  let longest = 0;
  for (const line of code.split('\n')) longest = Math.max(longest, /^`*/.exec(line)![0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** `<pre>`, with or without `<code>`, as a fenced block (turndown's own rule misses `<br>` lines and a bare `<pre>`). */
function fencedCodeBlock(_content: string, node: unknown): string {
  const pre = asDom(node);
  const code = textWithBreaks(pre).replace(/\n$/, '');
  const fence = fenceFor(code);
  return `\n\n${fence}${codeLanguage(pre)}\n${code}\n${fence}\n\n`;
}

/** A list item with one space after its marker (`- one`, `2. two`), where turndown puts three. */
function listItem(content: string, node: unknown): string {
  const item = asDom(node);
  const list = item.parentNode;
  let marker = '- ';
  if (list?.nodeName === 'OL') {
    const start = Number.parseInt(attribute(list, 'start'), 10);
    const index = Array.prototype.indexOf.call(list.children ?? [], item);
    marker = `${(Number.isFinite(start) ? start : 1) + index}. `;
  }
  const endsInParagraph = content.endsWith('\n');
  const body = content.replace(/^\n+|\n+$/g, '') + (endsInParagraph ? '\n' : '');
  return marker + body.replace(/\n/g, `\n${' '.repeat(marker.length)}`) + (item.nextSibling ? '\n' : '');
}

/** An image as its alt text: nnquiz never fetches what a card points to. */
const imageAlt = (node: unknown) => attribute(asDom(node), 'alt').trim();

const isDropped = (node: unknown) => DROPPED_ELEMENTS.has(asDom(node).nodeName);

/** Links to the web or mail stay links; any other (`javascript:`, a relative media file) is only its text. */
const isWebLink = (node: unknown) => asDom(node).nodeName === 'A' && /^(?:https?:|mailto:)/i.test(attribute(asDom(node), 'href').trim());

/** Text that turndown's escaping could change: most text has none of it, and escaping is 13 replacements a text. */
const MAY_NEED_ESCAPE = /[\\*`[\]_]|^[-+=#~>]|^\d+\. /;

let markdownService: TurndownService | undefined;
let plainTextService: TurndownService | undefined;

function createMarkdownService(): TurndownService {
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', fence: '```' });
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text) => (MAY_NEED_ESCAPE.test(text) ? escapeMarkdown(text) : text);
  // Added rules win over turndown's own, so these replace its list items and code blocks.
  service.addRule('dropped', { filter: isDropped, replacement: () => '' });
  service.addRule('linkText', { filter: (node) => node.nodeName === 'A' && !isWebLink(node), replacement: (content) => content });
  service.addRule('image', { filter: 'img', replacement: (_content, node) => service.escape(imageAlt(node)) });
  service.addRule('codeBlock', { filter: 'pre', replacement: fencedCodeBlock });
  service.addRule('listItem', { filter: 'li', replacement: listItem });
  return service;
}

/** Text only: no Markdown marks and no escapes, blocks kept apart by spaces. */
function createPlainTextService(): TurndownService {
  const service = new TurndownService();
  service.escape = (text) => text;
  service.addRule('text', {
    filter: () => true,
    replacement: (content, node) => {
      const { nodeName } = asDom(node);
      if (DROPPED_ELEMENTS.has(nodeName)) return '';
      if (nodeName === 'IMG') return ` ${imageAlt(node)} `;
      return BLOCK_ELEMENTS.has(nodeName) ? ` ${content} ` : content;
    },
  });
  return service;
}

const withoutSoundTags = (html: string) => html.replace(SOUND_TAG, '');

/** HTML's own blanks, which a browser shows as one space (a no-break space is not one of them). */
const HTML_BLANKS = /[ \t\n\r\f]+/g;

/**
 * Text with no tag, entity or sound tag reads the same without parsing. Parsing costs about as
 * much per field as everything else an import does, and many fields (most questions) are text.
 */
const isPlainText = (html: string) => !/[<&]/.test(html) && !html.includes('[sound:');

/**
 * HTML as Markdown: ATX headings, `-` bullets, fenced code, `<br>` as a hard line break (two
 * spaces, which also do no harm at the end of a paragraph); scripts, styles and embedded content
 * dropped with their content, images as their alt text, Anki sound tags removed. Entities are decoded.
 */
export function htmlToMarkdown(html: string): string {
  markdownService ??= createMarkdownService();
  const markdown = isPlainText(html)
    ? markdownService.escape(html.replace(HTML_BLANKS, ' ').trim())
    : markdownService.turndown(withoutSoundTags(html));
  return markdown.replace(/\u00a0/g, ' ').trim();
}

/**
 * HTML as one line of plain text, for a question: tags dropped (what `htmlToMarkdown` drops goes
 * here too), entities decoded, whitespace collapsed, and nothing escaped, since nnquiz shows a
 * question as text rather than Markdown.
 */
export function htmlToPlainText(html: string): string {
  if (isPlainText(html)) return html.replace(/\s+/g, ' ').trim();
  plainTextService ??= createPlainTextService();
  return plainTextService.turndown(withoutSoundTags(html)).replace(/\s+/g, ' ').trim();
}
