import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, htmlToPlainText } from '../../../src/core/import/html.js';

describe('htmlToMarkdown', () => {
  it.each([
    ['an ATX heading', '<h2>Why</h2><p>Because.</p>', '## Why\n\nBecause.'],
    ['bold and italic', '<p><b>Dropout</b> is <i>random</i>.</p>', '**Dropout** is _random_.'],
    ['a bullet list with one space after its marker', '<ul><li>one</li><li>two<ul><li>deeper</li></ul></li></ul>', '- one\n- two\n  - deeper'],
    ['a numbered list from its start', '<ol start="3"><li>three</li><li>four</li></ol>', '3. three\n4. four'],
    ['a code block with its language, lines written as <br>', '<pre><code class="language-python">x = 1<br>if x &lt; 2:<br>    y = x</code></pre>', '```python\nx = 1\nif x < 2:\n    y = x\n```'],
    ['a bare <pre> as a code block', '<pre>a\n  b</pre>', '```\na\n  b\n```'],
    ['code holding a fence inside a longer fence', '<pre><code>```\ninner\n```</code></pre>', '````\n```\ninner\n```\n````'],
    ['<br> as a hard line break', 'one<br>two<br>', 'one  \ntwo'],
    ['entities decoded, and Markdown in the text escaped', '&#35; not a heading &amp; x_1 * 2 &lt;b&gt;', '\\# not a heading & x\\_1 \\* 2 <b>'],
    ['text that starts like a list or a quote escaped', '<p>1. not a list</p><p>- not a bullet</p><p>&gt; not a quote</p>', '1\\. not a list\n\n\\- not a bullet\n\n\\> not a quote'],
    ['a no-break space as a space', '<div>a&nbsp;b</div>', 'a b'],
    ['a web link kept', '<a href="https://example.com/a">docs</a>', '[docs](https://example.com/a)'],
    ['any other link as its text', '<a href="javascript:alert(1)">click</a> <a href="media.png">file</a>', 'click file'],
    ['an image as its alt text', 'See <img src="graph.png" alt="the loss curve">.', 'See the loss curve.'],
    ['an image without alt text as nothing', 'See <img src="https://example.com/x.png">.', 'See .'],
    ['an Anki sound tag removed', 'Say it [sound:word.mp3]<br>[sound:other.ogg]', 'Say it'],
  ])('%s', (_name, html, markdown) => expect(htmlToMarkdown(html)).toBe(markdown));

  it.each([
    ['script', '<script>alert("x")</script>'],
    ['style', '<style>p { color: red }</style>'],
    ['head and title', '<head><title>Page title</title></head>'],
    ['iframe', '<iframe src="https://example.com">frame text</iframe>'],
    ['object', '<object data="x.swf">object text</object>'],
    ['embed', '<embed src="x.swf">'],
  ])('drops %s with its content', (_name, html) => {
    expect(htmlToMarkdown(`<p>Before.</p>${html}<p>After.</p>`)).toBe('Before.\n\nAfter.');
  });

  it('reads text without tags as the same text wrapped in a tag (plain fields skip the parser)', () => {
    for (const text of ['x_1 * 2 = [a]', '- starts like a list', '# starts like a heading', '  spaced\n  out  ']) {
      expect(htmlToMarkdown(text)).toBe(htmlToMarkdown(`<span>${text}</span>`));
    }
  });
});

describe('htmlToPlainText', () => {
  it.each([
    ['tags dropped and blocks kept apart', '<div>What is <b>dropout</b>?</div><div>Say&nbsp;why.</div>', 'What is dropout? Say why.'],
    ['no Markdown escapes', 'What does <code>*args</code> do in f(x_1)?', 'What does *args do in f(x_1)?'],
    ['entities decoded', '&#35;1: is a &lt; b &amp;&amp; c?', '#1: is a < b && c?'],
    ['line breaks as spaces', 'one<br>two\nthree', 'one two three'],
    ['scripts and sounds dropped', 'Why?<script>alert(1)</script> [sound:q.mp3]', 'Why?'],
    ['an image as its alt text', 'Which curve is this? <img src="a.png" alt="loss curve">', 'Which curve is this? loss curve'],
    ['plain text as it is, on one line', 'What is  a\n"residual" [connection]?', 'What is a "residual" [connection]?'],
  ])('%s', (_name, html, text) => expect(htmlToPlainText(html)).toBe(text));
});
