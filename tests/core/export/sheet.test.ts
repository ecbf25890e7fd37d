import { describe, expect, it } from 'vitest';
import { readBank } from '../../../src/core/bank/read.js';
import { renderAnkiSheet, renderHtmlSheet, renderMarkdownSheet } from '../../../src/core/export/sheet.js';
import { fixture } from '../../helpers.js';

const small = readBank([fixture('small-bank')]).questions;
const [xss] = readBank([fixture('xss-bank')]).questions;
const options = { title: 'Study sheet', answers: true, terms: false };

describe('renderMarkdownSheet', () => {
  const sheet = renderMarkdownSheet(small, { ...options, terms: true });

  it('has a title, contents grouped by topic with links, and a heading per question', () => {
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
  const html = renderHtmlSheet([...small, xss!], { ...options, terms: true });

  it('is one self-contained page: inline CSS, no script, a policy that forbids fetching', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    expect(html).toContain('@media print');
    expect(html).toContain('break-inside: avoid');
    expect(html).not.toMatch(/<(link|script|img|iframe|object|embed)\b/i);
  });

  it('links the contents to a section per topic and an article per question', () => {
    expect(html).toContain('<li><a href="#topic-attention">Attention</a><ol><li><a href="#q-attention">What problem does the attention mechanism solve in sequence-to-sequence models?</a></li></ol></li>');
    expect(html).toContain('<section class="topic" id="topic-regularization">');
    expect(html).toContain('<article id="q-dropout">');
    expect(html).toContain('<strong>Dropout</strong> randomly zeroes units');
  });

  it('makes hostile bank text inert: scripts, event handlers, javascript: and data: links, images and frames', () => {
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
  const anki = renderAnkiSheet([...small, xss!], options);
  const lines = anki.trimEnd().split('\n');

  it("starts with Anki's header lines and has one tab-separated note per question", () => {
    expect(lines.slice(0, 5)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#guid column:1', '#tags column:4']);
    expect(lines).toHaveLength(5 + 4);
    for (const line of lines.slice(5)) expect(line.split('\t')).toHaveLength(4);
  });

  it('puts the id as GUID first, the question in front, the answer as HTML behind, and safe tags with the difficulty last', () => {
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
  const html = renderHtmlSheet(small, options);
  const print = html.slice(html.indexOf('@media print'), html.indexOf('</style>'));

  it('keeps each question with its details and the first block of its answer', () => {
    expect(html).toContain(
      '<article id="q-dropout">\n<div class="question-start">\n<h3>What is dropout, and why does it reduce overfitting?</h3>\n<p class="meta"><span class="difficulty">easy</span> · regularization, overfitting · <code>dropout</code></p>\n<div class="answer"><p><strong>Dropout</strong> randomly zeroes units',
    );
    expect(print).toMatch(/\.question-start \{ break-inside: avoid; \}/);
    expect(print).toMatch(/article h3, \.meta[^{]*\{ break-inside: avoid; break-after: avoid; \}/);
    expect(print).toMatch(/orphans: 3; widows: 3;/);
  });

  it('lets questions flow, several to a page, and leaves the unnumbered contents out of print', () => {
    expect(print).toMatch(/nav \{ display: none; \}/);
    expect(print).not.toMatch(/break-(before|after): (page|always)|page-break-(before|after)/);
    expect(print).not.toMatch(/article \{[^}]*break-inside: avoid/);
  });
});
