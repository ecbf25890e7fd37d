/** The HTML sheet's stylesheet, inline in the page (the page's policy allows no other). */
export const SHEET_STYLE = `
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #dadce0; --rule: #9aa0a6; --accent: #1a56db; --paper: #fff; --code: #f3f4f6; --bad: #b3261e; }
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
section.topic > h2 { font-size: 1.4rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin: 2.5rem 0 0; }
article { border-bottom: 1px solid var(--line); padding: 1rem 0 1.25rem; }
article h3 { font-size: 1.1rem; margin: 0 0 .35rem; }
.meta { color: var(--muted); font-size: .85rem; margin: 0 0 .75rem; }
.meta .difficulty { font-weight: 600; }
.answer p, .answer ul, .answer ol { margin: .5rem 0; }
.answer > :first-child { margin-top: 0; }
.answer code, .terms code { background: var(--code); border-radius: .25rem; padding: .05rem .3rem; font-size: .9em; }
.answer pre { background: var(--code); padding: .75rem; border-radius: .4rem; overflow-x: auto; white-space: pre-wrap; }
.answer pre code { background: none; padding: 0; }
.answer .subhead { margin-bottom: .2rem; }
.terms { font-size: .9rem; color: var(--muted); }
.weak { border-left: 4px solid var(--bad); background: #fdf3f2; padding: .5rem .75rem; margin: .5rem 0 .75rem; font-size: .95rem; }
.weak mark { background: #f9d8d6; color: var(--bad); font-weight: 600; padding: 0 .2rem; border-radius: .2rem; }
/* Room to write: a border and ruled lines, never a background, which browsers leave out of print. */
.answer-space { border: 1px solid var(--rule); border-radius: .4rem; padding: 0 .75rem; }
.answer-space .rule { height: 7mm; border-bottom: 1px dotted var(--rule); }
.answer-space .rule:last-child { border-bottom: none; }
@media print {
  @page { size: A4; margin: 13mm 12mm; }
  body { font-size: 9pt; line-height: 1.38; }
  main { max-width: none; padding: 0; }
  /* Links cannot be followed on paper, and Chromium cannot print page numbers into the contents. */
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .lede { margin-bottom: .5rem; }
  /* Answers flow in two columns, several questions to a page, like a printed booklet. */
  main.with-answers { columns: 2; column-gap: 7mm; }
  main.with-answers > h1, main.with-answers > .lede { column-span: all; }
  section.topic > h2 { font-size: 1.3rem; margin-top: 1rem; break-inside: avoid; break-after: avoid; }
  article { padding: .45rem 0 .55rem; }
  article h3 { font-size: 1.05rem; }
  .meta { margin-bottom: .35rem; }
  /* A question, its details and the start of its answer (or its room to write) share a page. */
  .question-start { break-inside: avoid; }
  article h3, .meta, .weak, .answer .subhead { break-inside: avoid; break-after: avoid; }
  .answer p, .answer ul, .answer ol { margin: .3rem 0; }
  .answer ul, .answer ol { padding-left: 1.1rem; }
  .answer li, .answer p { orphans: 3; widows: 3; }
  .answer pre { padding: .5rem; break-inside: avoid; }
  .answer-space { break-inside: avoid; margin-top: .25rem; }
  main.practice article { padding: .3rem 0 .45rem; }
}
`;
