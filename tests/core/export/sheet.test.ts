import { describe, expect, it } from 'vitest';
import { readBank } from '../../../src/core/bank/read.js';
import type { Question } from '../../../src/core/bank/question.js';
import { markdownToSafeHtml, renderAnkiSheet, renderHtmlSheet, renderMarkdownSheet, sanitiseMarkdown, type SheetOptions, type WeakDetail } from '../../../src/core/export/sheet.js';
import { fixture } from '../../helpers.js';

const small = readBank([fixture('small-bank')]).questions;
const [xss] = readBank([fixture('xss-bank')]).questions;
const options = { title: 'Study sheet', answers: true, terms: false };

describe('renderMarkdownSheet', () => {
  it('has a title, contents grouped by topic with links, and a heading per question', () => {
    const sheet = renderMarkdownSheet(small, { ...options, terms: true });
    expect(sheet.startsWith('# Study sheet\n\n3 questions.\n\n## Contents\n\n- [Attention](#attention)\n  - [What problem does the attention mechanism solve in sequence-to-sequence models?](#what-problem-does-the-attention-mechanism-solve-in-sequence-to-sequence-models)\n- [Regularization](#regularization)')).toBe(true);
    expect(sheet).toContain('\n## Regularization\n\n### What is dropout, and why does it reduce overfitting?\n\n*easy* · tags: regularization, overfitting · id: `dropout`\n');
    expect(sheet).toContain('**Key terms:** randomly zeroes units (drops neurons at random, randomly drops units); co-adaptation (co-adapt); inverted dropout (scaled by 1/(1-p))');
  });

  it('leaves out answers for a practice sheet, and escapes Markdown in bank text', () => {
    const practice = renderMarkdownSheet(small, { ...options, answers: false });
    expect(practice).not.toContain('co-adaptation');
    expect(renderMarkdownSheet([xss!], options)).toContain("### Is \\<script\\>alert('q')\\</script\\> escaped in the \\<b\\>question\\</b\\>?");
  });

  it('shows the last answer and the missed terms on a revision sheet', () => {
    const weak = new Map([['dropout', { answer: 'it drops *stuff*', missed: ['co-adaptation'], verdict: 'incorrect', at: '2026-11-20T10:00:00Z' }]]);
    expect(renderMarkdownSheet(small.filter((q) => q.id === 'dropout'), { ...options, weak })).toContain('> **Your last answer** (incorrect, 2026-11-20): it drops \\*stuff\\*\n>\n> **Missed:** **co-adaptation**');
  });
});

describe('renderHtmlSheet', () => {
  // Rendered inside each test: Stryker counts what runs outside tests as reached by every test.
  const render = () => renderHtmlSheet([...small, xss!], { ...options, terms: true });

  it('is one self-contained page: inline CSS, no script, a policy that forbids fetching', () => {
    const html = render();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    expect(html).toContain('@media print');
    expect(html).toContain('break-inside: avoid');
    expect(html).not.toMatch(/<(link|script|img|iframe|object|embed)\b/i);
  });

  it('links the contents to a section per topic and an article per question', () => {
    const html = render();
    expect(html).toContain('<li><a href="#topic-attention">Attention</a><ol><li><a href="#q-attention">What problem does the attention mechanism solve in sequence-to-sequence models?</a></li></ol></li>');
    expect(html).toContain('<section class="topic" id="topic-regularization">');
    expect(html).toContain('<article id="q-dropout">');
    expect(html).toContain('<strong>Dropout</strong> randomly zeroes units');
  });

  it('makes hostile bank text inert: scripts, event handlers, javascript: and data: links, images and frames', () => {
    const html = render();
    const part = html.slice(html.indexOf('<article id="q-xss">'));
    expect(part).toContain('Is &lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt; escaped');
    expect(part).toContain("&lt;script&gt;document.title = 'pwned'&lt;/script&gt;");
    expect(part).not.toMatch(/<(script|img|iframe|svg)\b/i);
    expect(part).not.toMatch(/<[^>]*\son\w+=/i);
    expect(part).not.toContain('href="javascript:');
    expect(part).not.toContain('href="data:');
    expect(part).toContain('<a href="https://example.com/page" rel="noopener noreferrer">safe link</a>');
    expect(part).toContain('<span class="image">[tracking pixel]</span>');
  });
});

