import type { LanguageTable } from '../../model/languages.js';

/**
 * The page's one style sheet, inline (the page needs nothing from the network). Logical
 * properties (`margin-inline-start`, `text-align: start`) so that a right-to-left page (Arabic,
 * `dir="rtl"`) is laid out from the right with the same rules. The fonts are the language
 * table's Word fonts, then the reader's own serif. For print: no table of contents, no link
 * colours, headings kept with what follows, table rows and notes not split across pages.
 */
export function styleSheet(table: LanguageTable): string {
  const { fonts } = table.word;
  const families = [...new Set([fonts.ascii, fonts.eastAsia, fonts.cs].filter((font): font is string => font !== undefined))];
  const fontList = [...families.map((font) => `"${font}"`), 'serif'].join(', ');
  return `
html { font-family: ${fontList}; font-size: 12pt; line-height: 1.45; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 48rem; padding: 2rem 1.5rem 4rem; }
nav.toc { border: 1px solid #ccc; padding: 0.75rem 1rem; margin-block-end: 2rem; font-size: 0.95em; }
nav.toc ol { list-style: none; margin: 0; padding-inline-start: 1.25rem; }
nav.toc > ol { padding-inline-start: 0; }
nav.toc a { text-decoration: none; }
h1 { font-size: 1.35em; margin-block: 2rem 0.75rem; }
h2 { font-size: 1.2em; margin-block: 2.25rem 0.5rem; border-block-start: 1px solid #ccc; padding-block-start: 1rem; }
h3 { font-size: 1.05em; margin-block: 1.25rem 0.5rem; }
p { margin-block: 0.5rem; }
p.continuation { font-style: italic; }
p.label { font-style: italic; margin-block-end: 0.2rem; }
ul { margin-block: 0.25rem 0.5rem; padding-inline-start: 1.75rem; }
table { border-collapse: collapse; width: 100%; margin-block: 0.75rem 1.5rem; font-size: 0.95em; }
caption { font-weight: bold; margin-block-end: 0.5rem; }
th, td { border: 1px solid #888; padding: 0.25rem 0.4rem; vertical-align: top; text-align: start; }
th { background: #eee; }
table.questions :is(th, td):is(:nth-child(1), :nth-child(4)) { white-space: nowrap; }
sup a { text-decoration: none; }
section.footnotes { margin-block-start: 2.5rem; font-size: 0.9em; }
a { color: #0645ad; }
:target { background: #fff6bf; }
@media print {
  html { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, p.label { break-after: avoid; }
  h2 { border: none; }
  tr, li, section.footnotes { break-inside: avoid; }
  :target { background: none; }
}
`;
}
