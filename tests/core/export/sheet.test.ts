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
    expect(sheet.startsWith('# Study sheet\n\n3 questions.\n\n## Contents\n\n- [attention](#attention)\n  - [What problem does the attention mechanism solve in sequence-to-sequence models?](#what-problem-does-the-attention-mechanism-solve-in-sequence-to-sequence-models)\n- [regularization](#regularization)')).toBe(true);
    expect(sheet).toContain('\n## regularization\n\n### What is dropout, and why does it reduce overfitting?\n\n*easy* · tags: regularization, overfitting · id: `dropout`\n');
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
    expect(html).toContain('<li><a href="#topic-attention">attention</a><ol><li><a href="#q-attention">What problem does the attention mechanism solve in sequence-to-sequence models?</a></li></ol></li>');
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
    expect(lines.slice(0, 4)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3']);
    expect(lines).toHaveLength(4 + 4);
    for (const line of lines.slice(4)) expect(line.split('\t')).toHaveLength(3);
  });

  it('puts the question in front, the answer as HTML behind, and safe tags last', () => {
    const [front, back, tags] = lines.find((l) => l.startsWith('What is dropout'))!.split('\t');
    expect(front).toBe('What is dropout, and why does it reduce overfitting?');
    expect(back).toMatch(/^<p><strong>Dropout<\/strong> randomly zeroes units/);
    expect(back).not.toContain('\n');
    expect(tags).toBe('regularization overfitting');
    expect(lines.at(-1)!.split('\t')[2]).toBe('web <img_src=x_onerror=alert(1)> tag_with_spaces');
  });
});

describe('hostile bank text (issue 11)', () => {
  const base = small.find((q) => q.id === 'dropout')!;
  const hostile = readBank([fixture('xss-bank')]).questions[0]!;

  it('escapes a leading # in an Anki field, so no note becomes a comment or a #key:value header', () => {
    const question = { ...base, question: '#deck:Hijacked', answer: '# notetype:Cloze' };
    const lines = renderAnkiSheet([question], options).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.slice(0, 4)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3']);
    expect(lines[4]!.startsWith('&#35;deck:Hijacked\t')).toBe(true);
    expect(lines.filter((line) => line.startsWith('#'))).toHaveLength(4);
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