describe('renderAnkiSheet', () => {
  const render = () => renderAnkiSheet([...small, xss!], options).trimEnd().split('\n');

  it("starts with Anki's header lines and has one tab-separated note per question", () => {
    const lines = render();
    expect(lines.slice(0, 5)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#guid column:1', '#tags column:4']);
    expect(lines).toHaveLength(5 + 4);
    for (const line of lines.slice(5)) expect(line.split('\t')).toHaveLength(4);
  });

  it('puts the id as GUID first, the question in front, the answer as HTML behind, and safe tags with the difficulty last', () => {
    const lines = render();
    const [guid, front, back, tags] = lines.find((l) => l.startsWith('nnquiz:dropout\t'))!.split('\t');
    expect(guid).toBe('nnquiz:dropout');
    expect(front).toBe('What is dropout, and why does it reduce overfitting?');
    expect(back).toMatch(/^<p><strong>Dropout<\/strong> randomly zeroes units/);
    expect(back).not.toContain('\n');
    expect(tags).toBe('regularization overfitting difficulty::easy');
    expect(lines.at(-1)!.split('\t')[3]).toMatch(/^web <img_src=x_onerror=alert\(1\)> tag_with_spaces difficulty::/);
  });
});

describe('hostile bank text (issue 11)', () => {
  const base = small.find((q) => q.id === 'dropout')!;
  const hostile = readBank([fixture('xss-bank')]).questions[0]!;

  it('escapes a leading # in an Anki field, so no note becomes a comment or a #key:value header', () => {
    const question = { ...base, question: '#deck:Hijacked', answer: '# notetype:Cloze' };
    const lines = renderAnkiSheet([question], options).trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.slice(0, 5)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#guid column:1', '#tags column:4']);
    expect(lines[5]!.split('\t')[1]!.startsWith('&#35;deck:Hijacked')).toBe(true);
    expect(lines.filter((line) => line.startsWith('#'))).toHaveLength(5);
  });

  it('escapes raw HTML and drops javascript: and data: links and images in the Markdown sheet', () => {
    const extra = '<svg onload=alert(1)>\n\n<iframe src="javascript:alert(1)"></iframe>\n\n[x](<javascript:alert(1)>) [y](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(2)>\n\n[ref][bad]\n\n[bad]: javascript:alert(3)\n\nA `<b>` in code stays as it is.';
    const sheet = renderMarkdownSheet([{ ...hostile, answer: `${hostile.answer}\n\n${extra}` }], options);
    const answer = sheet.slice(sheet.indexOf('id: `xss`'));
    expect(answer).not.toMatch(/<(script|img|iframe|svg)\b/i);
    expect(answer).not.toMatch(/\]\(\s*<?\s*(javascript|data):/i);
    expect(answer).not.toMatch(/<javascript:/i);
    expect(answer).not.toMatch(/javascript:alert\(3\)/);
    expect(answer).toContain('&lt;script>document.title');
    expect(answer).toContain('[safe link](https://example.com/page)');
    expect(answer).toContain('\\[tracking pixel\\]');
    expect(answer).toContain('A `<b>` in code stays as it is.');
  });

  it.each([
    ['block quotes', '>'.repeat(3000) + ' deep'],
    ['lists', '- '.repeat(3000) + 'deep'],
    ['emphasis', '*'.repeat(3000) + 'deep' + '*'.repeat(3000)],
  ])('renders answers of deeply nested %s in every format instead of crashing', (_, answer) => {
    const question = { ...base, answer };
    expect(renderHtmlSheet([question], options)).toContain('deep');
    expect(renderAnkiSheet([question], options)).toContain('deep');
    expect(renderMarkdownSheet([question], options)).toContain('deep');
  });

  it('bounds the nesting of block quotes and lists', () => {
    const html = renderHtmlSheet([{ ...base, answer: '>'.repeat(3000) + ' deep' }], options);
    expect(html.match(/<blockquote>/g)).toHaveLength(16);
  });
});

describe('the sheet bank: topics, hard-wrapped answers, difficulties', () => {
  const bank = readBank([fixture('sheet-bank')]).questions;
  const pooling = bank.find((q) => q.id === 'pooling')!;
  const oneLine = 'A pooling layer summarises each small window of a feature map with one number, such as its maximum or its mean, so the map shrinks and small shifts of the input matter less.';

  it('spells topic headings as people write them: known acronyms in capitals, hyphens as spaces', () => {
    const markdown = renderMarkdownSheet(bank, options);
    expect(markdown).toContain('## Contents\n\n- [CNN](#cnn)\n');
    expect(markdown).toContain('- [Sequence models](#sequence-models)\n');
    expect(markdown).toContain('\n## CNN\n');
    expect(markdown).toContain('\n## Sequence models\n');
    const html = renderHtmlSheet(bank, options);
    expect(html).toContain('<li><a href="#topic-cnn">CNN</a>');
    expect(html).toContain('<section class="topic" id="topic-sequence-models">\n<h2>Sequence models</h2>');
    expect(html).not.toContain('text-transform: capitalize');
  });

  it('joins a paragraph hard-wrapped in its file into one paragraph, leaving lists, code and hard breaks alone', () => {
    expect(pooling.answer).toContain('feature map\nwith one number');
    const markdown = renderMarkdownSheet([pooling], options);
    expect(markdown).toContain(`\n${oneLine}\n\n`);
    expect(markdown).toContain('- max pooling keeps the strongest\n  response in each window\n- average pooling keeps the mean');
    expect(markdown).toContain('```python\npool = nn.MaxPool2d(2)\nout = pool(x)\n```');
    expect(markdown).toContain('Ends with a hard break  \non purpose.');

    const html = renderHtmlSheet([pooling], options);
    expect(html).toContain(`<p>${oneLine}</p>`);
    expect(html).toContain('<li>max pooling keeps the strongest response in each window</li>');
    expect(html).toContain('pool = nn.MaxPool2d(2)\nout = pool(x)');
    expect(html).toContain('<p>Ends with a hard break<br>on purpose.</p>');
  });

  it('gives Anki one paragraph too: only code lines and hard breaks become <br>', () => {
    const back = renderAnkiSheet([pooling], options).trimEnd().split('\n').at(-1)!.split('\t')[2]!;
    expect(back).toContain(`<p>${oneLine}</p>`);
    expect(back).toContain('<li>max pooling keeps the strongest response in each window</li>');
    expect(back).toContain('pool = nn.MaxPool2d(2)<br>out = pool(x)');
    expect(back.match(/<br>/g)).toHaveLength(3);
  });

  it('leaves a practice sheet room to write that grows with difficulty, in a printed border, and says it is for practice', () => {
    const html = renderHtmlSheet(bank, { ...options, answers: false });
    expect(html).toContain('<title>Study sheet — practice sheet</title>');
    expect(html).toContain('<h1>Study sheet — practice sheet</h1>');
    const lines = (id: string) => {
      const article = html.slice(html.indexOf(`<article id="q-${id}">`), html.indexOf('</article>', html.indexOf(`<article id="q-${id}">`)));
      return { declared: Number(/data-lines="(\d+)"/.exec(article)?.[1]), ruled: article.match(/<div class="rule"><\/div>/g)?.length };
    };
    expect(lines('pooling')).toEqual({ declared: 5, ruled: 5 });
    expect(lines('lstm')).toEqual({ declared: 9, ruled: 9 });
    expect(lines('bptt')).toEqual({ declared: 14, ruled: 14 });
    const boxRule = /\.answer-space \{[^}]*\}/.exec(html)![0];
    expect(boxRule).toMatch(/border: 1px solid/);
    expect(html).not.toMatch(/\.answer-space[^{]*\{[^}]*background/);
    expect(renderMarkdownSheet(bank, { ...options, answers: false }).startsWith('# Study sheet — practice sheet\n')).toBe(true);
    expect(renderHtmlSheet(bank, { ...options, answers: false, title: 'My practice' })).toContain('<h1>My practice</h1>');
  });
});

describe('the printed HTML sheet', () => {
  const render = () => {
    const html = renderHtmlSheet(small, options);
    return { html, print: html.slice(html.indexOf('@media print'), html.indexOf('</style>')) };
  };

  it('keeps each question with its details and the first block of its answer', () => {
    const { html, print } = render();
    expect(html).toContain(
      '<article id="q-dropout">\n<div class="question-start">\n<h3>What is dropout, and why does it reduce overfitting?</h3>\n<p class="meta"><span class="difficulty">easy</span> · regularization, overfitting · <code>dropout</code></p>\n<div class="answer"><p><strong>Dropout</strong> randomly zeroes units',
    );
    expect(print).toMatch(/\.question-start \{ break-inside: avoid; \}/);
    expect(print).toMatch(/article h3, \.meta[^{]*\{ break-inside: avoid; break-after: avoid; \}/);
    expect(print).toMatch(/orphans: 3; widows: 3;/);
  });

  it('lets questions flow, several to a page, and leaves the unnumbered contents out of print', () => {
    const { print } = render();
    expect(print).toMatch(/nav \{ display: none; \}/);
    expect(print).not.toMatch(/break-(before|after): (page|always)|page-break-(before|after)/);
    expect(print).not.toMatch(/article \{[^}]*break-inside: avoid/);
  });
});

/** A question with every field set, for tests that need only a few of them. */
const question = (fields: Partial<Question> = {}): Question => ({
  id: 'q1',
  question: 'Question one?',
  topic: 'basics',
  tags: [],
  difficulty: 'easy',
  keyTerms: [],
  misconceptions: [],
  keyTermsDerived: false,
  rubricProposed: false,
  passMark: 0.6,
  followUps: [],
  formerIds: [],
  answer: 'The answer.',
  file: 'basics/q1.md',
  defaulted: [],
  extra: {},
  ...fields,
});
// Deep enough to exhaust the parser's stack in a forked process and in a worker thread alike.
const deepEmphasis = `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}`;
const weakDetail = (fields: Partial<WeakDetail> = {}): WeakDetail => ({ answer: 'my answer', missed: [], verdict: 'partial', at: '2026-01-02T03:04:05Z', ...fields });

describe('sanitiseMarkdown', () => {
  it.each([
    ['raw HTML, with the entities inside its tags', '<b title="&lt;">x</b> and <span>&copy;</span>', '&lt;b title="&amp;lt;">x&lt;/b> and &lt;span>&copy;&lt;/span>'],
    ['an HTML block', '<div>\n[x](javascript:1)\n</div>', '&lt;div>\nx\n&lt;/div>'],
    ['unsafe links, whatever their case', '[a](javascript:x) and [b](JAVASCRIPT:y) [c](ftp://z)', 'a and b c'],
    ['the markup in an unsafe link text', '[<b>x</b>](javascript:1)', '&lt;b&gt;x&lt;/b&gt;'],
    ['images, with or without alt text', '![](x.png) ![alt *t*](y)', '\\[image\\] \\[alt \\*t\\*\\]'],
    ['unsafe link definitions', '[d]: javascript:x\n[e]: https://ok\n\n[d] [e]', '[e]: https://ok\n\nd [e]'],
    ['HTML and links in list items', '- <i>x</i>\n- [l](javascript:1)', '- &lt;i>x&lt;/i>\n- l'],
    ['HTML, images and links in table cells', '| a | <b> |\n|---|---|\n| ![i](x) | [l](data:x) |', '| a | &lt;b> |\n|---|---|\n| \\[i\\] | l |'],
    ['every copy of the same unsafe link', '[x](javascript:a) [x](javascript:a)', 'x x'],
    ['unsafe links nested three deep', '[[[x](javascript:1)](javascript:2)](javascript:3)', 'x'],
  ])('makes %s inert', (_, markdown, safe) => {
    expect(sanitiseMarkdown(markdown)).toBe(safe);
  });

  it.each([
    ['http, https and mailto links, spaces and case aside', '[x]( https://ok ) [y](MAILTO:a@b) [z](http://x)'],
    ['safe link definitions', '[d]: https://x\n\n[d]'],
    ['code, where markup is text', 'A `<b>` and\n\n```\n<script>[x](javascript:1)\n```'],
    ['plain Markdown', '# Head\n\n**bold** and *em*\n\n> quote'],
  ])('leaves %s as written', (_, markdown) => {
    expect(sanitiseMarkdown(markdown)).toBe(markdown);
  });

  it('shows as a literal block, fenced longer than any backticks in it, what is still unsafe after four passes', () => {
    const unsafe = (text: string) => `[[[[${text}](javascript:1)](javascript:2)](javascript:3)](javascript:4)`;
    expect(sanitiseMarkdown(unsafe('x'))).toBe(`\`\`\`text\n${unsafe('x')}\n\`\`\``);
    expect(sanitiseMarkdown(unsafe('`x`'))).toBe(`\`\`\`text\n${unsafe('`x`')}\n\`\`\``);
    expect(sanitiseMarkdown(unsafe('````x````'))).toBe(`\`\`\`\`\`text\n${unsafe('````x````')}\n\`\`\`\`\``);
  });

  it('shows Markdown too deep to parse as a literal block', () => {
    expect(sanitiseMarkdown(`<b> ${deepEmphasis}`)).toBe(`\`\`\`text\n<b> ${deepEmphasis}\n\`\`\``);
  });

  it('bounds the nesting of quotes before anything else', () => {
    expect(sanitiseMarkdown(`${'>'.repeat(20)} deep`)).toBe(`${'>'.repeat(16)}deep`);
  });
});

describe('markdownToSafeHtml', () => {
  it.each([
    ['a paragraph of bold text as a subhead', '**Why it helps**', '<p class="subhead"><strong>Why it helps</strong></p>\n'],
    ['a bold paragraph ending in a colon as a subhead', '**Why**:', '<p class="subhead"><strong>Why</strong>:</p>\n'],
    ['bold text followed by blanks and a colon as a subhead', '**a** : ', '<p class="subhead"><strong>a</strong> : </p>\n'],
    ['bold text followed by words as a paragraph', '**Why** it helps', '<p><strong>Why</strong> it helps</p>\n'],
    ['bold text followed by a soft break and words as a paragraph', '**a**\ntext', '<p><strong>a</strong> text</p>\n'],
    ['two bold phrases as a paragraph', '**a** **b**', '<p><strong>a</strong> <strong>b</strong></p>\n'],
    ['bold text followed by code as a paragraph', '**Why** `:`', '<p><strong>Why</strong> <code>:</code></p>\n'],
    ['emphasis as a paragraph', '*em*', '<p><em>em</em></p>\n'],
    ['soft breaks as spaces, hard breaks as <br>', 'a\nb  \nc', '<p>a b<br>c</p>\n'],
    ['raw HTML as text', '<script>x</script>', '&lt;script&gt;x&lt;/script&gt;'],
    ['unsafe links as their text', '[a](javascript:x)', '<p>a</p>\n'],
    ['safe links with their href trimmed and escaped', '[a]( https://x.org/?a=1&b="2" )', '<p><a href="https://x.org/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">a</a></p>\n'],
    ['images as their alt text', '![a<b](x)', '<p><span class="image">[a&lt;b]</span></p>\n'],
    ['images without alt text as [image]', '![](x)', '<p><span class="image">[image]</span></p>\n'],
    ['GitHub tables', '| a |\n|---|\n| 1 |', '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody><tr>\n<td>1</td>\n</tr>\n</tbody></table>\n'],
    ['GitHub strikethrough', '~~gone~~', '<p><del>gone</del></p>\n'],
    ['link definitions as nothing', '[d]: https://x\n\npara\n\n\n[d]', '<p>para</p>\n<p><a href="https://x" rel="noopener noreferrer">d</a></p>\n'],
    ['quotes with their soft breaks joined', '> q\nr', '<blockquote>\n<p>q r</p>\n</blockquote>\n'],
    ['nothing as nothing', '', ''],
  ])('renders %s', (_, markdown, html) => {
    expect(markdownToSafeHtml(markdown)).toBe(html);
  });

  it('shows Markdown too deep to parse as escaped preformatted text', () => {
    expect(markdownToSafeHtml(`<b>${deepEmphasis}`)).toBe(`<pre>&lt;b&gt;${deepEmphasis}</pre>`);
  });

  it('lets any error other than running out of stack through', () => {
    expect(() => markdownToSafeHtml(undefined as unknown as string)).toThrow(TypeError);
  });
});

describe('renderMarkdownSheet, question by question', () => {
  const options = { title: 'T', answers: true, terms: true };

  it('counts one question in the singular and orders topics alphabetically, questions as given', () => {
    expect(renderMarkdownSheet([question()], options)).toBe(
      '# T\n\n1 question.\n\n## Contents\n\n- [Basics](#basics)\n  - [Question one?](#question-one)\n\n## Basics\n\n### Question one?\n\n*easy* · id: `q1`\n\nThe answer.\n',
    );
    const sheet = renderMarkdownSheet([question({ id: 'b2', topic: 'beta', question: 'B2' }), question({ id: 'a1', topic: 'alpha', question: 'A1' }), question({ id: 'b1', topic: 'beta', question: 'B1' })], options);
    expect(sheet).toContain('3 questions.\n\n## Contents\n\n- [Alpha](#alpha)\n  - [A1](#a1)\n- [Beta](#beta)\n  - [B2](#b2)\n  - [B1](#b1)\n');
    expect(sheet.indexOf('## Alpha')).toBeLessThan(sheet.indexOf('## Beta'));
  });

  it('makes each heading anchor unique, and one from a heading without letters', () => {
    const sheet = renderMarkdownSheet([question({ question: 'Same  Thing?' }), question({ id: 'q2', question: 'same thing' }), question({ id: 'q3', question: '???' }), question({ id: 'q4', question: 'Qué es?' })], options);
    expect(sheet).toContain('- [Basics](#basics)\n  - [Same  Thing?](#same-thing)\n  - [same thing](#same-thing-1)\n  - [???](#section)\n  - [Qué es?](#qué-es)\n');
    expect(renderMarkdownSheet([question({ question: 'Basics' })], options)).toContain('- [Basics](#basics)\n  - [Basics](#basics-1)\n');
    expect(renderMarkdownSheet([question({ topic: 'x', question: '-a b-' })], options)).toContain('  - [-a b-](#-a-b-)\n');
    expect(renderMarkdownSheet([question({ topic: 'x', question: '? why' })], options)).toContain('  - [? why](#why)\n');
  });

  it('escapes Markdown in titles, questions, tags and terms, and keeps them on one line', () => {
    const sheet = renderMarkdownSheet(
      [question({ question: 'a\\b `c` *d* _e_ [f] <g> #h |i| !j\n\nk', tags: ['t_1', 'u'], id: 'a`b', keyTerms: [{ term: 'y*', aliases: ['z', 'w'], weight: 1, core: false }, { term: 'x', aliases: [], weight: 1, core: true }] })],
      { ...options, title: 'Study *sheet*' },
    );
    expect(sheet.startsWith('# Study \\*sheet\\*\n')).toBe(true);
    expect(sheet).toContain('\n### a\\\\b \\`c\\` \\*d\\* \\_e\\_ \\[f\\] \\<g\\> \\#h \\|i\\| \\!j k\n');
    expect(sheet).toContain('\n*easy* · tags: t\\_1, u · id: `ab`\n');
    expect(sheet).toContain('\n**Key terms:** y\\* (z, w); x\n');
  });

  it('marks derived key terms, and shows terms only when asked and when there are some', () => {
    const withTerms = question({ keyTerms: [{ term: 'x', aliases: [], weight: 1, core: true }], keyTermsDerived: true });
    expect(renderMarkdownSheet([withTerms], options)).toContain('\n\n**Key terms (derived):** x\n');
    expect(renderMarkdownSheet([withTerms], { ...options, terms: false })).not.toContain('Key terms');
    expect(renderMarkdownSheet([question()], options)).not.toContain('Key terms');
  });

  it('takes only three or more backticks or tildes, at most three spaces in, at the start of a line, for a fence', () => {
    const answer = 'Say ``` mid-line.\n\n# A\n\n    ```\n\n# B\n\n`` two\n\n# C\n\n~~ two\n\n# D';
    const sheet = renderMarkdownSheet([question({ answer })], options);
    expect(sheet).toContain('\n\nSay ``` mid-line.\n\n#### A\n\n    ```\n\n#### B\n\n`` two\n\n#### C\n\n~~ two\n\n#### D\n');
  });

  it('moves answer headings below the question headings, outside code fences only', () => {
    const answer = 'Text.\n\n    # indented code\n\n# H1\n\n#### H4\n\n###### H6\n\n#tag\n\n   ## Indented\n\n```\n# in code\n~~~\n# still code\n```\n\n# after\n\n~~~~\n# tilde code\n````\n~~~~\n\n#\n\n####### seven\n\n\t# tab-indented code\n\n\t```\n\n# after a tab-indented fence, which opens none';
    const sheet = renderMarkdownSheet([question({ answer })], options);
    expect(sheet).toContain(
      '\n\nText.\n\n    # indented code\n\n#### H1\n\n###### H4\n\n###### H6\n\n#tag\n\n   ##### Indented\n\n```\n# in code\n~~~\n# still code\n```\n\n#### after\n\n~~~~\n# tilde code\n````\n~~~~\n\n####\n\n####### seven\n\n\t# tab-indented code\n\n\t```\n\n#### after a tab-indented fence, which opens none\n',
    );
  });

  it('leaves a heading alone inside a fence that a shorter run does not close', () => {
    const answer = '````\n# code\n```\n# still code\n````\n\n# after';
    expect(renderMarkdownSheet([question({ answer })], options)).toContain('\n````\n# code\n```\n# still code\n````\n\n#### after\n');
  });

  it('shows a skipped last answer, and no missed line when nothing was missed', () => {
    const weak = new Map([['q1', weakDetail({ answer: '', verdict: 'incorrect' })]]);
    const sheet = renderMarkdownSheet([question(), question({ id: 'q2' })], { ...options, weak });
    expect(sheet).toContain('\n> **Your last answer** (incorrect, 2026-01-02): *(skipped)*\n\nThe answer.');
    expect(sheet).not.toContain('Missed');
    expect(sheet.match(/Your last answer/g)).toHaveLength(1);
  });

  it('says a sheet without answers is for practice unless its title does', () => {
    const practice = { ...options, answers: false };
    expect(renderMarkdownSheet([question()], practice).startsWith('# T — practice sheet\n')).toBe(true);
    expect(renderMarkdownSheet([question()], practice)).not.toContain('The answer.');
    expect(renderMarkdownSheet([question()], { ...practice, title: 'Practise set' }).startsWith('# Practise set\n')).toBe(true);
    expect(renderMarkdownSheet([question()], { ...practice, title: 'MY PRACTICE' }).startsWith('# MY PRACTICE\n')).toBe(true);
    expect(renderMarkdownSheet([question()], { ...practice, title: 'Practical' }).startsWith('# Practical — practice sheet\n')).toBe(true);
    expect(renderMarkdownSheet([question()], { ...options, title: 'Notes' }).startsWith('# Notes\n')).toBe(true);
  });
});

describe('renderHtmlSheet, question by question', () => {
  const options = { title: 'T & <U>', answers: true, terms: true };
  const withoutStyle = (html: string) => html.replace(/<style>[\s\S]*<\/style>/, '<style></style>');

  it('escapes bank text, counts topics, and splits the answer after its first block', () => {
    const questions = [
      question({ answer: 'First.\n\nSecond.\n\n- third', tags: ['<a>', 'b'], keyTerms: [{ term: 'x<', aliases: ['y'], weight: 1, core: true }], keyTermsDerived: true }),
      question({ id: 'q&2', topic: 'x<y', question: 'Q <2>', difficulty: 'hard' }),
    ];
    const weak = new Map([
      ['q1', weakDetail({ answer: 'my <ans>', missed: ['a<', 'b'], verdict: 'in<correct' })],
      ['q&2', weakDetail({ answer: '', verdict: 'partial', at: '2026-01-02' })],
    ]);
    expect(withoutStyle(renderHtmlSheet(questions, { ...options, weak }))).toBe(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>T &amp; &lt;U&gt;</title>
<style></style>
</head>
<body>
<main class="with-answers">
<h1>T &amp; &lt;U&gt;</h1>
<p class="lede">2 questions in 2 topics.</p>
<nav aria-label="Contents"><h2>Contents</h2><ol>
<li><a href="#topic-basics">Basics</a><ol><li><a href="#q-q1">Question one?</a></li></ol></li>
<li><a href="#topic-xy">X&lt;y</a><ol><li><a href="#q-q2">Q &lt;2&gt;</a></li></ol></li>
</ol></nav>
<section class="topic" id="topic-basics">
<h2>Basics</h2>
<article id="q-q1">
<div class="question-start">
<h3>Question one?</h3>
<p class="meta"><span class="difficulty">easy</span> · &lt;a&gt;, b · <code>q1</code></p>
<div class="weak"><strong>Your last answer</strong> (in&lt;correct, 2026-01-02): my &lt;ans&gt;<br><strong>Missed:</strong> <mark>a&lt;</mark> <mark>b</mark></div>
<div class="answer"><p>First.</p>
</div>
</div>
<div class="answer"><p>Second.</p>
<ul>
<li>third</li>
</ul>
</div>
<p class="terms"><strong>Key terms (derived):</strong> <code>x&lt; (y)</code></p>
</article>
</section>
<section class="topic" id="topic-xy">
<h2>X&lt;y</h2>
<article id="q-q2">
<div class="question-start">
<h3>Q &lt;2&gt;</h3>
<p class="meta"><span class="difficulty">hard</span> · <code>q&amp;2</code></p>
<div class="weak"><strong>Your last answer</strong> (partial, 2026-01-02): <em>(skipped)</em></div>
<div class="answer"><p>Ans.</p>
</div>
</div>
</article>
</section>
</main>
</body>
</html>
`.replace('<p>Ans.</p>', '<p>The answer.</p>'));
  });

  it('leaves a practice sheet a box to write in, and says so, for one question in one topic', () => {
    const html = renderHtmlSheet([question({ keyTerms: [{ term: 'x', aliases: [], weight: 1, core: true }] })], { title: 'T', answers: false, terms: false });
    expect(html).toContain('<main class="practice">\n<h1>T — practice sheet</h1>\n<p class="lede">1 question in 1 topic. Write each answer in its box, then check it against the full sheet.</p>');
    expect(html).toContain(
      '<p class="meta"><span class="difficulty">easy</span> · <code>q1</code></p>\n<div class="answer-space" data-lines="5" aria-label="space for your answer">' + '<div class="rule"></div>'.repeat(5) + '</div>\n</div>\n</article>',
    );
    expect(html).not.toContain('The answer.');
    expect(html).not.toContain('Key terms');
  });

  it('keeps the first block of an answer that starts with a link definition with the question', () => {
    const html = renderHtmlSheet([question({ answer: '[d]: https://x\n\nFirst [d].\n\nSecond.' })], options);
    expect(html).toContain(
      '<div class="answer"><p>First <a href="https://x" rel="noopener noreferrer">d</a>.</p>\n</div>\n</div>\n<div class="answer"><p>Second.</p>\n</div>\n</article>',
    );
  });

  it('gives each article a unique anchor, and shows key terms without the derived mark when they are written', () => {
    const html = renderHtmlSheet([question({ id: 'a b', keyTerms: [{ term: 'x', aliases: [], weight: 1, core: true }] }), question({ id: 'a-b' })], options);
    expect(html).toContain('<article id="q-a-b">');
    expect(html).toContain('<article id="q-a-b-1">');
    expect(html).toContain('<p class="terms"><strong>Key terms:</strong> <code>x</code></p>');
    expect(html).toContain('<p class="lede">2 questions in 1 topic.</p>');
  });
});

describe('renderAnkiSheet, note by note', () => {
  const options = { title: 'T', answers: true, terms: true };
  const notes = (questions: Question[], opts: SheetOptions = options) => renderAnkiSheet(questions, opts).split('\n').slice(5, -1).map((line) => line.split('\t'));

  it('writes every field on one line: code lines as <br>, other newlines as spaces, tabs as spaces', () => {
    const [note] = notes([question({ question: '  Q\tone  ', answer: 'Para\none.\n\n```\ncode\r\nline\n```\n\n<div>\n  raw\n</div>' })]);
    expect(note).toEqual(['nnquiz:q1', 'Q    one', '<p>Para one.</p><pre><code>code<br>line<br></code></pre> &lt;div&gt; raw &lt;/div&gt;', 'basics difficulty::easy']);
  });

  it('makes <br> only of the newlines inside each code block, not of those between them', () => {
    const [note] = notes([question({ answer: '```\na\n```\n\n<div>\n  raw\n</div>\n\n```\nb\n```' })]);
    expect(note![2]).toBe('<pre><code>a<br></code></pre> &lt;div&gt; raw &lt;/div&gt;<pre><code>b<br></code></pre>');
  });

  it('puts the missed terms first and the key terms last on the back, each only when there are some', () => {
    const keyTerms = [{ term: 'x<', aliases: ['y'], weight: 1, core: true }, { term: 'z', aliases: [], weight: 1, core: true }];
    const weak = new Map([['q1', weakDetail({ missed: ['m<', 'n'] })], ['q2', weakDetail()]]);
    const [first, second] = notes([question({ keyTerms }), question({ id: 'q2' })], { ...options, weak });
    expect(first![2]).toBe('<p><b>You missed:</b> m&lt;, n</p><p>The answer.</p><p><i>Key terms:</i> x&lt; (y); z</p>');
    expect(second![2]).toBe('<p>The answer.</p>');
    expect(notes([question({ keyTerms })], { ...options, answers: false, terms: false })[0]![2]).toBe('');
  });

  it('makes tags of the topic and tags without blanks or quotes, once each, and drops empty ones', () => {
    const [note] = notes([question({ topic: ' my  topic ', tags: ['"quoted" tag', 'my_topic', '  ', '__x__', '""'] })]);
    expect(note![3]).toBe('my_topic quoted_tag x difficulty::easy');
  });

  it('joins the tags of an HTML block without the newlines between them', () => {
    const [note] = notes([question({ answer: '<p>\n\n</p>' })]);
    expect(note![2]).toBe('&lt;p&gt;&lt;/p&gt;');
  });
});
