import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, htmlToPlainText } from '../../../src/core/import/html.js';

describe('htmlToMarkdown', () => {
  // First in the file on purpose: the converter is built once, on first use.
  it('reads a whole card: heading, dropped content, links, images, code and lists', () => {
    const html = '<h2>T</h2><p>See <a href="media.png">file</a> <img alt="a*b"></p><script>x()</script><pre><code>y</code></pre><ul><li>one</li><li>two</li></ul>';
    expect(htmlToMarkdown(html)).toBe('## T\n\nSee file a\\*b\n\n```\ny\n```\n\n- one\n- two');
  });

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
  it.each([
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['a star', 'a*b', 'a\\*b'],
    ['a backtick', 'a`b', 'a\\`b'],
    ['an opening bracket', 'a[b', 'a\\[b'],
    ['a closing bracket', 'a]b', 'a\\]b'],
    ['an underscore', 'a_b', 'a\\_b'],
    ['a leading dash', '-x', '\\-x'],
    ['a leading plus and a space', '+ x', '\\+ x'],
    ['a leading equals sign', '=x', '\\=x'],
    ['a leading hash and a space', '# x', '\\# x'],
    ['a leading tilde fence', '~~~x', '\\~~~x'],
    ['a leading angle bracket', '>x', '\\>x'],
    ['a leading number of several digits and a dot', '12. x', '12\\. x'],
  ])('escapes %s in text without tags', (_name, text, markdown) => expect(htmlToMarkdown(text)).toBe(markdown));

  it.each([
    ['a plus, equals sign or dot inside a line', 'x+y = 1.5 x'],
    ['plain words', 'plain text'],
  ])('leaves %s as it is', (_name, text) => expect(htmlToMarkdown(text)).toBe(text));

  it.each([
    ['HTML blanks collapsed to one space', 'a\t\t\n b\f\rc', 'a b c'],
    ['no-break spaces kept apart as spaces', 'a\u00a0\u00a0b', 'a  b'],
    ['entities decoded', 'a &amp; b', 'a & b'],
    ['an Anki sound tag removed', 'x [sound:a.mp3] y', 'x y'],
    ['blanks around it trimmed', '  x  ', 'x'],
  ])('reads text without tags: %s', (_name, text, markdown) => expect(htmlToMarkdown(text)).toBe(markdown));

  it.each([
    ['from a lang- class on <pre>', '<pre class="lang-js">x</pre>', 'js'],
    ['among other classes and blanks', '<pre><code class="hljs  language-python">x</code></pre>', 'python'],
    ['from the first language class', '<pre class="language-a language-b">x</pre>', 'a'],
    ['from <code> before <pre>', '<pre class="language-pre"><code class="language-code">x</code></pre>', 'code'],
    ['with the characters of a language name', '<pre class="language-c++ lang-x">x</pre>', 'c++'],
    ['not from a class that only contains language-', '<pre class="xlanguage-py">x</pre>', ''],
    ['not from a name with other characters', '<pre class="language-py!">x</pre>', ''],
    ['not from an empty name', '<pre class="language-">x</pre>', ''],
    ['not from a <code> that does not start the block', '<pre>text<code class="language-py">x</code></pre>', ''],
  ])('takes the code block language %s', (_name, html, language) => {
    expect(htmlToMarkdown(html).split('\n')[0]).toBe(`\`\`\`${language}`);
  });

  it('ends a code block at its last line, whether or not a <br> ends it', () => {
    expect(htmlToMarkdown('<pre><code>a<br></code></pre>')).toBe('```\na\n```');
  });

  it('fences code with one backtick more than the longest run starting a line', () => {
    expect(htmlToMarkdown('<pre><code>`` x\n```` y</code></pre>')).toBe('`````\n`` x\n```` y\n`````');
  });

  it.each([
    ['from 1 without a start', '<ol><li>one</li><li>two</li></ol>', '1. one\n2. two'],
    ['from a start of 0', '<ol start="0"><li>one</li></ol>', '0. one'],
    ['from 1 when the start is no number', '<ol start="x"><li>a</li></ol>', '1. a'],
    ['with later lines of an item under its text', '<ol start="9"><li>a<br>b</li><li>c</li></ol>', '9. a  \n   b\n10. c'],
    ['as bullets, later lines under the text', '<ul><li>a<br>b</li></ul>', '- a  \n  b'],
  ])('numbers or marks list items %s', (_name, html, markdown) => expect(htmlToMarkdown(html)).toBe(markdown));

  it('keeps the items of a loose list (paragraphs in items) apart by a blank line', () => {
    const lines = (html: string) => htmlToMarkdown(html).replace(/ +$/gm, '');
    expect(lines('<ul><li><p>one</p><p>more</p></li><li>two</li></ul>')).toBe('- one\n\n  more\n\n- two');
    expect(lines('<ol><li><p>one</p></li><li><p>two</p></li></ol>')).toBe('1. one\n\n2. two');
  });

  it('trims blank lines around the text of a list item', () => {
    expect(htmlToMarkdown('<ul><li>\n\none\n\n</li></ul>')).toBe('- one');
  });

  it('keeps links to the web and mail in any case, and any other as its text', () => {
    expect(htmlToMarkdown('<a href="HTTP://x.org">x</a> <a href="mailto:a@b.c">mail</a> <a href="x-https://y">y</a> <a>none</a>')).toBe(
      '[x](HTTP://x.org) [mail](mailto:a@b.c) y none',
    );
  });

  it('keeps a link to the web with blanks around its address', () => {
    expect(htmlToMarkdown('<a href=" https://x.org ">x</a>')).toMatch(/^\[x\]\(/);
  });

  it('writes an image among text as its alt text without the blanks around it', () => {
    expect(htmlToMarkdown('a<img alt=" b ">c')).toBe('abc');
  });

  it('trims no-break spaces at the ends, and reads text that starts like a list after blanks', () => {
    expect(htmlToMarkdown('<p>x&nbsp;</p>')).toBe('x');
    expect(htmlToMarkdown('  - x')).toBe('\\- x');
  });

  it('writes an image as its alt text, trimmed and escaped', () => {
    expect(htmlToMarkdown('<img alt=" the * curve ">')).toBe('the \\* curve');
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

  it.each(['address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'ul'])(
    'keeps <%s> apart from the text around it',
    (name) => expect(htmlToPlainText(`x<${name}>a</${name}>y`)).toBe('x a y'),
  );

  it.each([
    ['<hr>', 'x<hr>y', 'x y'],
    ['<br>', 'x<br>y', 'x y'],
    ['table cells', 'x<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><th>d</th></tr></table>y', 'x a b c d y'],
    ['a table', 'x<table><caption>c</caption></table>y', 'x c y'],
    ['an image', 'a<img alt="b">c', 'a b c'],
  ])('keeps %s apart from the text around it', (_name, html, text) => expect(htmlToPlainText(html)).toBe(text));

  it('glues inline elements to the text around them', () => {
    expect(htmlToPlainText('x<span>a</span><b>b</b>y')).toBe('xaby');
  });

  it.each([
    ['script', '<script>a</script>'],
    ['style', '<style>s</style>'],
    ['title', '<title>t</title>'],
    ['iframe', '<iframe>f</iframe>'],
    ['object', '<object>o</object>'],
    ['embed', '<embed src="e">'],
  ])('drops %s with its content', (_name, html) => expect(htmlToPlainText(`x${html}y`)).toBe('xy'));

  it('collapses runs of blanks in text without tags', () => {
    expect(htmlToPlainText(' a  \t b\n\nc ')).toBe('a b c');
  });
});
